import { type WardSettingsView, wardSettingsSchema } from '@thonghanh/contract';
import { type AuditActor, audit } from '../audit/append-audit.js';
import type { Executor } from '../db/schema.js';

/** The article's deadline: 3 days from submission. */
export const DEFAULT_DUE_DAYS = 3;

export { wardSettingsSchema };
export type WardSettings = WardSettingsView;

/** The ward's settings, or the defaults when it has none yet. */
export async function getWardSettings(db: Executor, wardCode: string): Promise<WardSettings> {
  const row = await db.selectFrom('ward_settings').selectAll().where('ward_code', '=', wardCode).executeTakeFirst();
  return {
    wardCode,
    dueDays: row?.due_days ?? DEFAULT_DUE_DAYS,
    legalBasis: row?.legal_basis ?? null,
    deskEmail: row?.desk_email ?? null,
    leaderApprovalRequired: row ? Number(row.leader_approval_required) === 1 : true,
    updatedAt: row?.updated_at ?? null,
  };
}

export type WardSettingsChanges = Partial<
  Pick<WardSettings, 'dueDays' | 'legalBasis' | 'deskEmail' | 'leaderApprovalRequired'>
>;

/**
 * Saves changes (creating the row on first save); audited as `ward_settings.updated`.
 * Turning `leaderApprovalRequired` off does not move dossiers already waiting for the
 * leader: the leader still signs (or returns) those.
 */
export async function updateWardSettings(
  db: Executor,
  wardCode: string,
  changes: WardSettingsChanges,
  actor: AuditActor,
  now: Date,
): Promise<WardSettings> {
  const next = { ...(await getWardSettings(db, wardCode)), ...changes };
  const values = {
    due_days: next.dueDays,
    legal_basis: next.legalBasis,
    desk_email: next.deskEmail,
    leader_approval_required: next.leaderApprovalRequired ? 1 : 0,
    updated_at: now.toISOString(),
    updated_by: actor.id,
  };
  await db
    .insertInto('ward_settings')
    .values({ ward_code: wardCode, ...values })
    .onConflict((oc) => oc.column('ward_code').doUpdateSet(values))
    .execute();
  await audit(db, actor, 'ward_settings.updated', { type: 'ward_settings', id: wardCode, wardCode }, changes, now);
  return getWardSettings(db, wardCode);
}
