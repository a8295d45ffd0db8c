import { afterAll, describe, expect, it } from 'vitest';
import { HEADERS, person, personRow, rawXlsx } from '../../../test/support/staff-files.js';
import { importStaffFile, type StaffImportResult } from './import-staff-file.js';
import { SHEET_WORKER_ENTRY, SheetReaderPool } from './sheet-reader-pool.js';
import { hugeInlineString } from './upload-bombs.test-support.js';

const list = (n: number) => rawXlsx([HEADERS, ...Array.from({ length: n }, (_, i) => personRow(person(i)))]);
const code = (r: StaffImportResult) => (r.errors[0]?.row === 0 ? r.errors[0].code : 'rows');
const TODAY = { today: '2021-08-15' };

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

  it('reads and checks in a worker exactly what the same import answers in this thread', async () => {
    const bytes = list(50);
    const inThread = await importStaffFile(bytes, TODAY);
    expect(inThread.valid).toBe(50);
    expect(await pool().check(bytes, TODAY)).toEqual(inThread);
  });

  it('checks ward codes against the set it is sent', async () => {
    const wards = { has: (c: string) => c === '00127' || c === '00130', joined: '00127 00130' };
    const r = await pool().check(list(3), { ...TODAY, wardCodes: wards });
    expect(r.valid).toBe(0);
    expect(r.errors.map((e) => e.code)).toContain('ward_unknown');
    expect(await pool().check(list(3), TODAY)).toMatchObject({ valid: 3 });
  });

  it('answers a bomb with file_too_complex and keeps its worker for the next file', async () => {
    const p = pool({ workers: 1 });
    expect(code(await p.check(hugeInlineString(500, true).bytes, {}))).toBe('file_too_complex');
    expect(code(await p.check(list(3), {}))).toBe('rows');
  });

  it('ends a worker past its heap ceiling: file_too_complex', async () => {
    const p = pool({ workers: 1, heapMb: 8, youngMb: 1 });
    const first = await p.check(list(5000), {});
    expect(code(first)).toBe('file_too_complex');
    expect(first.errors[0]?.message).toContain('bộ nhớ');
  });

  it('ends a read past the wall clock: file_read_timeout', async () => {
    const r = await pool({ workers: 1, timeoutMs: 1 }).check(list(100), {});
    expect(code(r)).toBe('file_read_timeout');
  });

  it('queues up to its queue length, then answers server_busy', async () => {
    const p = pool({ workers: 1, queue: 1 });
    const answers = await Promise.all([p.check(list(200), {}), p.check(list(2), {}), p.check(list(2), {})]);
    expect(answers.map(code)).toEqual(['rows', 'rows', 'server_busy']);
  });
});
