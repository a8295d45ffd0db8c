import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';
import type { DatabaseConfig } from '../packages/server/src/config.js';

/**
 * A throw-away database for one benchmark run: a SQLite file in `dir`, or a fresh
 * PostgreSQL schema on DATABASE_URL (reached through search_path), dropped afterwards.
 */
export async function openBenchDatabase(
  kind: 'sqlite' | 'postgres',
  dir: string,
  /** A fixed schema kept between runs (created if missing) instead of a throw-away one. */
  keepSchema?: string,
): Promise<{ config: DatabaseConfig; drop: () => Promise<void> }> {
  if (kind === 'sqlite') return { config: { kind, file: join(dir, 'thonghanh.sqlite') }, drop: async () => {} };
  const url = process.env.DATABASE_URL;
  if (!url?.startsWith('postgres')) throw new Error('DATABASE_URL is not a PostgreSQL address');
  const schema = keepSchema ?? `bench_${randomBytes(5).toString('hex')}`;
  const admin = async (text: string) => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      await c.query(text);
    } finally {
      await c.end();
    }
  };
  await admin(`create schema${keepSchema ? ' if not exists' : ''} ${schema}`);
  const u = new URL(url);
  u.searchParams.set('options', `-c search_path=${schema}`);
  return { config: { kind, url: u.toString() }, drop: () => admin(`drop schema if exists ${schema} cascade`) };
}
