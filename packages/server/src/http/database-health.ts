import { sql } from 'kysely';
import type { Executor } from '../db/schema.js';

/** A check younger than this answers /healthz without asking the database again. */
export const HEALTH_FRESH_MS = 1_000;
/** A check older than this (or a failed one) makes /healthz wait for a new one. */
export const HEALTH_STALE_MS = 5_000;

interface HealthState {
  /** When the database last answered `select 1` (performance.now()), or -Infinity. */
  okAt: number;
  /** The last check threw. */
  failed: boolean;
  /** The check in flight, if any. */
  pending: Promise<void> | null;
}

const states = new WeakMap<object, HealthState>();

function probe(db: Executor, s: HealthState): Promise<void> {
  const p = sql`select 1`
    .execute(db)
    .then(
      () => {
        s.okAt = performance.now();
        s.failed = false;
      },
      () => {
        s.failed = true;
      },
    )
    .finally(() => {
      s.pending = null;
    });
  s.pending = p;
  return p;
}

/**
 * Whether the database answers, for /healthz, without making the monitor wait behind a
 * long write: SQLite has one connection, and a transaction in progress (a chunk of a permit
 * batch) holds it. A successful `select 1` younger than HEALTH_FRESH_MS answers at once;
 * an older one still answers at once (stale-while-revalidate) while a new check runs in the
 * background, up to HEALTH_STALE_MS; past that, or after a failed check, the request waits
 * for a new check. So "ok" always means the database answered within the last 5 s, and a
 * database that stops answering is reported within about 5 s.
 */
export async function databaseAnswers(db: Executor): Promise<boolean> {
  const key = db.getExecutor().adapter;
  let s = states.get(key);
  if (!s) {
    s = { okAt: Number.NEGATIVE_INFINITY, failed: false, pending: null };
    states.set(key, s);
  }
  const age = performance.now() - s.okAt;
  const pending = s.pending ?? (s.failed || age > HEALTH_FRESH_MS ? probe(db, s) : null);
  if (!s.failed && age <= HEALTH_STALE_MS) return true;
  await pending;
  return !s.failed;
}
