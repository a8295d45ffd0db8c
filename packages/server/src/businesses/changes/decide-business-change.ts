import { type AuditActor, audit } from '../../audit/append-audit.js';
import type { BusinessChangeRow, Executor } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import type { WorkflowHooks } from '../../workflow/hooks.js';
import type { BusinessRecord } from '../business-presenter.js';
import { findBusiness } from '../business-query.js';
import { columnsOf, reviewedFieldsOf } from './edit-business.js';
import { applyMove, assertNoOpenDossier, moveOf } from './move-business.js';

/**
 * The desk's answer to a change request: `approve` applies the asked-for values to the
 * business; `refuse` keeps the business as it is, with the reason the business reads.
 * An approval tells `hooks.businessDetailsChanged` in the same transaction (the unit QR
 * carries the name and address: it is reissued). An approved move (move-business.ts) instead
 * moves the business and revokes its unit QR, reissuing nothing; it waits, like the request,
 * for any dossier in progress (409 `business_has_open_dossier`). Only a `pending` request is
 * answered (409 `business_change_decided`; the `WHERE status = 'pending'` update settles two
 * desks answering at once).
 */
export async function decideBusinessChange(
  db: Executor,
  change: BusinessChangeRow,
  decision: { approve: true; note?: string } | { approve: false; reason: string },
  actor: AuditActor,
  now: Date,
  hooks?: Pick<WorkflowHooks, 'businessDetailsChanged'>,
): Promise<{ change: BusinessChangeRow; business: BusinessRecord }> {
  if (change.status !== 'pending') throw new AppError('business_change_decided');
  const at = now.toISOString();
  const fields = reviewedFieldsOf(change.proposed);
  const move = moveOf(change);
  const reason = decision.approve ? (decision.note ?? null) : decision.reason;
  await audit(
    db,
    actor,
    decision.approve ? 'business.change_approved' : 'business.change_refused',
    { type: 'business', id: change.business_id, wardCode: change.ward_code },
    { changeId: change.id, fields: Object.keys(fields), ...(reason ? { reason } : {}) },
    now,
  );
  const updated = await db
    .updateTable('business_changes')
    .set({ status: decision.approve ? 'approved' : 'refused', reason, decided_by: actor.id, decided_at: at })
    .where('id', '=', change.id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) throw new AppError('business_change_decided');
  if (decision.approve && move) {
    await assertNoOpenDossier(db, change.business_id);
    await applyMove(db, (await findBusiness(db, change.business_id)) as BusinessRecord, change, actor, now);
    await db
      .updateTable('businesses')
      .set({ ...columnsOf(fields), updated_at: at })
      .where('id', '=', change.business_id)
      .execute();
  } else if (decision.approve) {
    await db
      .updateTable('businesses')
      .set({ ...columnsOf(fields), updated_at: at })
      .where('id', '=', change.business_id)
      .execute();
    await hooks?.businessDetailsChanged(db, {
      businessId: change.business_id,
      wardCode: change.ward_code,
      changeId: change.id,
      fields: Object.keys(fields),
      actor,
      now,
    });
  }
  return {
    change: (await db
      .selectFrom('business_changes')
      .selectAll()
      .where('id', '=', change.id)
      .executeTakeFirst()) as BusinessChangeRow,
    business: (await findBusiness(db, change.business_id)) as BusinessRecord,
  };
}
