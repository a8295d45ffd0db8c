import { type AuditActor, audit } from '../../audit/append-audit.js';
import type { BusinessRecord } from '../../businesses/business-presenter.js';
import type { Executor } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import type { WorkflowHooks } from '../../workflow/hooks.js';

/**
 * Takes approved people off a business's list, at once (no review: fewer people can only
 * reduce risk). Their permits end in the same transaction through `hooks.staffRemoved`.
 * Every id must be an approved person of this business (409 `staff_not_removable`).
 * Audited as `staff.removed`.
 */
export async function removeApprovedStaff(
  db: Executor,
  input: { business: BusinessRecord; staffIds: string[]; reason: string; hooks: WorkflowHooks },
  actor: AuditActor,
  now: Date,
): Promise<{ removed: number }> {
  const ids = [...new Set(input.staffIds)];
  const rows = await db
    .selectFrom('staff_members')
    .select(['id', 'status', 'full_name', 'id_number'])
    .where('business_id', '=', input.business.id)
    .where('id', 'in', ids)
    .execute();
  const approved = rows.filter((r) => r.status === 'approved');
  if (approved.length !== ids.length) {
    const bad = ids.filter((id) => !approved.some((r) => r.id === id));
    throw new AppError(
      'staff_not_removable',
      `${bad.length} người không có trong danh sách đã phê duyệt của doanh nghiệp (hoặc đã được rút trước đó).`,
    );
  }
  const at = now.toISOString();
  await db
    .updateTable('staff_members')
    .set({ status: 'removed', removed_at: at, removed_reason: input.reason, removed_by: actor.id, updated_at: at })
    .where('id', 'in', ids)
    .where('status', '=', 'approved')
    .execute();
  await audit(
    db,
    actor,
    'staff.removed',
    { type: 'business', id: input.business.id, wardCode: input.business.ward_code },
    { reason: input.reason, count: ids.length, people: approved.map((r) => ({ id: r.id, idNumber: r.id_number })) },
    now,
  );
  await input.hooks.staffRemoved(db, {
    businessId: input.business.id,
    wardCode: input.business.ward_code,
    staffIds: ids,
    reason: input.reason,
    actor,
    now,
  });
  return { removed: ids.length };
}
