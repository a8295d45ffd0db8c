import { type AuditActor, audit } from '../audit/append-audit.js';
import { generatePassword, hashPassword } from '../auth/password.js';
import type { Role } from '../authz/index.js';
import { newId } from '../db/ids.js';
import type { Executor, UserRow } from '../db/schema.js';
import { AppError } from '../errors.js';
import { resolveUserScope, type ScopeInput } from './resolve-user-scope.js';
import { findUserByUsername } from './user-query.js';
import { normaliseUsername } from './username.js';

export interface CreateUserInput {
  username: string;
  fullName: string;
  /** Position (chức vụ), e.g. "Chủ tịch UBND phường": printed under a ward leader's signature. */
  title?: string | null;
  role: Role;
  scope: ScopeInput;
  businessId?: string | null;
  /** Optional e-mail address (validated by the caller: `emailSchema`). */
  email?: string | null;
  /** Given password; when absent (and no hash), one is generated and returned once. */
  password?: string;
  /** A precomputed hash (seeds and tests: scrypt is slow on purpose). */
  passwordHash?: string;
  /** Default: true when the password was generated. */
  mustChangePassword?: boolean;
}

export interface CreatedUser {
  user: UserRow;
  /** Only when generated here: show it once, it is stored hashed. */
  generatedPassword?: string;
}

/**
 * Creates an account and records `user.created` in the audit log. Run it inside the
 * transaction of the request (or of the seed/CLI step). Who may create whom is the
 * caller's check (routes: authz; the CLI: shell access).
 */
export async function createUser(
  db: Executor,
  input: CreateUserInput,
  actor: AuditActor,
  now: Date,
): Promise<CreatedUser> {
  const username = normaliseUsername(input.username);
  if (await findUserByUsername(db, username)) throw new AppError('username_taken');
  const scope = await resolveUserScope(db, input.role, input.scope);
  const generatedPassword =
    input.password === undefined && input.passwordHash === undefined ? generatePassword() : undefined;
  const passwordHash = input.passwordHash ?? (await hashPassword(input.password ?? generatedPassword!));
  const user: UserRow = {
    id: newId(),
    username,
    password_hash: passwordHash,
    full_name: input.fullName.trim().normalize('NFC'),
    title: input.title?.trim().normalize('NFC') || null,
    email: input.email ?? null,
    role: input.role,
    ward_code: scope.wardCode,
    district_code: scope.districtCode,
    province_code: scope.provinceCode,
    business_id: input.businessId ?? null,
    active: 1,
    must_change_password: (input.mustChangePassword ?? generatedPassword !== undefined) ? 1 : 0,
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
  };
  await db.insertInto('users').values(user).execute();
  await audit(
    db,
    actor,
    'user.created',
    { type: 'user', id: user.id, wardCode: user.ward_code },
    {
      username,
      role: user.role,
      fullName: user.full_name,
      ...(user.title ? { title: user.title } : {}),
      ...scope,
      businessId: user.business_id,
    },
    now,
  );
  return generatedPassword ? { user, generatedPassword } : { user };
}
