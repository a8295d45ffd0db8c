import type { Executor } from '../db/schema.js';
import type { DossierRecord } from '../dossiers/dossier-query.js';
import type { TransitionResult } from '../dossiers/transition-dossier.js';
import type { Logger } from '../log.js';
import type { Mailer, MailMessage } from '../mail/mailer.js';
import { getWardSettings } from '../ward-settings/ward-settings.js';
import {
  type BusinessDossierEvent,
  businessDossierEmail,
  type DossierMailFacts,
  deskNewDossierEmail,
} from './dossier-emails.js';
import { afterUbnd } from './vn-time.js';

/** What a route hands over to send mail once its transaction has committed. */
export interface MailContext {
  db: Executor;
  deps: { mailer: Mailer; config: { publicUrl: string } };
  afterCommit(task: (log: Logger) => Promise<void>): void;
}

export function dossierMailFacts(d: DossierRecord, publicUrl: string): DossierMailFacts {
  return {
    dossier: {
      id: d.id,
      kind: d.kind,
      channel: d.channel,
      referenceNumber: d.reference_number,
      planFrom: d.plan_from,
      planTo: d.plan_to,
      submittedAt: d.submitted_at,
      dueAt: d.due_at,
      stateNote: d.state_note,
      staffCount: d.staff_count,
    },
    business: { name: d.business_name, taxCode: d.business_tax_code },
    wardName: afterUbnd(d.ward_name),
    publicUrl,
  };
}

const BUSINESS_EVENT: Partial<Record<string, BusinessDossierEvent>> = {
  submit: 'submitted',
  return: 'returned',
  approve: 'approved',
  reject: 'rejected',
  suspend: 'suspended',
  reinstate: 'reinstated',
  reopen: 'reopened',
};

/**
 * The e-mails of one transition, sent after commit: the business (its contact e-mail)
 * hears of submission (a receipt with the deadline), return, approval, rejection,
 * suspension and reinstatement; the ward desk (`ward_settings.desk_email`) of every
 * (re)submitted dossier.
 */
export async function queueTransitionEmails(ctx: MailContext, result: TransitionResult): Promise<void> {
  const d = result.dossier;
  const facts = dossierMailFacts(d, ctx.deps.config.publicUrl);
  const messages: MailMessage[] = [];
  const event = BUSINESS_EVENT[result.transition.action];
  if (event && d.business_email) messages.push(businessDossierEmail(event, d.business_email, facts));
  if (result.transition.action === 'submit') {
    const { deskEmail } = await getWardSettings(ctx.db, d.ward_code);
    if (deskEmail) messages.push(deskNewDossierEmail(deskEmail, facts, result.resubmitted));
  }
  queueMessages(ctx, messages);
}

export function queueMessages(ctx: Pick<MailContext, 'afterCommit' | 'deps'>, messages: MailMessage[]): void {
  for (const m of messages) ctx.afterCommit((log) => ctx.deps.mailer.send(m, log));
}
