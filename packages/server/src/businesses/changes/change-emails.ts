import type { BusinessChangeRow, Executor } from '../../db/schema.js';
import type { MailMessage } from '../../mail/mailer.js';
import {
  type ChangedField,
  changeDecisionEmail,
  deskChangeRequestEmail,
  deskMoveRequestEmail,
  wardLeftEmail,
} from '../../notifications/business-emails.js';
import { businessAddresses, deskAddresses } from '../../notifications/recipients.js';
import { afterUbnd } from '../../notifications/vn-time.js';
import type { BusinessRecord } from '../business-presenter.js';
import { businessMailFacts } from '../registration-emails.js';
import type { ReviewedField } from './business-change-fields.js';
import { reviewedFieldsOf } from './edit-business.js';
import { moveOf } from './move-business.js';

/** The reviewed fields as the back office names them. */
const LABEL: Record<ReviewedField, string> = {
  name: 'Tên doanh nghiệp',
  address: 'Địa chỉ',
  lineOfBusiness: 'Ngành nghề',
};

function changedFieldsOf(change: BusinessChangeRow): ChangedField[] {
  const proposed = reviewedFieldsOf(change.proposed);
  const previous = JSON.parse(change.previous) as Record<string, string | null>;
  const move = moveOf(change);
  return [
    ...(move ? [['Phường', previous.wardName ?? null, move.wardName] as ChangedField] : []),
    ...(Object.keys(proposed) as ReviewedField[]).map(
      (f): ChangedField => [LABEL[f], previous[f] ?? null, proposed[f] ?? null],
    ),
  ];
}

const MOVED_NEXT = (from: string, to: string) =>
  `Mã QR đơn vị do ${from} cấp đã bị thu hồi: hãy lập hồ sơ (kế hoạch và danh sách người lao động) gửi UBND ${to} phê duyệt. Giấy đi đường đã cấp vẫn có hiệu lực đến hết hạn.`;

/** The ward a move leaves: its code and its name as written after "UBND". */
function origin(change: BusinessChangeRow): { wardCode: string; wardName: string } {
  const previous = JSON.parse(change.previous) as { wardCode: string; wardName: string };
  return { wardCode: previous.wardCode, wardName: afterUbnd(previous.wardName) };
}

/** A business asked to change its reviewed details: the ward's desk mailbox and desk officers hear of it. */
export async function changeRequestEmailsTo(
  db: Executor,
  b: BusinessRecord,
  change: BusinessChangeRow,
  publicUrl: string,
): Promise<MailMessage[]> {
  const to = await deskAddresses(db, change.ward_code);
  if (to.length === 0) return [];
  const move = moveOf(change);
  if (!move) return [deskChangeRequestEmail(to, businessMailFacts(b, publicUrl), changedFieldsOf(change))];
  const facts = { ...businessMailFacts(b, publicUrl), wardName: afterUbnd(move.wardName) };
  return [deskMoveRequestEmail(to, facts, changedFieldsOf(change), origin(change).wardName)];
}

/** The desk answered a change request: the business's contact e-mail and its representatives hear of it. */
export async function changeDecisionEmailsTo(
  db: Executor,
  b: BusinessRecord,
  change: BusinessChangeRow,
  publicUrl: string,
): Promise<MailMessage[]> {
  if (change.status === 'pending') return [];
  const to = await businessAddresses(db, { id: b.id, contactEmail: b.contact_email });
  const move = moveOf(change);
  // A move is answered by the ward it asked to join, wherever the business is now.
  const facts = { ...businessMailFacts(b, publicUrl), ...(move ? { wardName: afterUbnd(move.wardName) } : {}) };
  const next = move && change.status === 'approved' ? [MOVED_NEXT(origin(change).wardName, facts.wardName)] : [];
  const out = to.length
    ? [changeDecisionEmail(change.status, to, facts, changedFieldsOf(change), change.reason, next)]
    : [];
  if (move && change.status === 'approved') {
    const left = origin(change);
    const desk = await deskAddresses(db, left.wardCode);
    if (desk.length) out.push(wardLeftEmail(desk, facts, left.wardName));
  }
  return out;
}
