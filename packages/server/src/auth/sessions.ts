import type { Clock } from '../clock.js';
import type { Executor, SessionRow, UserRow } from '../db/schema.js';
import { newCsrfToken, newSessionToken, sessionIdOf } from './session-token.js';

export interface SessionPolicy {
  idleMs: number;
  absoluteMs: number;
}

/** Last-seen is written at most once a minute per session, not on every request. */
const TOUCH_EVERY_MS = 60_000;

/** Opens a session; returns the token for the cookie (only its hash is stored). */
export async function createSession(
  db: Executor,
  userId: string,
  now: Date,
  policy: SessionPolicy,
  client: { ip?: string | undefined; userAgent?: string | undefined } = {},
): Promise<{ token: string; session: SessionRow }> {
  const token = newSessionToken();
  const session: SessionRow = {
    id: sessionIdOf(token),
    user_id: userId,
    csrf_token: newCsrfToken(),
    created_at: now.toISOString(),
    expires_at: new Date(now.getTime() + policy.absoluteMs).toISOString(),
    last_seen_at: now.toISOString(),
    ip: client.ip ?? null,
    user_agent: client.userAgent?.slice(0, 300) ?? null,
  };
  await db.insertInto('sessions').values(session).execute();
  return { token, session };
}

export type SessionLookup =
  | { status: 'active'; session: SessionRow; user: UserRow }
  | { status: 'expired' }
  | { status: 'none' };

/**
 * Finds the session of a cookie token. Expired sessions (idle or absolute) and sessions of
 * deactivated users are deleted and reported as `expired`; an active one is touched.
 */
export async function lookupSession(
  db: Executor,
  token: string,
  clock: Clock,
  policy: SessionPolicy,
): Promise<SessionLookup> {
  const id = sessionIdOf(token);
  const session = await db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
  if (!session) return { status: 'none' };
  const now = clock.now();
  const user = await db.selectFrom('users').selectAll().where('id', '=', session.user_id).executeTakeFirst();
  const idleEnd = Date.parse(session.last_seen_at) + policy.idleMs;
  if (user?.active !== 1 || now.getTime() >= Date.parse(session.expires_at) || now.getTime() >= idleEnd) {
    await db.deleteFrom('sessions').where('id', '=', id).execute();
    return { status: 'expired' };
  }
  if (now.getTime() - Date.parse(session.last_seen_at) >= TOUCH_EVERY_MS) {
    session.last_seen_at = now.toISOString();
    await db.updateTable('sessions').set({ last_seen_at: session.last_seen_at }).where('id', '=', id).execute();
  }
  return { status: 'active', session, user };
}

/** When this session ends if nothing happens: the earlier of idle and absolute expiry. */
export function sessionEndsAt(session: SessionRow, policy: SessionPolicy): string {
  const idle = Date.parse(session.last_seen_at) + policy.idleMs;
  return new Date(Math.min(idle, Date.parse(session.expires_at))).toISOString();
}

export async function deleteSession(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

/** Ends every session of a user (deactivation, password reset), except `keep` if given. */
export async function deleteUserSessions(db: Executor, userId: string, keep?: string): Promise<void> {
  let q = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (keep) q = q.where('id', '!=', keep);
  await q.execute();
}

/** Housekeeping: removes sessions past their absolute expiry. */
export async function purgeExpiredSessions(db: Executor, now: Date): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<=', now.toISOString()).execute();
}
