import type { MailMessage } from '../mail/mailer.js';
import { type RegistrationEvent, registrationEmail } from '../notifications/dossier-emails.js';
import { afterUbnd } from '../notifications/vn-time.js';
import type { BusinessRecord } from './business-presenter.js';

/**
 * The business's own e-mail about its registration (received, accepted, refused), or none
 * when it gave no contact address: one place for the register, review, re-apply and
 * reverse-refusal routes.
 */
export function registrationEmailsTo(b: BusinessRecord, event: RegistrationEvent, publicUrl: string): MailMessage[] {
  if (!b.contact_email) return [];
  const facts = { name: b.name, taxCode: b.tax_code, wardName: afterUbnd(b.ward_name), reason: b.status_reason };
  return [registrationEmail(event, b.contact_email, facts, publicUrl)];
}
