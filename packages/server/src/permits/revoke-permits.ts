import { type AuditActor, audit } from '../audit/append-audit.js';
import type { Executor, PermitRow } from '../db/schema.js';
import { AppError } from '../errors.js';
import { bumpRevocationVersion } from '../lists/revocation-list.js';

export interface RevokeContext {
  actor: AuditActor;
  now: Date;
}

/** Ids changed per statement. */
const CHUNK = 500;

/**
 * Revokes one permit with a reason, in the request's transaction; the revocation list's
 * version goes up, so the next `revoked.json` carries it. 409 `already_revoked` /
 * `permit_expired`.
 */
export async function revokePermit(
  db: Executor,
  permit: PermitRow,
  reason: string,
  ctx: RevokeContext,
): Promise<PermitRow> {
  if (permit.status === 'revoked') throw new AppError('already_revoked');
  if (Date.parse(permit.valid_to) <= ctx.now.getTime()) throw new AppError('permit_expired');
  // The audit head first (every writer takes it first), then the permit and the list's counter.
  await audit(
    db,
    ctx.actor,
    'permit.revoked',
    { type: 'permit', id: permit.id, wardCode: permit.ward_code },
    { serial: permit.serial, businessId: permit.business_id, reason },
    ctx.now,
  );
  const changed = await setRevoked(db, [permit.id], reason, ctx);
  if (changed === 0) throw new AppError('already_revoked');
  await bumpRevocationVersion(db, ctx.now);
  return {
    ...permit,
    status: 'revoked',
    revoked_reason: reason,
    revoked_by: ctx.actor.id,
    revoked_at: ctx.now.toISOString(),
  };
}

async function setRevoked(db: Executor, ids: string[], reason: string, ctx: RevokeContext): Promise<number> {
  let changed = 0;
  for (let i = 0; i < ids.length; i += CHUNK) {
    const r = await db
      .updateTable('permits')
      .set({ status: 'revoked', revoked_reason: reason, revoked_by: ctx.actor.id, revoked_at: ctx.now.toISOString() })
      .where('id', 'in', ids.slice(i, i + CHUNK))
      .where('status', '=', 'active')
      .executeTakeFirst();
    changed += Number(r.numUpdatedRows);
  }
  return changed;
}

/** What a bulk revocation is about: some people of a business, or all of it. */
export type RevocationScope = { businessId: string; staffIds?: string[] };

/**
 * Revokes every active, unexpired permit of some people of a business (or of the whole
 * business), for the workflow's hooks: a person taken off the list, a business suspended.
 * One audit row naming the serials (the first 200); returns how many were revoked.
 */
export async function revokePermitsOf(
  db: Executor,
  scope: RevocationScope,
  wardCode: string,
  reason: string,
  ctx: RevokeContext,
): Promise<number> {
  const ids: Array<{ id: string; serial: string }> = [];
  const staffChunks = scope.staffIds
    ? Array.from({ length: Math.ceil(scope.staffIds.length / CHUNK) }, (_, i) =>
        (scope.staffIds as string[]).slice(i * CHUNK, (i + 1) * CHUNK),
      )
    : [null];
  for (const chunk of staffChunks) {
    if (chunk?.length === 0) continue;
    let q = db
      .selectFrom('permits')
      .select(['id', 'serial'])
      .where('business_id', '=', scope.businessId)
      .where('status', '=', 'active')
      .where('valid_to', '>', ctx.now.toISOString());
    if (chunk) q = q.where('staff_id', 'in', chunk);
    ids.push(...(await q.orderBy('year').orderBy('seq').execute()));
  }
  if (ids.length === 0) return 0;
  await audit(
    db,
    ctx.actor,
    'permit.revoked',
    { type: 'business', id: scope.businessId, wardCode },
    {
      count: ids.length,
      serials: ids.slice(0, 200).map((p) => p.serial),
      reason,
      ...(scope.staffIds ? { staffIds: scope.staffIds } : {}),
    },
    ctx.now,
  );
  const changed = await setRevoked(
    db,
    ids.map((p) => p.id),
    reason,
    ctx,
  );
  await bumpRevocationVersion(db, ctx.now);
  return changed;
}
