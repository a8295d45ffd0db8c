import { audit, SYSTEM_ACTOR } from '../audit/append-audit.js';
import type { Clock } from '../clock.js';
import { systemClock } from '../clock.js';
import type { AdminUnitRow, Db } from '../db/schema.js';
import { readAdminUnitsFile } from './read-admin-units-file.js';

export interface SeedAdminUnitsOptions {
  /** Load only these provinces (tests load Hà Nội only: faster). Default: all. */
  provinces?: string[];
  clock?: Clock;
  units?: AdminUnitRow[];
}

export interface SeedAdminUnitsResult {
  inserted: number;
  total: number;
}

const BATCH = 500;

/**
 * Units in the shipped file (a test reads the file and checks this number): a start on a
 * database that holds that many skips reading and comparing the 11,366 rows.
 */
export const ADMIN_UNITS_IN_FILE = 11_366;

/**
 * Loads provinces, districts and wards into `admin_units`. Idempotent: existing codes are
 * left alone, and when every unit is already there nothing is written. Batched inserts in
 * one transaction; the load is recorded in the audit log.
 */
export async function seedAdminUnits(db: Db, options: SeedAdminUnitsOptions = {}): Promise<SeedAdminUnitsResult> {
  if (!options.units && !options.provinces) {
    // Every start comes here: units are only ever added from the file, so a full count means
    // all of it is loaded (the full comparison below runs otherwise).
    const { n } = await db
      .selectFrom('admin_units')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    if (Number(n) === ADMIN_UNITS_IN_FILE) return { inserted: 0, total: ADMIN_UNITS_IN_FILE };
  }
  let units = options.units ?? readAdminUnitsFile();
  if (options.provinces) {
    const wanted = new Set(options.provinces);
    units = units.filter((u) => wanted.has(u.province_code));
  }
  const present = await db
    .selectFrom('admin_units')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  if (Number(present.n) >= units.length) {
    const codes = new Set((await db.selectFrom('admin_units').select('code').execute()).map((r) => r.code));
    if (units.every((u) => codes.has(u.code))) return { inserted: 0, total: codes.size };
  }
  const inserted = await db.transaction().execute(async (tx) => {
    let n = 0;
    for (let i = 0; i < units.length; i += BATCH) {
      const result = await tx
        .insertInto('admin_units')
        .values(units.slice(i, i + BATCH))
        .onConflict((oc) => oc.column('code').doNothing())
        .executeTakeFirst();
      n += Number(result.numInsertedOrUpdatedRows ?? 0);
    }
    if (n > 0) {
      await audit(
        tx,
        SYSTEM_ACTOR,
        'admin_units.seeded',
        { type: 'admin_units', id: null, wardCode: null },
        { inserted: n, source: 'vn-admin-units-2021-07.tsv' },
        (options.clock ?? systemClock).now(),
      );
    }
    return n;
  });
  const total = await db
    .selectFrom('admin_units')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return { inserted, total: Number(total.n) };
}
