import { type MigrationResultSet, Migrator, sql } from 'kysely';
import { dialectOf } from './database.js';
import { MIGRATIONS } from './migrations/index.js';
import type { Db } from './schema.js';

/**
 * Applies every pending migration. Returns Kysely's `{ error, results }` (a status per
 * migration) rather than throwing; `migrateOrThrow` is the short form.
 */
export async function migrateToLatest(db: Db): Promise<MigrationResultSet> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => MIGRATIONS },
    // On PostgreSQL name the schema: Kysely otherwise sees a kysely_migration table of any schema.
    ...(dialectOf(db) === 'postgres' ? { migrationTableSchema: await currentSchema(db) } : {}),
  });
  return migrator.migrateToLatest();
}

export async function migrateOrThrow(db: Db): Promise<string[]> {
  const { error, results } = await migrateToLatest(db);
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    throw new Error(`Di chuyển cơ sở dữ liệu thất bại${failed ? ` ở ${failed}` : ''}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

async function currentSchema(db: Db): Promise<string> {
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  return rows[0]?.schema ?? 'public';
}
