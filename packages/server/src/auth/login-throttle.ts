import type { Executor } from '../db/schema.js';

/**
 * Exponential back-off for failed logins, per username and per client IP. After `threshold`
 * failures a key waits `baseMs`, doubling with every further failure up to `capMs`. A
 * success clears the username's counter; a quiet `forgetAfterMs` clears any counter.
 */
export interface ThrottlePolicy {
  threshold: number;
  baseMs: number;
  capMs: number;
  forgetAfterMs: number;
}

export const USER_THROTTLE: ThrottlePolicy = {
  threshold: 5,
  baseMs: 1000,
  capMs: 15 * 60_000,
  forgetAfterMs: 3_600_000,
};
/** An office behind one address has many users: the IP allows more failures. */
export const IP_THROTTLE: ThrottlePolicy = {
  threshold: 20,
  baseMs: 1000,
  capMs: 15 * 60_000,
  forgetAfterMs: 3_600_000,
};

export const userKey = (username: string) => `user:${username}`;
export const ipKey = (ip: string) => `ip:${ip}`;

/** The wait after `failures` failures (0 below the threshold). */
export function backoffMs(failures: number, policy: ThrottlePolicy): number {
  if (failures < policy.threshold) return 0;
  return Math.min(policy.baseMs * 2 ** Math.min(failures - policy.threshold, 30), policy.capMs);
}

/** Milliseconds to wait before any of these keys may try again (0: go ahead). */
export async function loginWaitMs(db: Executor, keys: string[], now: Date): Promise<number> {
  const rows = await db.selectFrom('login_attempts').selectAll().where('key', 'in', keys).execute();
  let wait = 0;
  for (const r of rows) {
    if (r.locked_until) wait = Math.max(wait, Date.parse(r.locked_until) - now.getTime());
  }
  return Math.max(0, wait);
}

/** Counts one failure for each key and sets its lock. */
export async function recordLoginFailure(
  db: Executor,
  keys: Array<{ key: string; policy: ThrottlePolicy }>,
  now: Date,
): Promise<void> {
  for (const { key, policy } of keys) {
    const row = await db.selectFrom('login_attempts').selectAll().where('key', '=', key).executeTakeFirst();
    const stale = row && now.getTime() - Date.parse(row.last_failure_at) > policy.forgetAfterMs;
    const failures = (row && !stale ? row.failures : 0) + 1;
    const wait = backoffMs(failures, policy);
    const values = {
      failures,
      last_failure_at: now.toISOString(),
      locked_until: wait > 0 ? new Date(now.getTime() + wait).toISOString() : null,
    };
    await db
      .insertInto('login_attempts')
      .values({ key, ...values })
      .onConflict((oc) => oc.column('key').doUpdateSet(values))
      .execute();
  }
}

export async function clearLoginFailures(db: Executor, key: string): Promise<void> {
  await db.deleteFrom('login_attempts').where('key', '=', key).execute();
}
