import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresAdapter, PostgresDialect, SqliteDialect } from 'kysely';
import type PgModule from 'pg';
import type { DatabaseConfig } from '../config.js';
import { lazyRequire } from '../lazy-require.js';
import type { Database, Db, Executor } from './schema.js';
import { reusingStatements } from './statement-cache.js';

/** Loaded on first use, not at start-up (lazy-require.ts). */
const pg = lazyRequire<typeof PgModule>('pg');

export type DialectKind = 'sqlite' | 'postgres';

export interface CreateDatabaseOptions {
  /** PostgreSQL only: connections in the pool (default 10). */
  poolSize?: number;
}

/**
 * Opens the database: an SQLite file (WAL, foreign keys on, 5 s busy timeout; its folder is
 * created) or a PostgreSQL pool. Close it with `db.destroy()`. A PostgreSQL URL may choose
 * its schema: `postgres://…/db?options=-c%20search_path%3Dmy_schema` (the tests do).
 *
 * Beware on SQLite: Kysely runs every query on one connection, so inside a transaction use
 * only the transaction handle; a query on `db` would wait for the transaction forever.
 */
export function createDatabase(config: DatabaseConfig, options: CreateDatabaseOptions = {}): Db {
  const db = openKysely(config, options);
  identities.set(db.getExecutor().adapter, databaseIdentity(config));
  return db;
}

function openKysely(config: DatabaseConfig, options: CreateDatabaseOptions): Db {
  if (config.kind === 'sqlite') {
    if (config.file !== ':memory:') mkdirSync(dirname(config.file), { recursive: true });
    const sqlite = new SQLite(config.file);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('synchronous = NORMAL');
    // A 64 MiB page cache (the default is 2 MB): the post-inspection queries read 20–40 MB of
    // index pages at a million scans; with 2 MB every run reads them again from the OS (half
    // the time in system calls). One connection per database handle, filled only as read.
    sqlite.pragma('cache_size = -65536');
    // Checkpoint the WAL every ~40 MB instead of SQLite's 4 MB: a 1,000-scan sync batch dirties
    // ~2,000 index pages, so the default made every batch's commit copy them to the database
    // file and fsync (two thirds of its commit time); pages rewritten by successive batches are
    // now copied once (docs/benchmarks.md, scan-sync).
    sqlite.pragma('wal_autocheckpoint = 10000');
    // Statement journals in memory, not in a temporary file: a multi-row INSERT inside a
    // transaction keeps the old content of every page it changes (to undo just that statement),
    // and past 64 KB SQLite wrote them to a file: ~3,300 of a 1,000-scan batch's ~7,500 write
    // system calls (docs/benchmarks.md, scan-sync). At most the pages one statement changes.
    sqlite.pragma('temp_store = MEMORY');
    return new Kysely<Database>({ dialect: new SqliteDialect({ database: reusingStatements(sqlite) }) });
  }
  const pool = new pg.Pool({
    connectionString: config.url,
    max: options.poolSize ?? 10,
    // count(*) and other int8 values as numbers, not strings.
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === 20 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

/**
 * Every handle opened on one database (a pool, a second pool, their transactions) answers
 * the same identity: the SQLite file's absolute path or the PostgreSQL URL. Transactions
 * and plugins share their Kysely's adapter object, so the adapter is the lookup key.
 */
const identities = new WeakMap<object, string>();

function databaseIdentity(config: DatabaseConfig): string {
  if (config.kind === 'postgres') return `postgres:${config.url}`;
  return config.file === ':memory:' ? `sqlite-memory:${randomUUID()}` : `sqlite:${resolve(config.file)}`;
}

/** Which database this handle (or transaction) is: see `identities`. Undefined for a handle not made by createDatabase. */
export function identityOf(db: Executor): string | undefined {
  return identities.get(db.getExecutor().adapter);
}

/** Which database this handle (or transaction) talks to. */
export function dialectOf(db: Db): DialectKind {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}
