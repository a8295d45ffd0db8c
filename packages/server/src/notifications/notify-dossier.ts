import type { Role } from '@thonghanh/contract';
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
  type WardStepEvent,
  wardStepEmail,
} from './dossier-emails.js';
import { businessAddresses, uniqueAddresses, wardStaffEmails } from './recipients.js';
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

/** Who in the ward acts next after these transitions, and what they are told. */
const WARD_STEP: Partial<Record<string, { event: WardStepEvent; roles: Role[] }>> = {
  confirm_health: { event: 'health_confirmed', roles: ['ward_officer'] },
  send_for_signature: { event: 'awaiting_leader', roles: ['ward_leader'] },
  return_to_desk: { event: 'returned_to_desk', roles: ['ward_officer'] },
};

/**
 * The e-mails of one transition, sent after commit, each to its people's own addresses
 * (active accounts with an e-mail; every list deduplicated):
 * - the business (its contact e-mail and its representatives' account e-mails) hears of
 *   submission (a receipt with the deadline), return, approval, rejection, suspension,
 *   reinstatement and a reversed rejection;
 * - a (re)submitted dossier: the ward desk mailbox (`ward_settings.desk_email`), the desk
 *   officers and the Health Station officers, who act on it first;
 * - health confirmed → the desk officers; sent for signature → the ward leaders; sent back
 *   by a leader → the desk officers.
 */
export async function queueTransitionEmails(ctx: MailContext, result: TransitionResult): Promise<void> {
  const d = result.dossier;
  const facts = dossierMailFacts(d, ctx.deps.config.publicUrl);
  const messages: MailMessage[] = [];
  const action = result.transition.action;
  const event = BUSINESS_EVENT[action];
  if (event) {
    const to = await businessAddresses(ctx.db, { id: d.business_id, contactEmail: d.business_email });
    if (to.length) messages.push(businessDossierEmail(event, to, facts));
  }
  if (action === 'submit') {
    const { deskEmail } = await getWardSettings(ctx.db, d.ward_code);
    const to = uniqueAddresses(
      deskEmail,
      await wardStaffEmails(ctx.db, d.ward_code, ['ward_officer', 'health_officer']),
    );
    if (to.length) messages.push(deskNewDossierEmail(to, facts, result.resubmitted));
  }
  const step = WARD_STEP[action];
  if (step) {
    const to = uniqueAddresses(await wardStaffEmails(ctx.db, d.ward_code, step.roles));
    if (to.length) messages.push(wardStepEmail(step.event, to, facts));
  }
  queueMessages(ctx, messages);
}

export function queueMessages(ctx: Pick<MailContext, 'afterCommit' | 'deps'>, messages: MailMessage[]): void {
  for (const m of messages) ctx.afterCommit((log) => ctx.deps.mailer.send(m, log));
}
