import type { BusinessChangeRow, Executor } from '../../db/schema.js';
import type { MailMessage } from '../../mail/mailer.js';
import { type ChangedField, changeDecisionEmail, deskChangeRequestEmail } from '../../notifications/business-emails.js';
import { businessAddresses, deskAddresses } from '../../notifications/recipients.js';
import type { BusinessRecord } from '../business-presenter.js';
import { businessMailFacts } from '../registration-emails.js';
import type { ReviewedField } from './business-change-fields.js';
import { reviewedFieldsOf } from './edit-business.js';

/** The reviewed fields as the back office names them. */
const LABEL: Record<ReviewedField, string> = {
  name: 'Tên doanh nghiệp',
  address: 'Địa chỉ',
  lineOfBusiness: 'Ngành nghề',
};

function changedFieldsOf(change: BusinessChangeRow): ChangedField[] {
  const proposed = reviewedFieldsOf(change.proposed);
  const previous = JSON.parse(change.previous) as Record<string, string | null>;
  return (Object.keys(proposed) as ReviewedField[]).map((f) => [LABEL[f], previous[f] ?? null, proposed[f] ?? null]);
}

/** A business asked to change its reviewed details: the ward's desk mailbox and desk officers hear of it. */
export async function changeRequestEmailsTo(
  db: Executor,
  b: BusinessRecord,
  change: BusinessChangeRow,
  publicUrl: string,
): Promise<MailMessage[]> {
  const to = await deskAddresses(db, change.ward_code);
  return to.length ? [deskChangeRequestEmail(to, businessMailFacts(b, publicUrl), changedFieldsOf(change))] : [];
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
  const facts = businessMailFacts(b, publicUrl);
  return to.length ? [changeDecisionEmail(change.status, to, facts, changedFieldsOf(change), change.reason)] : [];
}
