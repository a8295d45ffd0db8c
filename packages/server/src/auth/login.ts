import { audit } from '../audit/append-audit.js';
import type { Clock } from '../clock.js';
import type { Db, SessionRow, UserRow } from '../db/schema.js';
import { AppError } from '../errors.js';
import { purgeStaleRateLimits } from '../rate-limits/purge-rate-limits.js';
import { findUserByUsername } from '../users/user-query.js';
import { normaliseUsername } from '../users/username.js';
import { beginLoginAttempt, loginKeys } from './login-throttle.js';
import { dummyPasswordHash, verifyPassword } from './password.js';
import { createSession, purgeExpiredSessions, type SessionPolicy } from './sessions.js';

export interface LoginInput {
  username: string;
  password: string;
  ip: string;
  userAgent?: string | undefined;
}

/**
 * Checks a username and password and opens a session. The attempt takes its username and
 * IP keys before the password is hashed (429 while either waits or is being checked by
 * another request); a wrong password counts one failure on both. An unknown username, a
 * wrong password and a disabled account with a wrong password answer alike (401
 * `invalid_credentials`, one scrypt check each); `account_disabled` is told only to
 * whoever gave that account's right password. Not run inside a request transaction: it
 * commits its own steps. The clock is read again after hashing: a wait counts from the
 * failure, not from the request's arrival (the hash may take a while on a busy server).
 */
export async function login(
  db: Db,
  input: LoginInput,
  clock: Clock,
  policy: SessionPolicy,
): Promise<{ token: string; session: SessionRow; user: UserRow }> {
  const now = clock.now();
  const username = normaliseUsername(input.username);
  const attempt = await beginLoginAttempt(db, loginKeys(username, input.ip), now);
  let user: UserRow | undefined;
  let matches: boolean;
  try {
    user = await findUserByUsername(db, username);
    matches = await verifyPassword(input.password, user?.password_hash ?? (await dummyPasswordHash()));
  } catch (e) {
    await attempt.release();
    throw e;
  }
  if (!user || !matches) {
    await attempt.failed(clock.now());
    throw new AppError('invalid_credentials');
  }
  if (user.active !== 1) {
    await attempt.release();
    throw new AppError('account_disabled');
  }
  const found = user;
  try {
    const { token, session } = await db.transaction().execute(async (tx) => {
      await attempt.succeeded(tx);
      await purgeExpiredSessions(tx, now);
      await purgeStaleRateLimits(tx, now);
      const opened = await createSession(tx, found.id, now, policy, { ip: input.ip, userAgent: input.userAgent });
      await audit(
        tx,
        { id: found.id, role: found.role },
        'auth.logged_in',
        { type: 'user', id: found.id, wardCode: found.ward_code },
        { ip: input.ip },
        now,
      );
      return opened;
    });
    return { token, session, user: found };
  } catch (e) {
    await attempt.release();
    throw e;
  }
}
