import type { Executor } from '../db/schema.js';
import type { MailMessage } from '../mail/mailer.js';
import { type BusinessMailFacts, deskRegistrationEmail } from '../notifications/business-emails.js';
import { type RegistrationEvent, registrationEmail } from '../notifications/dossier-emails.js';
import { businessAddresses, deskAddresses } from '../notifications/recipients.js';
import { afterUbnd } from '../notifications/vn-time.js';
import type { BusinessRecord } from './business-presenter.js';

/** What the e-mails about a business say of it. */
export const businessMailFacts = (b: BusinessRecord, publicUrl: string): BusinessMailFacts => ({
  id: b.id,
  name: b.name,
  taxCode: b.tax_code,
  address: b.address,
  wardName: afterUbnd(b.ward_name),
  publicUrl,
});

/**
 * The business's e-mail about its registration (received, accepted, refused, a refusal
 * taken back): to its contact e-mail and its active representatives' account e-mails; none
 * when it has no address. One place for the register, review, re-apply and reverse-refusal routes.
 */
export async function registrationEmailsTo(
  db: Executor,
  b: BusinessRecord,
  event: RegistrationEvent,
  publicUrl: string,
): Promise<MailMessage[]> {
  const to = await businessAddresses(db, { id: b.id, contactEmail: b.contact_email });
  if (to.length === 0) return [];
  const facts = { name: b.name, taxCode: b.tax_code, wardName: afterUbnd(b.ward_name), reason: b.status_reason };
  return [registrationEmail(event, to, facts, publicUrl)];
}

/**
 * The desk's e-mail about a registration waiting to be taken in (new, or sent again after a
 * refusal): to the ward's desk mailbox and its active desk officers; none when the ward has
 * no address.
 */
export async function deskRegistrationEmailsTo(
  db: Executor,
  b: BusinessRecord,
  event: 'registered' | 'reapplied',
  publicUrl: string,
): Promise<MailMessage[]> {
  const to = await deskAddresses(db, b.ward_code);
  return to.length ? [deskRegistrationEmail(event, to, businessMailFacts(b, publicUrl))] : [];
}
