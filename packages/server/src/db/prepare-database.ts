import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import { seedAdminUnits } from '../jurisdictions/seed-admin-units.js';
import { checkDeploymentKeys } from '../keys/check-deployment-keys.js';
import { migrateOrThrow } from './migrate.js';
import type { Db } from './schema.js';

/**
 * What every start needs: migrations applied, the keys kept apart from the database checked
 * against it when `keys` is given (before anything writes: keys/check-deployment-keys.ts),
 * then the jurisdictions loaded (idempotent).
 */
export async function prepareDatabase(
  db: Db,
  clock?: Clock,
  keys?: Pick<Config, 'masterKey' | 'keysDir' | 'auditKey'>,
): Promise<{ migrations: string[]; adminUnitsInserted: number }> {
  const migrations = await migrateOrThrow(db);
  if (keys) await checkDeploymentKeys(db, keys);
  const { inserted } = await seedAdminUnits(db, clock ? { clock } : {});
  return { migrations, adminUnitsInserted: inserted };
}
