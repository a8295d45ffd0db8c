import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import { bindAuditKey } from '../audit/audit-key.js';
import type { DatabaseConfig } from '../config.js';
import { createDatabase, type DialectKind } from '../db/database.js';
import { migrateOrThrow } from '../db/migrate.js';
import type { Db } from '../db/schema.js';
import { seedAdminUnits } from '../jurisdictions/seed-admin-units.js';
import { TEST_CLOCK_START } from './constants.js';

/** One database for one suite, on one dialect. `db` is valid inside hooks and tests. */
export interface TestDatabase {
  readonly kind: DialectKind;
  readonly db: Db;
  /** How to reach the same database from a child process (see `databaseEnv`). */
  readonly config: DatabaseConfig;
  /** A temporary folder for this suite (the SQLite file lives here; usable as THONGHANH_DATA_DIR). */
  readonly dir: string;
}

export interface TestDatabaseOptions {
  /** Run the migrations (default true). */
  migrate?: boolean;
  /** Provinces loaded into admin_units after migrating: default Hà Nội only (`['01']`, fast). */
  adminUnits?: string[] | 'all' | 'none';
}

const PG_URL = process.env.DATABASE_URL?.match(/^postgres(ql)?:\/\//) ? process.env.DATABASE_URL : undefined;

/**
 * Runs the same suite on SQLite (a temporary file) and on PostgreSQL (a fresh schema
 * `t_<random>` of DATABASE_URL, so test files run in parallel; dropped afterwards). Without
 * DATABASE_URL the PostgreSQL suite is declared skipped, with a name that says why.
 *
 * @example
 * forEachDatabase((t) => {
 *   it('stores a checkpoint', async () => {
 *     await t.db.insertInto('checkpoints').values(...).execute();
 *   });
 * });
 */
export function forEachDatabase(body: (t: TestDatabase) => void, options: TestDatabaseOptions = {}): void {
  for (const kind of ['sqlite', 'postgres'] as const) {
    if (kind === 'postgres' && !PG_URL) {
      describe.skip('postgres (skipped: DATABASE_URL is not set)', () => body(unavailable(kind)));
      continue;
    }
    describe(kind, () => {
      let opened: OpenedTestDatabase | undefined;
      const handle: TestDatabase = {
        kind,
        get db() {
          if (!opened) throw new Error('the test database is open only inside hooks and tests');
          return opened.db;
        },
        get config() {
          if (!opened) throw new Error('the test database is open only inside hooks and tests');
          return opened.config;
        },
        get dir() {
          if (!opened) throw new Error('the test database is open only inside hooks and tests');
          return opened.dir;
        },
      };
      beforeAll(async () => {
        opened = await openTestDatabase(kind, options);
      });
      afterAll(async () => {
        await opened?.close();
      });
      body(handle);
    });
  }
}

export interface OpenedTestDatabase extends TestDatabase {
  close(): Promise<void>;
}

/** Opens (and by default migrates and seeds) a throw-away database outside `forEachDatabase`. */
export async function openTestDatabase(
  kind: DialectKind,
  options: TestDatabaseOptions = {},
): Promise<OpenedTestDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'thonghanh-test-'));
  let config: DatabaseConfig;
  let dropSchema = async () => {};
  if (kind === 'sqlite') {
    config = { kind, file: join(dir, 'thonghanh.sqlite') };
  } else {
    if (!PG_URL) throw new Error('DATABASE_URL is not set');
    const schema = `t_${randomBytes(6).toString('hex')}`;
    await adminQuery(`create schema ${schema}`);
    const url = new URL(PG_URL);
    url.searchParams.set('options', `-c search_path=${schema}`);
    config = { kind, url: url.toString() };
    dropSchema = () => adminQuery(`drop schema if exists ${schema} cascade`);
  }
  const db = createDatabase(config, { poolSize: 4 });
  // keys/audit.key of the suite's folder, made on the first append: a child `thonghanh` with
  // THONGHANH_DATA_DIR = dir (databaseEnv) signs and checks with the same key.
  bindAuditKey(db, { auditKey: undefined, keysDir: join(dir, 'keys') });
  if (options.migrate !== false) {
    await migrateOrThrow(db);
    const units = options.adminUnits ?? ['01'];
    if (units !== 'none') {
      await seedAdminUnits(db, {
        ...(units === 'all' ? {} : { provinces: units }),
        clock: { now: () => new Date(TEST_CLOCK_START) },
      });
    }
  }
  return {
    kind,
    db,
    config,
    dir,
    close: async () => {
      await db.destroy();
      await dropSchema();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Environment variables that point a child `thonghanh` process at this test database. */
export function databaseEnv(t: TestDatabase): Record<string, string> {
  return t.config.kind === 'postgres'
    ? { DATABASE_URL: t.config.url, THONGHANH_DATA_DIR: t.dir }
    : { DATABASE_URL: '', THONGHANH_DATA_DIR: t.dir };
}

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

function unavailable(kind: DialectKind): TestDatabase {
  const fail = () => {
    throw new Error(`${kind} is not available`);
  };
  return {
    kind,
    get db(): Db {
      return fail();
    },
    get config(): DatabaseConfig {
      return fail();
    },
    get dir(): string {
      return fail();
    },
  };
}
