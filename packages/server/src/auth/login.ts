import { audit } from '../audit/append-audit.js';
import type { Db, SessionRow, UserRow } from '../db/schema.js';
import { AppError, tooManyAttempts } from '../errors.js';
import { findUserByUsername } from '../users/user-query.js';
import { normaliseUsername } from '../users/username.js';
import {
  clearLoginFailures,
  IP_THROTTLE,
  ipKey,
  loginWaitMs,
  recordLoginFailure,
  USER_THROTTLE,
  userKey,
} from './login-throttle.js';
import { dummyPasswordHash, verifyPassword } from './password.js';
import { createSession, purgeExpiredSessions, type SessionPolicy } from './sessions.js';

export interface LoginInput {
  username: string;
  password: string;
  ip: string;
  userAgent?: string | undefined;
}

/**
 * Checks a username and password and opens a session. Refused while the username or the
 * IP is in back-off (429); a failure is counted in its own transaction so that it sticks.
 * Not run inside a request transaction: it commits its own steps.
 */
export async function login(
  db: Db,
  input: LoginInput,
  now: Date,
  policy: SessionPolicy,
): Promise<{ token: string; session: SessionRow; user: UserRow }> {
  const username = normaliseUsername(input.username);
  const wait = await loginWaitMs(db, [userKey(username), ipKey(input.ip)], now);
  if (wait > 0) throw tooManyAttempts(Math.ceil(wait / 1000));
  const user = await findUserByUsername(db, username);
  const matches = await verifyPassword(input.password, user?.password_hash ?? (await dummyPasswordHash()));
  if (!user || !matches) {
    await db.transaction().execute((tx) =>
      recordLoginFailure(
        tx,
        [
          { key: userKey(username), policy: USER_THROTTLE },
          { key: ipKey(input.ip), policy: IP_THROTTLE },
        ],
        now,
      ),
    );
    throw new AppError('invalid_credentials');
  }
  if (user.active !== 1) throw new AppError('account_disabled');
  const { token, session } = await db.transaction().execute(async (tx) => {
    await clearLoginFailures(tx, userKey(username));
    await purgeExpiredSessions(tx, now);
    const opened = await createSession(tx, user.id, now, policy, { ip: input.ip, userAgent: input.userAgent });
    await audit(
      tx,
      { id: user.id, role: user.role },
      'auth.logged_in',
      { type: 'user', id: user.id, wardCode: user.ward_code },
      { ip: input.ip },
      now,
    );
    return opened;
  });
  return { token, session, user };
}
