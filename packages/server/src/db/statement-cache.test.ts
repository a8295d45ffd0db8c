import SQLite from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { reusingStatements } from './statement-cache.js';

describe('reusingStatements', () => {
  let sqlite: SQLite.Database;
  afterEach(() => {
    if (sqlite.open) sqlite.close();
  });
  const open = (max?: number) => {
    sqlite = new SQLite(':memory:');
    sqlite.exec('create table t (n integer)');
    return reusingStatements(sqlite, max);
  };

  it('hands out the statement already prepared for the same SQL text, which still runs with new parameters', () => {
    const db = open();
    const insert = db.prepare('insert into t (n) values (?)');
    expect(db.prepare('insert into t (n) values (?)')).toBe(insert);
    insert.run([1]);
    db.prepare('insert into t (n) values (?)').run([2]);
    expect(db.prepare('select n from t order by n').all([])).toEqual([{ n: 1 }, { n: 2 }]);
  });

  it('gives a fresh statement while the cached one is still being iterated (a streamed query)', () => {
    const db = open();
    db.prepare('insert into t (n) values (?)').run([1]);
    const select = db.prepare('select n from t');
    const rows = select.iterate([]);
    rows.next();
    const other = db.prepare('select n from t');
    expect(other).not.toBe(select);
    expect(other.all([])).toEqual([{ n: 1 }]);
    rows.return?.();
    expect(db.prepare('select n from t')).toBe(select);
  });

  it('keeps at most `max` statements, dropping the least recently used', () => {
    const db = open(2);
    const a = db.prepare('select 1');
    const b = db.prepare('select 2');
    expect(db.prepare('select 1')).toBe(a);
    db.prepare('select 3');
    expect(db.prepare('select 1')).toBe(a);
    expect(db.prepare('select 2')).not.toBe(b);
  });

  it('closes the database', () => {
    const db = open();
    db.close();
    expect(sqlite.open).toBe(false);
  });
});
