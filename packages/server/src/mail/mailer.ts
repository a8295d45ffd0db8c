import { randomUUID } from 'node:crypto';
import type { Logger } from '../log.js';

/** One e-mail. Plain text always; HTML optional. */
export interface MailMessage {
  to: string | string[];
  subject: string;
  text: string;
  html?: string;
}

/** Sends e-mail; injected into the app so tests can read what was sent. */
export interface Mailer {
  /**
   * Sends one message and logs it (recipients, subject, an id) through `log`: the request's
   * logger when a request sends it, so the line carries its request and user.
   */
  send(message: MailMessage, log?: Logger): Promise<void>;
}

const recipients = (m: MailMessage) => [m.to].flat();

/** Nodemailer over `SMTP_URL` (smtp://user:pass@host:port); loaded on the first e-mail. */
export function smtpMailer(
  smtpUrl: string,
  defaultLog: Logger,
  from = 'Thông hành <no-reply@thonghanh.local>',
): Mailer {
  let transport: Promise<import('nodemailer').Transporter> | null = null;
  return {
    async send(message, log = defaultLog) {
      transport ??= import('nodemailer').then((m) => m.default.createTransport(smtpUrl));
      const mailId = randomUUID();
      try {
        const info = await (await transport).sendMail({ from, ...message, messageId: `<${mailId}@thonghanh.local>` });
        log.info(
          { mail: { id: mailId, to: recipients(message), subject: message.subject, smtp: info.response } },
          'e-mail sent',
        );
      } catch (err) {
        log.error({ err, mail: { id: mailId, to: recipients(message), subject: message.subject } }, 'e-mail failed');
        throw err;
      }
    },
  };
}

/** Without SMTP_URL: e-mails are only logged (development and demo). */
export function logMailer(defaultLog: Logger): Mailer {
  return {
    async send(message, log = defaultLog) {
      log.info(
        { mail: { id: randomUUID(), to: recipients(message), subject: message.subject } },
        'e-mail not sent (SMTP_URL is not set)',
      );
    },
  };
}

/** Keeps what would have been sent, for tests. */
export function memoryMailer(): Mailer & { sent: MailMessage[] } {
  const sent: MailMessage[] = [];
  return {
    sent,
    async send(message) {
      sent.push(message);
    },
  };
}
