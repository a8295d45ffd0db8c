import { type AuditActor, audit } from '../audit/append-audit.js';
import type { Executor } from '../db/schema.js';
import { AppError } from '../errors.js';
import type { BusinessRecord } from './business-presenter.js';
import { findBusiness } from './business-query.js';
import { type BusinessEdit, changedFields } from './changes/business-change-fields.js';
import { columnsOf } from './changes/edit-business.js';

/**
 * A refused registration is not a dead end: its representative fixes what the desk said
 * and sends it again (`refused` → `pending`, the corrections applied at once, the old
 * reason cleared: the desk reviews the registration anew).
 */
export async function reapplyBusiness(
  db: Executor,
  business: BusinessRecord,
  edit: BusinessEdit,
  actor: AuditActor,
  now: Date,
): Promise<BusinessRecord> {
  if (business.status !== 'refused') throw new AppError('business_not_refused');
  const changed = changedFields(business, edit);
  await audit(
    db,
    actor,
    'business.reapplied',
    { type: 'business', id: business.id, wardCode: business.ward_code },
    { status: 'pending', fields: Object.keys(changed) },
    now,
  );
  const moved = await db
    .updateTable('businesses')
    .set({ ...columnsOf(changed), status: 'pending', status_reason: null, updated_at: now.toISOString() })
    .where('id', '=', business.id)
    .where('status', '=', 'refused')
    .executeTakeFirst();
  if (Number(moved.numUpdatedRows) !== 1) throw new AppError('business_not_refused');
  return (await findBusiness(db, business.id)) as BusinessRecord;
}

/**
 * The ward takes back its refusal of a registration (a mistake, or the business showed
 * what was missing): `refused` → `active`, with the reason, which the business reads and
 * the audit log keeps.
 */
export async function reverseRegistrationRefusal(
  db: Executor,
  business: BusinessRecord,
  reason: string,
  actor: AuditActor,
  now: Date,
): Promise<BusinessRecord> {
  if (business.status !== 'refused') throw new AppError('business_not_refused');
  await audit(
    db,
    actor,
    'business.refusal_reversed',
    { type: 'business', id: business.id, wardCode: business.ward_code },
    { status: 'active', reason },
    now,
  );
  const moved = await db
    .updateTable('businesses')
    .set({ status: 'active', status_reason: reason, updated_at: now.toISOString() })
    .where('id', '=', business.id)
    .where('status', '=', 'refused')
    .executeTakeFirst();
  if (Number(moved.numUpdatedRows) !== 1) throw new AppError('business_not_refused');
  return (await findBusiness(db, business.id)) as BusinessRecord;
}
