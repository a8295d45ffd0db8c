import type { AuditActor } from '../audit/append-audit.js';
import { canonicalJson } from '../audit/canonical-json.js';
import { newId } from '../db/ids.js';
import type { DossierState, Executor } from '../db/schema.js';

/**
 * One line of a dossier's timeline (`dossier_events`); the caller writes the audit row.
 * Transitions give their states; attachment events give the dossier's state as both and a
 * `detail` (which file, which version).
 */
export async function recordDossierEvent(
  db: Executor,
  e: {
    dossierId: string;
    action: string;
    from: DossierState | null;
    to: DossierState;
    note: string | null;
    detail?: Record<string, unknown>;
  },
  actor: AuditActor,
  now: Date,
): Promise<void> {
  const last = await db
    .selectFrom('dossier_events')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('dossier_id', '=', e.dossierId)
    .executeTakeFirst();
  await db
    .insertInto('dossier_events')
    .values({
      id: newId(),
      dossier_id: e.dossierId,
      seq: Number(last?.seq ?? 0) + 1,
      actor_id: actor.id,
      actor_role: actor.role,
      action: e.action,
      from_state: e.from,
      to_state: e.to,
      note: e.note,
      at: now.toISOString(),
      detail: e.detail ? canonicalJson(e.detail) : null,
    })
    .execute();
}
