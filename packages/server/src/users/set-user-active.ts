import { type AuditActor, audit } from '../audit/append-audit.js';
import { deleteUserSessions } from '../auth/sessions.js';
import type { Executor, UserRow } from '../db/schema.js';
import { AppError } from '../errors.js';

/** Deactivates (ending every session) or reactivates an account; a no-op change is not logged. */
export async function setUserActive(
  db: Executor,
  user: UserRow,
  active: boolean,
  actor: AuditActor,
  now: Date,
): Promise<UserRow> {
  if (!active && actor.id === user.id) throw new AppError('cannot_deactivate_self');
  if ((user.active === 1) === active) return user;
  const updated = { ...user, active: active ? 1 : 0, updated_at: now.toISOString() };
  await db
    .updateTable('users')
    .set({ active: updated.active, updated_at: updated.updated_at })
    .where('id', '=', user.id)
    .execute();
  if (!active) await deleteUserSessions(db, user.id);
  await audit(
    db,
    actor,
    active ? 'user.reactivated' : 'user.deactivated',
    { type: 'user', id: user.id, wardCode: user.ward_code },
    { username: user.username },
    now,
  );
  return updated;
}
