import type { MailMessage } from '../mail/mailer.js';
import { renderEmail } from './email-layout.js';
import { vnDate, vnDateTime } from './vn-time.js';

/** What an e-mail about a dossier says. */
export interface DossierMailFacts {
  dossier: {
    id: string;
    kind: 'initial' | 'amendment';
    channel: string;
    referenceNumber: string | null;
    planFrom: string;
    planTo: string;
    submittedAt: string | null;
    dueAt: string | null;
    stateNote: string | null;
    staffCount: number;
  };
  business: { name: string; taxCode: string };
  /** As written after "UBND": `phường Đức Giang`. */
  wardName: string;
  publicUrl: string;
}

export type BusinessDossierEvent =
  | 'submitted'
  | 'returned'
  | 'approved'
  | 'rejected'
  | 'suspended'
  | 'reinstated'
  | 'reopened';

const KIND = { initial: 'hồ sơ đăng ký', amendment: 'hồ sơ bổ sung danh sách' } as const;
const CHANNEL: Record<string, string> = {
  online: 'trực tuyến',
  email: 'qua e-mail',
  post: 'qua bưu điện',
  in_person: 'trực tiếp tại Bộ phận Một cửa',
};

const link = (f: DossierMailFacts) => ({ label: 'Xem hồ sơ', url: `${f.publicUrl}/dossiers/${f.dossier.id}` });

function baseFacts(f: DossierMailFacts): Array<[string, string]> {
  return [
    ['Doanh nghiệp', f.business.name],
    ['Mã số thuế', f.business.taxCode],
    ['Loại hồ sơ', KIND[f.dossier.kind]],
    ['Kỳ kế hoạch', `${vnDate(f.dossier.planFrom)} – ${vnDate(f.dossier.planTo)}`],
    ['Số người lao động', String(f.dossier.staffCount)],
  ];
}

/** The business hears of its dossier: receipt, return, approval, rejection, suspension, reinstatement. */
export function businessDossierEmail(
  event: BusinessDossierEvent,
  to: string | string[],
  f: DossierMailFacts,
): MailMessage {
  const what = KIND[f.dossier.kind];
  const ward = f.wardName;
  const reason = f.dossier.stateNote ?? '';
  switch (event) {
    case 'submitted':
      return renderEmail({
        to,
        subject: `[Thông hành] Đã nhận ${what} của ${f.business.name}`,
        paragraphs: [
          `UBND ${ward} đã nhận ${what} của ${f.business.name} (nộp ${CHANNEL[f.dossier.channel] ?? ''}) lúc ${vnDateTime(f.dossier.submittedAt as string)}.`,
          `Hồ sơ sẽ được Trạm Y tế phường xác nhận phương án phòng chống dịch, sau đó UBND phường phê duyệt, chậm nhất trước ${vnDateTime(f.dossier.dueAt as string)}.`,
        ],
        facts: [...baseFacts(f), ['Hạn xử lý', vnDateTime(f.dossier.dueAt as string)]],
        link: link(f),
      });
    case 'returned':
      return renderEmail({
        to,
        subject: `[Thông hành] Hồ sơ của ${f.business.name} được trả lại để bổ sung`,
        paragraphs: [
          `UBND ${ward} đã trả lại ${what} của ${f.business.name} để bổ sung.`,
          `Lý do: ${reason}`,
          'Doanh nghiệp sửa hồ sơ theo yêu cầu rồi nộp lại; thời hạn xử lý được tính lại từ lúc nộp lại.',
        ],
        facts: baseFacts(f),
        link: link(f),
      });
    case 'approved':
      return renderEmail({
        to,
        subject: `[Thông hành] Hồ sơ của ${f.business.name} đã được phê duyệt (số ${f.dossier.referenceNumber})`,
        paragraphs: [
          `UBND ${ward} đã phê duyệt ${what} của ${f.business.name}, số ${f.dossier.referenceNumber}.`,
          'Doanh nghiệp chỉ cấp giấy đi đường cho người có tên trong danh sách đã đăng ký, đúng lộ trình và thời gian làm việc đã đăng ký, và chịu trách nhiệm về giấy đã cấp.',
        ],
        facts: [...baseFacts(f), ['Số phê duyệt', f.dossier.referenceNumber ?? '']],
        link: link(f),
      });
    case 'rejected':
      return renderEmail({
        to,
        subject: `[Thông hành] Hồ sơ của ${f.business.name} không được phê duyệt`,
        paragraphs: [`UBND ${ward} từ chối ${what} của ${f.business.name}.`, `Lý do: ${reason}`],
        facts: baseFacts(f),
        link: link(f),
      });
    case 'reopened':
      return renderEmail({
        to,
        subject: `[Thông hành] UBND phường hủy quyết định từ chối hồ sơ của ${f.business.name}`,
        paragraphs: [
          `UBND ${ward} đã hủy quyết định từ chối ${what} của ${f.business.name}; hồ sơ được xem xét lại.`,
          `Lý do: ${reason}`,
          `Hạn xử lý mới: ${vnDateTime(f.dossier.dueAt as string)}.`,
        ],
        facts: baseFacts(f),
        link: link(f),
      });
    case 'suspended':
      return renderEmail({
        to,
        subject: `[Thông hành] ${f.business.name} bị tạm dừng hoạt động`,
        paragraphs: [
          `UBND ${ward} tạm dừng hoạt động của ${f.business.name}. Giấy đi đường doanh nghiệp đã cấp không còn giá trị trong thời gian tạm dừng.`,
          `Lý do: ${reason}`,
        ],
        facts: baseFacts(f),
        link: link(f),
      });
    case 'reinstated':
      return renderEmail({
        to,
        subject: `[Thông hành] ${f.business.name} được hoạt động trở lại`,
        paragraphs: [`UBND ${ward} cho ${f.business.name} hoạt động trở lại.`, `Ghi chú: ${reason}`],
        facts: baseFacts(f),
        link: link(f),
      });
  }
}

/** The ward desk (and the Health Station) hear of a dossier just (re)submitted. */
export function deskNewDossierEmail(to: string | string[], f: DossierMailFacts, resubmitted: boolean): MailMessage {
  return renderEmail({
    to,
    subject: `[Thông hành] Hồ sơ ${resubmitted ? 'nộp lại' : 'mới'}: ${f.business.name}, hạn ${vnDateTime(f.dossier.dueAt as string)}`,
    paragraphs: [
      `${f.business.name} ${resubmitted ? 'đã nộp lại' : 'đã nộp'} ${KIND[f.dossier.kind]} ${CHANNEL[f.dossier.channel] ?? ''} lúc ${vnDateTime(f.dossier.submittedAt as string)}.`,
      `Hạn xử lý: ${vnDateTime(f.dossier.dueAt as string)} (Trạm Y tế xác nhận, sau đó UBND phường phê duyệt).`,
    ],
    facts: [...baseFacts(f), ['Hạn xử lý', vnDateTime(f.dossier.dueAt as string)]],
    link: link(f),
  });
}

/** What the ward's staff hear between submission and decision: the step that is now theirs. */
export type WardStepEvent = 'health_confirmed' | 'awaiting_leader' | 'returned_to_desk';

/**
 * The ward's next actor hears the dossier is theirs: the desk once the Health Station has
 * confirmed, the leader(s) when the desk sends it for signature, the desk again when a
 * leader sends it back (with the reason).
 */
export function wardStepEmail(event: WardStepEvent, to: string[], f: DossierMailFacts): MailMessage {
  const due = f.dossier.dueAt ? vnDateTime(f.dossier.dueAt) : '';
  const text = {
    health_confirmed: {
      subject: `[Thông hành] Trạm Y tế đã xác nhận hồ sơ của ${f.business.name}, hạn ${due}`,
      paragraphs: [
        `Trạm Y tế ${f.wardName} đã xác nhận phương án phòng chống dịch trong ${KIND[f.dossier.kind]} của ${f.business.name}.`,
        `Bộ phận Một cửa trình lãnh đạo ký (hoặc phê duyệt, nếu phường không yêu cầu lãnh đạo ký) trước ${due}.`,
      ],
    },
    awaiting_leader: {
      subject: `[Thông hành] Hồ sơ chờ lãnh đạo ký: ${f.business.name}, hạn ${due}`,
      paragraphs: [
        `Bộ phận Một cửa đã trình ${KIND[f.dossier.kind]} của ${f.business.name} để lãnh đạo UBND ${f.wardName} ký phê duyệt.`,
        `Hạn xử lý: ${due}.`,
      ],
    },
    returned_to_desk: {
      subject: `[Thông hành] Lãnh đạo trả lại hồ sơ của ${f.business.name} cho Bộ phận Một cửa`,
      paragraphs: [
        `Lãnh đạo UBND ${f.wardName} trả lại ${KIND[f.dossier.kind]} của ${f.business.name} cho Bộ phận Một cửa.`,
        `Lý do: ${f.dossier.stateNote ?? ''}`,
        `Hạn xử lý: ${due}.`,
      ],
    },
  }[event];
  return renderEmail({ to, ...text, facts: [...baseFacts(f), ['Hạn xử lý', due]], link: link(f) });
}

export interface DueDossier {
  id: string;
  businessName: string;
  stateLabel: string;
  dueAt: string;
}

/** The ward desk's reminder: dossiers whose deadline is within 24 hours (or already past). */
export function deskReminderEmail(
  to: string | string[],
  wardName: string,
  due: DueDossier[],
  publicUrl: string,
  now: Date,
): MailMessage {
  const overdue = due.filter((d) => d.dueAt <= now.toISOString()).length;
  return renderEmail({
    to,
    subject: `[Thông hành] ${due.length} hồ sơ sắp đến hạn xử lý${overdue ? ` (${overdue} hồ sơ đã quá hạn)` : ''}`,
    paragraphs: [
      `${wardName}: các hồ sơ sau phải được xử lý trong vòng 24 giờ tới (thời hạn 3 ngày kể từ khi doanh nghiệp nộp).`,
      due
        .map(
          (d, i) =>
            `${i + 1}. ${d.businessName}: ${d.stateLabel}; hạn ${vnDateTime(d.dueAt)}${d.dueAt <= now.toISOString() ? ' (QUÁ HẠN)' : ''}\n   ${publicUrl}/dossiers/${d.id}`,
        )
        .join('\n'),
    ],
    link: { label: 'Mở hộp hồ sơ', url: `${publicUrl}/dossiers` },
  });
}

export type RegistrationEvent = 'received' | 'accepted' | 'refused' | 'reversed';

/** The business hears of its self-registration; `reason` for a refusal and for a refusal taken back. */
export function registrationEmail(
  event: RegistrationEvent,
  to: string | string[],
  b: { name: string; taxCode: string; wardName: string; reason: string | null },
  publicUrl: string,
): MailMessage {
  const facts: Array<[string, string]> = [
    ['Doanh nghiệp', b.name],
    ['Mã số thuế', b.taxCode],
  ];
  const text = {
    received: {
      subject: `[Thông hành] Đã nhận đăng ký của ${b.name}`,
      paragraphs: [
        `Hệ thống đã nhận đăng ký của ${b.name}. Bộ phận Một cửa UBND ${b.wardName} sẽ kiểm tra và tiếp nhận; sau đó doanh nghiệp có thể lập hồ sơ.`,
      ],
    },
    accepted: {
      subject: `[Thông hành] Đăng ký của ${b.name} đã được tiếp nhận`,
      paragraphs: [
        `UBND ${b.wardName} đã tiếp nhận đăng ký của ${b.name}. Doanh nghiệp đăng nhập để lập hồ sơ: kế hoạch phòng chống dịch và danh sách người lao động.`,
      ],
    },
    refused: {
      subject: `[Thông hành] Đăng ký của ${b.name} không được tiếp nhận`,
      paragraphs: [`UBND ${b.wardName} không tiếp nhận đăng ký của ${b.name}.`, `Lý do: ${b.reason ?? ''}`],
    },
    reversed: {
      subject: `[Thông hành] Đăng ký của ${b.name} đã được tiếp nhận`,
      paragraphs: [
        `UBND ${b.wardName} đã hủy quyết định không tiếp nhận đăng ký của ${b.name}: doanh nghiệp được tiếp nhận và đăng nhập để lập hồ sơ.`,
        `Lý do: ${b.reason ?? ''}`,
      ],
    },
  }[event];
  return renderEmail({ to, ...text, facts, link: { label: 'Đăng nhập', url: `${publicUrl}/` } });
}
