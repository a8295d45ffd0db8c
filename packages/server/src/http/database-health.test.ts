import { sql } from 'kysely';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDatabase } from '../db/database.js';
import { databaseAnswers, HEALTH_FRESH_MS, HEALTH_STALE_MS } from './database-health.js';

describe('the database check of /healthz', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('answers from a recent check while a transaction holds the SQLite connection, and goes on checking', async () => {
    const db = createDatabase({ kind: 'sqlite', file: ':memory:' });
    let clock = 1_000_000;
    vi.spyOn(performance, 'now').mockImplementation(() => clock);
    try {
      expect(await databaseAnswers(db)).toBe(true);
      const order: string[] = [];
      let release = () => {};
      const held = new Promise<void>((r) => {
        release = r;
      });
      const tx = db.transaction().execute(async (t) => {
        await sql`select 1`.execute(t);
        order.push('tx holds');
        await held;
        order.push('tx ends');
      });
      while (order.length === 0) await new Promise((r) => setImmediate(r));
      // Fresh: at once. Stale but younger than HEALTH_STALE_MS: at once too, a new check queued behind the transaction.
      expect(await databaseAnswers(db)).toBe(true);
      clock += HEALTH_FRESH_MS + 1;
      expect(await databaseAnswers(db)).toBe(true);
      order.push('healthz answered');
      release();
      await tx;
      expect(order).toEqual(['tx holds', 'healthz answered', 'tx ends']);
    } finally {
      await db.destroy();
    }
  });

  it('reports a database that stops answering once the last good check is older than HEALTH_STALE_MS', async () => {
    const db = createDatabase({ kind: 'sqlite', file: ':memory:' });
    let clock = 2_000_000;
    vi.spyOn(performance, 'now').mockImplementation(() => clock);
    expect(await databaseAnswers(db)).toBe(true);
    await db.destroy();
    clock += HEALTH_FRESH_MS / 2;
    expect(await databaseAnswers(db)).toBe(true);
    clock += HEALTH_STALE_MS;
    expect(await databaseAnswers(db)).toBe(false);
    // A failed check is never served from the cache: each request checks again.
    expect(await databaseAnswers(db)).toBe(false);
  });
});
