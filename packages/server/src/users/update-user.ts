import { type AuditActor, audit } from '../audit/append-audit.js';
import type { Executor, UserRow } from '../db/schema.js';
import { AppError } from '../errors.js';

export interface UserChanges {
  fullName?: string | undefined;
  /** The position (chức vụ) printed under a leader's signature; `null` clears it. */
  title?: string | null | undefined;
  /** `null` clears it. */
  email?: string | null | undefined;
}

/**
 * Changes an account's name, position or e-mail (not its role, ward or username: those are another
 * account). Audited `user.updated` with the changed fields; nothing different → 400
 * `nothing_to_change`.
 */
export async function updateUser(
  db: Executor,
  user: UserRow,
  changes: UserChanges,
  actor: AuditActor,
  now: Date,
): Promise<UserRow> {
  const set: Partial<Pick<UserRow, 'full_name' | 'title' | 'email'>> = {};
  const fullName = changes.fullName?.trim().normalize('NFC');
  if (fullName !== undefined && fullName !== user.full_name) set.full_name = fullName;
  const title = changes.title === undefined ? undefined : changes.title?.trim().normalize('NFC') || null;
  if (title !== undefined && title !== (user.title ?? null)) set.title = title;
  if (changes.email !== undefined && changes.email !== (user.email ?? null)) set.email = changes.email;
  if (Object.keys(set).length === 0) throw new AppError('nothing_to_change');
  await audit(
    db,
    actor,
    'user.updated',
    { type: 'user', id: user.id, wardCode: user.ward_code },
    {
      username: user.username,
      fields: Object.keys(set),
      ...(set.full_name !== undefined ? { fullName: set.full_name } : {}),
      ...(set.title !== undefined ? { title: set.title } : {}),
      ...(set.email !== undefined ? { email: set.email } : {}),
    },
    now,
  );
  const at = now.toISOString();
  await db
    .updateTable('users')
    .set({ ...set, updated_at: at })
    .where('id', '=', user.id)
    .execute();
  return { ...user, ...set, updated_at: at };
}
