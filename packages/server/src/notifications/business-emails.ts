import type { MailMessage } from '../mail/mailer.js';
import { renderEmail } from './email-layout.js';

/** What an e-mail about a business (its registration, a change of its details) says. */
export interface BusinessMailFacts {
  id: string;
  name: string;
  taxCode: string;
  address: string;
  /** As written after "UBND": `phường Đức Giang`. */
  wardName: string;
  publicUrl: string;
}

/** One field of a change request: its label, the value in use, the value asked for. */
export type ChangedField = [label: string, previous: string | null, proposed: string | null];

const facts = (f: BusinessMailFacts): Array<[string, string]> => [
  ['Doanh nghiệp', f.name],
  ['Mã số thuế', f.taxCode],
  ['Địa chỉ', f.address],
];

const changeLines = (fields: ChangedField[]) =>
  fields
    .map(([label, previous, proposed]) => `${label}: ${previous ?? '(trống)'} → ${proposed ?? '(trống)'}`)
    .join('\n');

/** The ward desk hears of a self-registration waiting to be taken in: a new one, or one sent again after a refusal. */
export function deskRegistrationEmail(
  event: 'registered' | 'reapplied',
  to: string[],
  f: BusinessMailFacts,
): MailMessage {
  const text = {
    registered: {
      subject: `[Thông hành] Doanh nghiệp đăng ký mới chờ tiếp nhận: ${f.name}`,
      paragraphs: [`${f.name} đã tự đăng ký và chờ Bộ phận Một cửa UBND ${f.wardName} tiếp nhận.`],
    },
    reapplied: {
      subject: `[Thông hành] Doanh nghiệp đăng ký lại, chờ tiếp nhận: ${f.name}`,
      paragraphs: [
        `${f.name} đã sửa và gửi lại đăng ký sau khi không được tiếp nhận; Bộ phận Một cửa UBND ${f.wardName} xem xét lại.`,
      ],
    },
  }[event];
  return renderEmail({
    to,
    ...text,
    facts: facts(f),
    link: { label: 'Xem doanh nghiệp', url: `${f.publicUrl}/businesses/${f.id}` },
  });
}

/** The ward desk hears of a business's request to change what the ward vouches for (name, address, line of business). */
export function deskChangeRequestEmail(to: string[], f: BusinessMailFacts, fields: ChangedField[]): MailMessage {
  return renderEmail({
    to,
    subject: `[Thông hành] Đề nghị thay đổi thông tin chờ duyệt: ${f.name}`,
    paragraphs: [
      `${f.name} đề nghị thay đổi thông tin do UBND ${f.wardName} xác nhận. Thông tin cũ vẫn được dùng cho tới khi Bộ phận Một cửa duyệt.`,
      changeLines(fields),
    ],
    facts: facts(f),
    link: { label: 'Xem đề nghị', url: `${f.publicUrl}/businesses/${f.id}` },
  });
}

/**
 * The destination ward's desk hears of a business asking to move its head office there: the
 * move is this ward's to decide (the business is not yet its: the link opens the inbox).
 */
export function deskMoveRequestEmail(
  to: string[],
  f: BusinessMailFacts,
  fields: ChangedField[],
  fromWardName: string,
): MailMessage {
  return renderEmail({
    to,
    subject: `[Thông hành] Doanh nghiệp đề nghị chuyển đến phường, chờ duyệt: ${f.name}`,
    paragraphs: [
      `${f.name} đề nghị chuyển trụ sở từ ${fromWardName} đến ${f.wardName}. UBND ${f.wardName} quyết định vì sẽ quản lý doanh nghiệp; doanh nghiệp vẫn thuộc ${fromWardName} cho tới khi được duyệt.`,
      changeLines(fields),
    ],
    facts: facts(f),
    link: { label: 'Xem đề nghị', url: `${f.publicUrl}/inbox` },
  });
}

/**
 * The ward a business left hears of it: its desk no longer sees the business; the dossiers
 * it handled stay in its history and statistics, the permits it issued stay valid.
 */
export function wardLeftEmail(to: string[], f: BusinessMailFacts, fromWardName: string): MailMessage {
  return renderEmail({
    to,
    subject: `[Thông hành] Doanh nghiệp đã chuyển khỏi phường: ${f.name}`,
    paragraphs: [
      `UBND ${f.wardName} đã duyệt đề nghị chuyển trụ sở của ${f.name} từ ${fromWardName} đến ${f.wardName}. Từ nay doanh nghiệp thuộc ${f.wardName}; mã QR đơn vị do ${fromWardName} cấp đã bị thu hồi.`,
      `Hồ sơ ${fromWardName} đã xử lý vẫn ở lại trong lịch sử và số liệu thống kê của phường; giấy đi đường đã cấp vẫn có hiệu lực đến hết hạn.`,
    ],
    facts: facts(f),
  });
}

/**
 * The business hears the desk's answer to its change request: approved (the new details in
 * use, with the desk's note if any) or refused (the old ones kept, with the reason).
 */
export function changeDecisionEmail(
  decision: 'approved' | 'refused',
  to: string[],
  f: BusinessMailFacts,
  fields: ChangedField[],
  reason: string | null,
  /** What else follows from the decision (an approved move: what the business does next). */
  consequences: string[] = [],
): MailMessage {
  const approved = decision === 'approved';
  return renderEmail({
    to,
    subject: approved
      ? `[Thông hành] Đề nghị thay đổi thông tin của ${f.name} đã được duyệt`
      : `[Thông hành] Đề nghị thay đổi thông tin của ${f.name} không được duyệt`,
    paragraphs: [
      approved
        ? `UBND ${f.wardName} đã duyệt đề nghị thay đổi thông tin của ${f.name}; thông tin mới có hiệu lực từ bây giờ.`
        : `UBND ${f.wardName} không duyệt đề nghị thay đổi thông tin của ${f.name}; thông tin cũ được giữ nguyên.`,
      changeLines(fields),
      ...(reason ? [`${approved ? 'Ghi chú' : 'Lý do'}: ${reason}`] : []),
      ...consequences,
    ],
    facts: facts(f),
    link: { label: 'Đăng nhập', url: `${f.publicUrl}/` },
  });
}
