import type { MailMessage } from '../mail/mailer.js';

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

export interface EmailContent {
  to: string | string[];
  subject: string;
  /** Paragraphs, plain text. */
  paragraphs: string[];
  /** Label → value lines (a small table in HTML). */
  facts?: Array<[string, string]>;
  /** Where to read more. */
  link?: { label: string; url: string };
}

const SIGNATURE =
  'Hệ thống Thông hành: giấy đi đường có mã QR xác thực.\nĐây là thư tự động, vui lòng không trả lời thư này.';

/** One e-mail in plain text and simple HTML, from the same content (Vietnamese, UTF-8). */
export function renderEmail(c: EmailContent): MailMessage {
  const text = [
    ...c.paragraphs,
    ...(c.facts?.length ? [c.facts.map(([k, v]) => `${k}: ${v}`).join('\n')] : []),
    ...(c.link ? [`${c.link.label}: ${c.link.url}`] : []),
    `--\n${SIGNATURE}`,
  ].join('\n\n');
  const html = [
    '<!doctype html><html lang="vi"><head><meta charset="utf-8"></head>',
    '<body style="font-family: Arial, sans-serif; font-size: 15px; color: #1a1a1a">',
    ...c.paragraphs.map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`),
    ...(c.facts?.length
      ? [
          '<table cellpadding="4" style="border-collapse: collapse">',
          ...c.facts.map(
            ([k, v]) =>
              `<tr><th align="left" style="padding-right: 12px">${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`,
          ),
          '</table>',
        ]
      : []),
    ...(c.link ? [`<p><a href="${escapeHtml(c.link.url)}">${escapeHtml(c.link.label)}</a></p>`] : []),
    `<p style="color: #666; font-size: 13px">${escapeHtml(SIGNATURE).replace(/\n/g, '<br>')}</p>`,
    '</body></html>',
  ].join('\n');
  return { to: c.to, subject: c.subject, text, html };
}
