import nodemailer from 'nodemailer';

/** One e-mail. Plain text always; HTML optional. */
export interface MailMessage {
  to: string | string[];
  subject: string;
  text: string;
  html?: string;
}

/** Sends e-mail; injected into the app so tests can read what was sent. */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

/** Nodemailer over `SMTP_URL` (smtp://user:pass@host:port). */
export function smtpMailer(smtpUrl: string, from = 'Thông hành <no-reply@thonghanh.local>'): Mailer {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async send(message) {
      await transport.sendMail({ from, ...message });
    },
  };
}

/** Without SMTP_URL: e-mails are only logged (development and demo). */
export function logMailer(log: (line: string) => void = () => {}): Mailer {
  return {
    async send(message) {
      log(`e-mail (không gửi, chưa cấu hình SMTP_URL) tới ${[message.to].flat().join(', ')}: ${message.subject}`);
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
