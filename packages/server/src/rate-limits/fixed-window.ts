import { sql } from 'kysely';
import type { Executor } from '../db/schema.js';
import { tooManyRequests } from '../errors.js';

/**
 * At most `limit` requests per `windowMs` for one key, counted in `rate_limits` so that every
 * server process on the database shares the count. Windows are fixed: the first request
 * after a window has run out starts the next one.
 */
export interface FixedWindowLimit {
  /** `<purpose>:<kind>:<value>`, e.g. `register:ip:192.0.2.1`. */
  key: string;
  limit: number;
  windowMs: number;
  /** The Vietnamese message of the 429; `{wait}` becomes "N giây" or "N phút". */
  message: string;
}

/**
 * Counts one request for `key` in one statement (an upsert: atomic on SQLite and, by its row
 * lock, on PostgreSQL) and returns the count of its window and when the window ends.
 */
export async function hitFixedWindow(
  db: Executor,
  limit: Pick<FixedWindowLimit, 'key' | 'windowMs'>,
  now: Date,
): Promise<{ hits: number; windowEndsAt: Date }> {
  const at = now.toISOString();
  const expired = new Date(now.getTime() - limit.windowMs).toISOString();
  const row = await db
    .insertInto('rate_limits')
    .values({ key: limit.key, hits: 1, window_start: at, last_hit_at: at, blocked_until: null, busy_until: null })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        hits: sql`case when rate_limits.window_start <= ${expired} then 1 else rate_limits.hits + 1 end`,
        window_start: sql`case when rate_limits.window_start <= ${expired} then ${at} else rate_limits.window_start end`,
        last_hit_at: at,
      }),
    )
    .returning(['hits', 'window_start'])
    .executeTakeFirstOrThrow();
  return { hits: Number(row.hits), windowEndsAt: new Date(Date.parse(row.window_start) + limit.windowMs) };
}

/**
 * Counts the request against each limit in turn and refuses it (429 `too_many_requests`,
 * Retry-After) at the first one past its limit; the later limits are then not counted, so a
 * refused client does not use up a shared budget (a ward's). Runs outside the request's
 * transaction: a count must stick even when the request then fails.
 */
export async function enforceFixedWindows(db: Executor, limits: FixedWindowLimit[], now: Date): Promise<void> {
  for (const limit of limits) {
    const { hits, windowEndsAt } = await hitFixedWindow(db, limit, now);
    if (hits > limit.limit) {
      const seconds = Math.max(1, Math.ceil((windowEndsAt.getTime() - now.getTime()) / 1000));
      throw tooManyRequests(limit.message.replace('{wait}', waitInWords(seconds)), seconds);
    }
  }
}

/** "45 giây", "12 phút": how long to wait, in the unit a person reads. */
export function waitInWords(seconds: number): string {
  return seconds < 120 ? `${seconds} giây` : `${Math.ceil(seconds / 60)} phút`;
}
