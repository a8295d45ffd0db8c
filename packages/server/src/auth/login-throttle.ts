import { sql } from 'kysely';
import type { Db, Executor } from '../db/schema.js';
import { tooManyAttempts } from '../errors.js';

/**
 * Exponential back-off for failed logins, per username and per client IP, in `rate_limits`
 * (shared by every server process). After `threshold` failures a key waits `baseMs`,
 * doubling with every further failure up to `capMs`; a quiet `forgetAfterMs` forgets the
 * failures. Only one attempt per key is checked at a time: the attempt takes its keys
 * before the password is hashed, so a burst of parallel guesses is refused, not counted.
 */
export interface ThrottlePolicy {
  threshold: number;
  baseMs: number;
  capMs: number;
  forgetAfterMs: number;
  /** A right password clears the key (the username's; not the IP's: an office shares one). */
  clearOnSuccess: boolean;
}

export const USER_THROTTLE: ThrottlePolicy = {
  threshold: 5,
  baseMs: 1000,
  capMs: 15 * 60_000,
  forgetAfterMs: 3_600_000,
  clearOnSuccess: true,
};
/** An office behind one address has many users: the IP allows more failures. */
export const IP_THROTTLE: ThrottlePolicy = {
  threshold: 20,
  baseMs: 1000,
  capMs: 15 * 60_000,
  forgetAfterMs: 3_600_000,
  clearOnSuccess: false,
};

/** How long an attempt may hold its keys: a process that dies mid-check frees them after this. */
export const ATTEMPT_HOLD_MS = 10_000;

export interface ThrottledKey {
  key: string;
  policy: ThrottlePolicy;
}

export const userKey = (username: string) => `login:user:${username.slice(0, 100)}`;
export const ipKey = (ip: string) => `login:ip:${ip.slice(0, 100)}`;

/** The keys of a password check: the username and the client's IP. */
export const loginKeys = (username: string, ip: string): ThrottledKey[] => [
  { key: userKey(username), policy: USER_THROTTLE },
  { key: ipKey(ip), policy: IP_THROTTLE },
];

/** The wait after `failures` failures (0 below the threshold). */
export function backoffMs(failures: number, policy: ThrottlePolicy): number {
  if (failures < policy.threshold) return 0;
  return Math.min(policy.baseMs * 2 ** Math.min(failures - policy.threshold, 30), policy.capMs);
}

const BUSY_MESSAGE =
  'Đang kiểm tra một lần đăng nhập khác của tài khoản này hoặc từ địa chỉ mạng này. Vui lòng thử lại sau {seconds} giây.';

/** One password check holding its keys; end it with exactly one of the three. */
export interface LoginAttempt {
  /** The password was wrong: one failure on every key, its wait set, the keys let go. */
  failed(now: Date): Promise<void>;
  /** The password was right: run in the transaction that opens the session. */
  succeeded(tx: Executor): Promise<void>;
  /** Let go without counting (an error, a disabled account). */
  release(): Promise<void>;
}

/**
 * Takes every key for one attempt before the password is checked, in one transaction: a
 * key that is waiting (`blocked_until`) or held by another attempt (`busy_until`) refuses
 * the attempt with 429 `too_many_attempts` and Retry-After, and nothing is taken. Keys are
 * taken in sorted order, one conditional UPDATE each: PostgreSQL's row lock re-checks the
 * condition against a concurrent attempt's commit, so of two parallel attempts on one key
 * (on any number of servers) exactly one proceeds.
 */
export async function beginLoginAttempt(db: Db, keys: ThrottledKey[], now: Date): Promise<LoginAttempt> {
  const sorted = [...keys].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const names = sorted.map((k) => k.key);
  const at = now.toISOString();
  const holdUntil = new Date(now.getTime() + ATTEMPT_HOLD_MS).toISOString();
  await db.transaction().execute(async (tx) => {
    await tx
      .insertInto('rate_limits')
      .values(
        names.map((key) => ({
          key,
          hits: 0,
          window_start: at,
          last_hit_at: at,
          blocked_until: null,
          busy_until: null,
        })),
      )
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
    for (const key of names) {
      const taken = await tx
        .updateTable('rate_limits')
        .set({ busy_until: holdUntil })
        .where('key', '=', key)
        .where((eb) => eb.or([eb('busy_until', 'is', null), eb('busy_until', '<=', at)]))
        .where((eb) => eb.or([eb('blocked_until', 'is', null), eb('blocked_until', '<=', at)]))
        .returning('key')
        .executeTakeFirst();
      if (taken) continue;
      const row = await tx
        .selectFrom('rate_limits')
        .select(['blocked_until'])
        .where('key', '=', key)
        .executeTakeFirstOrThrow();
      const blockedMs = row.blocked_until ? Date.parse(row.blocked_until) - now.getTime() : 0;
      throw blockedMs > 0 ? tooManyAttempts(Math.ceil(blockedMs / 1000)) : tooManyAttempts(1, BUSY_MESSAGE);
    }
  });

  // Let go only of a hold that is still ours (one that ran out may have been taken since).
  const letGo = sql<string | null>`case when busy_until = ${holdUntil} then null else busy_until end`;
  return {
    async failed(failedAt) {
      const nowIso = failedAt.toISOString();
      await db.transaction().execute(async (tx) => {
        for (const { key, policy } of sorted) {
          const forgetBefore = new Date(failedAt.getTime() - policy.forgetAfterMs).toISOString();
          const row = await tx
            .updateTable('rate_limits')
            .set({
              hits: sql`case when last_hit_at < ${forgetBefore} then 1 else hits + 1 end`,
              last_hit_at: nowIso,
              busy_until: letGo,
            })
            .where('key', '=', key)
            .returning('hits')
            .executeTakeFirst();
          if (!row) continue;
          const wait = backoffMs(Number(row.hits), policy);
          await tx
            .updateTable('rate_limits')
            .set({ blocked_until: wait > 0 ? new Date(failedAt.getTime() + wait).toISOString() : null })
            .where('key', '=', key)
            .execute();
        }
      });
    },
    async succeeded(tx) {
      const cleared = sorted.filter((k) => k.policy.clearOnSuccess).map((k) => k.key);
      const kept = sorted.filter((k) => !k.policy.clearOnSuccess).map((k) => k.key);
      if (cleared.length > 0) await tx.deleteFrom('rate_limits').where('key', 'in', cleared).execute();
      if (kept.length > 0) {
        await tx.updateTable('rate_limits').set({ busy_until: letGo }).where('key', 'in', kept).execute();
      }
    },
    async release() {
      await db.updateTable('rate_limits').set({ busy_until: letGo }).where('key', 'in', names).execute();
    },
  };
}
