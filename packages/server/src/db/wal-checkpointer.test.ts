import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { createDatabase } from './database.js';

describe('background WAL checkpoints (SQLite file)', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('copy committed pages into the database file from a worker, below the connection’s own threshold', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'thonghanh-wal-'));
    dirs.push(dir);
    const file = join(dir, 'db.sqlite');
    const db = createDatabase({ kind: 'sqlite', file });
    try {
      await sql`create table t (x text)`.execute(db);
      // ~2,500 pages of 4 KB: past the worker's 1,000, well under wal_autocheckpoint's 10,000.
      await db.transaction().execute(async (tx) => {
        await sql`with recursive n(i) as (select 1 union all select i + 1 from n where i < 2500)
          insert into t select randomblob(3000) from n`.execute(tx);
      });
      const other = new SQLite(file);
      try {
        let w = { log: 0, checkpointed: -1 };
        for (let i = 0; i < 100 && w.checkpointed < w.log; i++) {
          await new Promise((r) => setTimeout(r, 50));
          w = (other.pragma('wal_checkpoint(NOOP)') as Array<typeof w>)[0] ?? w;
        }
        expect(w.log).toBeGreaterThan(2000);
        expect(w.checkpointed).toBe(w.log);
      } finally {
        other.close();
      }
    } finally {
      await db.destroy();
    }
  });
});
