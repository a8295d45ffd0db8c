import { type AuditActor, audit } from '../audit/append-audit.js';
import type { Executor } from '../db/schema.js';
import { AppError } from '../errors.js';
import type { BusinessRecord } from './business-presenter.js';
import { findBusiness } from './business-query.js';

/**
 * The ward desk's answer to a self-registration: `accept` makes the business `active` (it
 * may draft dossiers); `refuse` makes it `refused`, with the reason its representative
 * reads. Only a `pending` business can be answered (409 `business_not_pending`).
 */
export async function reviewRegistration(
  db: Executor,
  business: BusinessRecord,
  decision: { accept: true; note?: string } | { accept: false; reason: string },
  actor: AuditActor,
  now: Date,
): Promise<BusinessRecord> {
  if (business.status !== 'pending') throw new AppError('business_not_pending');
  const status = decision.accept ? 'active' : 'refused';
  const reason = decision.accept ? (decision.note ?? null) : decision.reason;
  const updated = await db
    .updateTable('businesses')
    .set({ status, status_reason: reason, updated_at: now.toISOString() })
    .where('id', '=', business.id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) throw new AppError('business_not_pending');
  await audit(
    db,
    actor,
    decision.accept ? 'business.accepted' : 'business.refused',
    { type: 'business', id: business.id, wardCode: business.ward_code },
    { status, ...(reason ? { reason } : {}) },
    now,
  );
  return (await findBusiness(db, business.id)) as BusinessRecord;
}
