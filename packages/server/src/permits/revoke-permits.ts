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

/** A permit to revoke, in serial order. */
interface Revocable {
  id: string;
  serial: string;
  year: number;
  seq: number;
}

/**
 * The active, unexpired permits of a scope, by serial. Looked up by key only, the rest
 * checked here: given `status = 'active' and valid_to > now`, SQLite (no statistics) picks
 * permits_revoked_idx and reads every active permit of every business, for each chunk of a
 * batch that replaces permits. By person (permits_staff_idx: staff_id, status) it reads
 * these people's active permits; for a whole business (permits_serial_unique: business_id,
 * year, seq) that business's permits, already in serial order.
 */
async function activeUnexpired(db: Executor, scope: RevocationScope, at: string): Promise<Revocable[]> {
  const found: Revocable[] = [];
  const keep = (r: Revocable & { business_id: string; status: string; valid_to: string }) => {
    if (r.business_id === scope.businessId && r.status === 'active' && r.valid_to > at) {
      found.push({ id: r.id, serial: r.serial, year: r.year, seq: r.seq });
    }
  };
  const columns = ['id', 'serial', 'year', 'seq', 'business_id', 'status', 'valid_to'] as const;
  if (!scope.staffIds) {
    const rows = await db
      .selectFrom('permits')
      .select(columns)
      .where('business_id', '=', scope.businessId)
      .orderBy('year')
      .orderBy('seq')
      .execute();
    rows.forEach(keep);
    return found;
  }
  for (let i = 0; i < scope.staffIds.length; i += CHUNK) {
    const rows = await db
      .selectFrom('permits')
      .select(columns)
      .where('staff_id', 'in', scope.staffIds.slice(i, i + CHUNK))
      .where('status', '=', 'active')
      .execute();
    rows.forEach(keep);
  }
  return found.sort((a, b) => a.year - b.year || a.seq - b.seq);
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
  const ids = await activeUnexpired(db, scope, ctx.now.toISOString());
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
