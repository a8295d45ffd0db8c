import type SQLite from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/** Statements kept per SQLite handle: far more than the distinct queries of a request. */
const MAX_STATEMENTS = 200;

/**
 * The handle Kysely's SqliteDriver is given: its `prepare` reuses a statement already prepared
 * for the same SQL text (the driver prepares every query anew; a 1,000-scan sync batch's
 * INSERT is 15,000 parameters, compiled in ~5 ms each time). Least recently used statements
 * are dropped past MAX_STATEMENTS. A statement still being iterated (a streamed query) is
 * not handed out twice: that one call gets a fresh statement.
 */
export function reusingStatements(sqlite: SQLite.Database, max = MAX_STATEMENTS): SqliteDatabase {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => {
      cache.clear();
      sqlite.close();
    },
    prepare: (sql) => {
      const hit = cache.get(sql);
      if (hit) {
        if (hit.busy) return sqlite.prepare(sql);
        cache.delete(sql);
        cache.set(sql, hit);
        return hit;
      }
      const stmt = sqlite.prepare(sql);
      cache.set(sql, stmt);
      if (cache.size > max) cache.delete(cache.keys().next().value as string);
      return stmt;
    },
  };
}
