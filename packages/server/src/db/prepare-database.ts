import type { Clock } from '../clock.js';
import { seedAdminUnits } from '../jurisdictions/seed-admin-units.js';
import { migrateOrThrow } from './migrate.js';
import type { Db } from './schema.js';

/** What every start needs: migrations applied, then the jurisdictions loaded (idempotent). */
export async function prepareDatabase(
  db: Db,
  clock?: Clock,
): Promise<{ migrations: string[]; adminUnitsInserted: number }> {
  const migrations = await migrateOrThrow(db);
  const { inserted } = await seedAdminUnits(db, clock ? { clock } : {});
  return { migrations, adminUnitsInserted: inserted };
}
