import { type AuditActor, audit } from '../audit/append-audit.js';
import { generatePassword, hashPassword } from '../auth/password.js';
import { deleteUserSessions } from '../auth/sessions.js';
import type { Executor, UserRow } from '../db/schema.js';

/**
 * Sets a new password. `reset` (by an admin): the password is given or generated, the user
 * must change it, every session ends. `change` (by the user): other sessions end, `keepSession` stays.
 */
export async function setUserPassword(
  db: Executor,
  user: UserRow,
  options: { kind: 'reset' | 'change'; password?: string; keepSession?: string },
  actor: AuditActor,
  now: Date,
): Promise<{ generatedPassword?: string }> {
  const generatedPassword = options.password === undefined ? generatePassword() : undefined;
  const password_hash = await hashPassword(options.password ?? generatedPassword!);
  await db
    .updateTable('users')
    .set({ password_hash, must_change_password: options.kind === 'reset' ? 1 : 0, updated_at: now.toISOString() })
    .where('id', '=', user.id)
    .execute();
  await deleteUserSessions(db, user.id, options.kind === 'change' ? options.keepSession : undefined);
  await audit(
    db,
    actor,
    options.kind === 'reset' ? 'user.password_reset' : 'user.password_changed',
    { type: 'user', id: user.id, wardCode: user.ward_code },
    { username: user.username },
    now,
  );
  return generatedPassword ? { generatedPassword } : {};
}
