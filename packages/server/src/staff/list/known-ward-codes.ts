import type { Executor } from '../../db/schema.js';
import type { WardCodes } from '../import/sheet-reader-pool.js';

/**
 * Every ward code of `admin_units`, kept per database: 10,603 codes read for each upload
 * cost more than the rest of the lookups. Units are only ever added (seed-admin-units.ts),
 * so a count of the wards (one index scan) tells whether the kept set is still whole.
 */

interface Kept {
  count: number;
  codes: Promise<WardCodes>;
}

/** By the handle's adapter: a pool and its transactions share it (see db/database.ts `identities`). */
const kept = new WeakMap<object, Kept>();

export async function knownWardCodes(db: Executor): Promise<WardCodes> {
  const key = db.getExecutor().adapter;
  const { n } = await db
    .selectFrom('admin_units')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('level', '=', 'ward')
    .executeTakeFirstOrThrow();
  const count = Number(n);
  const found = kept.get(key);
  if (found && found.count === count) return found.codes;
  const codes = readCodes(db);
  kept.set(key, { count, codes });
  codes.catch(() => kept.delete(key));
  return codes;
}

async function readCodes(db: Executor): Promise<WardCodes> {
  const rows = await db.selectFrom('admin_units').select('code').where('level', '=', 'ward').execute();
  const set = new Set(rows.map((r) => r.code));
  return { has: (code) => set.has(code), joined: [...set].join(' ') };
}
