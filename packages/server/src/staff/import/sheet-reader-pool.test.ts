import { afterAll, describe, expect, it } from 'vitest';
import { HEADERS, person, personRow, rawXlsx } from '../../../test/support/staff-files.js';
import { readStaffSheet, type StaffSheet } from './read-staff-sheet.js';
import { SHEET_WORKER_ENTRY, SheetReaderPool } from './sheet-reader-pool.js';
import { hugeInlineString } from './upload-bombs.test-support.js';

const list = (n: number) => rawXlsx([HEADERS, ...Array.from({ length: n }, (_, i) => personRow(person(i)))]);
const code = (s: StaffSheet) => (s.kind === 'file' ? s.problem.code : s.kind);

describe('SheetReaderPool', () => {
  const pools: SheetReaderPool[] = [];
  const pool = (opts: ConstructorParameters<typeof SheetReaderPool>[0] = {}) => {
    const p = new SheetReaderPool(opts);
    pools.push(p);
    return p;
  };
  afterAll(async () => {
    await Promise.all(pools.map((p) => p.close()));
  });

  it('starts its worker from one entry file beside it', () => {
    expect(SHEET_WORKER_ENTRY.pathname).toMatch(/\/staff\/import\/read-sheet-worker\.(ts|js)$/);
  });

  it('reads in a worker exactly what the same reader answers in this thread', async () => {
    const bytes = list(50);
    expect(await pool().read(bytes, {})).toEqual(await readStaffSheet(bytes, {}));
  });

  it('answers a bomb with file_too_complex and keeps its worker for the next file', async () => {
    const p = pool({ workers: 1 });
    expect(code(await p.read(hugeInlineString(500, true).bytes, {}))).toBe('file_too_complex');
    expect(code(await p.read(list(3), {}))).toBe('rows');
  });

  it('ends a worker past its heap ceiling: file_too_complex', async () => {
    const p = pool({ workers: 1, heapMb: 8, youngMb: 1 });
    const first = await p.read(list(5000), {});
    expect(code(first)).toBe('file_too_complex');
    expect(first.kind === 'file' && first.problem.message).toContain('bộ nhớ');
  });

  it('ends a read past the wall clock: file_read_timeout', async () => {
    const r = await pool({ workers: 1, timeoutMs: 1 }).read(list(100), {});
    expect(code(r)).toBe('file_read_timeout');
  });

  it('queues up to its queue length, then answers server_busy', async () => {
    const p = pool({ workers: 1, queue: 1 });
    const answers = await Promise.all([p.read(list(200), {}), p.read(list(2), {}), p.read(list(2), {})]);
    expect(answers.map(code)).toEqual(['rows', 'rows', 'server_busy']);
  });
});
