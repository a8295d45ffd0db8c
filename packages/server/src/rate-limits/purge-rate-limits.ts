import type { Executor } from '../db/schema.js';

/** A key untouched for a day is forgotten (every window and back-off is shorter). */
const KEEP_MS = 24 * 3_600_000;

/** Housekeeping: deletes keys quiet for a day that hold no wait and no attempt in flight. */
export async function purgeStaleRateLimits(db: Executor, now: Date): Promise<void> {
  const at = now.toISOString();
  await db
    .deleteFrom('rate_limits')
    .where('last_hit_at', '<', new Date(now.getTime() - KEEP_MS).toISOString())
    .where((eb) => eb.or([eb('busy_until', 'is', null), eb('busy_until', '<=', at)]))
    .where((eb) => eb.or([eb('blocked_until', 'is', null), eb('blocked_until', '<=', at)]))
    .execute();
}
