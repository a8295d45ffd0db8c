import { describe, expect, it } from 'vitest';
import { csvText, HEADERS, person, personRow, rawXlsx, utf8 } from '../../../test/support/staff-files.js';
import { IMPORT_LIMITS } from './limits.js';
import { readStaffSheet, type StaffSheet } from './read-staff-sheet.js';
import {
  bombXlsx,
  deepNesting,
  entityExpansion,
  HEADER_ROW,
  highRatio,
  hugeInlineString,
  hugeSharedStrings,
  manyEmptyRows,
  manyRows,
  truncated,
  zipEntries,
} from './upload-bombs.test-support.js';

/** The file-level code and message of a sheet, or its kind when it was read. */
async function outcome(bytes: Uint8Array): Promise<{ code: string; message: string }> {
  const sheet: StaffSheet = await readStaffSheet(bytes, {});
  return sheet.kind === 'file' ? sheet.problem : { code: sheet.kind, message: '' };
}

const SHEET_OPEN =
  '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const sheetOf = (xml: string) =>
  bombXlsx([{ text: `${SHEET_OPEN}${HEADER_ROW}${xml}</sheetData></worksheet>`, times: 1 }]);

describe('caps on reading an uploaded staff list', () => {
  it('refuses a sheet declared larger than its cap before inflating it (500 MiB inline string)', async () => {
    const bomb = hugeInlineString(500);
    expect(bomb.bytes.length).toBeLessThan(600_000);
    const r = await outcome(bomb.bytes);
    expect(r.code).toBe('file_too_complex');
    expect(r.message).toContain('xl/worksheets/sheet1.xml');
    expect(r.message).toContain('64 MB');
  });

  it('stops a cell at its cap while inflating when the ZIP lies about the size', async () => {
    const r = await outcome(hugeInlineString(500, true).bytes);
    expect(r.code).toBe('file_too_complex');
    expect(r.message).toContain('32.767 ký tự');
  });

  it('refuses a shared strings table declared past its cap, and one that lies', async () => {
    const honest = await outcome(hugeSharedStrings(300).bytes);
    expect([honest.code, honest.message.includes('xl/sharedStrings.xml')]).toEqual(['file_too_complex', true]);
    expect((await outcome(hugeSharedStrings(300, true).bytes)).code).toBe('file_too_complex');
  });

  it('refuses 543 MB of rows from a 2 MB file, declared or lying (compression ratio)', async () => {
    const honest = manyRows(4_300_000);
    expect(honest.bytes.length).toBeLessThan(2.5 * 1024 * 1024);
    expect(honest.inflated).toBeGreaterThan(540_000_000);
    expect((await outcome(honest.bytes)).code).toBe('file_too_complex');
    const lying = await outcome(manyRows(4_300_000, true).bytes);
    expect(lying.code).toBe('file_too_complex');
    expect(lying.message).toContain('tỉ lệ nén');
  });

  it('refuses a declared compression ratio past the cap even under the size cap', async () => {
    const bomb = highRatio(48);
    expect(bomb.inflated).toBeLessThan(IMPORT_LIMITS.sheetBytes);
    const r = await outcome(bomb.bytes);
    expect([r.code, r.message.includes('tỉ lệ nén')]).toEqual(['file_too_complex', true]);
  });

  it('counts empty rows: 200,000 of them are refused at the row cap', async () => {
    const r = await outcome(manyEmptyRows(200_000).bytes);
    expect(r.code).toBe('file_too_complex');
    expect(r.message).toContain('100.000 dòng');
  });

  it('refuses deep nesting and DOCTYPE entity declarations', async () => {
    const deep = await outcome(deepNesting(20_000).bytes);
    expect([deep.code, deep.message.includes('lồng nhau')]).toEqual(['file_too_complex', true]);
    const laughs = await outcome(entityExpansion().bytes);
    expect([laughs.code, laughs.message.includes('DOCTYPE')]).toEqual(['file_too_complex', true]);
  });

  it('refuses a row of more cells than the cap', async () => {
    const cells = Array.from({ length: IMPORT_LIMITS.rowCells + 1 }, (_, i) => `<c r="${colName(i)}2"><v>1</v></c>`);
    const r = await outcome(sheetOf(`<row r="2">${cells.join('')}</row>`).bytes);
    expect([r.code, r.message.includes('1.000 ô')]).toEqual(['file_too_complex', true]);
  });

  it('refuses more ZIP entries than the cap', async () => {
    const entries = Array.from({ length: IMPORT_LIMITS.zipEntries + 1 }, (_, i) => ({
      name: `x/${i}.xml`,
      content: '<a/>',
    }));
    const r = await outcome(zipEntries(entries).bytes);
    expect([r.code, r.message.includes('1.000 phần')]).toEqual(['file_too_complex', true]);
  });

  it('reports a truncated ZIP as a corrupt file', async () => {
    expect((await outcome(truncated().bytes)).code).toBe('corrupt_file');
  });

  it('still reads a cell of 32,767 characters (Excel’s own limit) and a normal list', async () => {
    const long = 'a'.repeat(IMPORT_LIMITS.cellChars);
    const sheet = await readStaffSheet(rawXlsx([HEADERS, [...personRow(person(1)).slice(0, 4), long]]), {});
    expect(sheet.kind).toBe('rows');
    const list = await readStaffSheet(
      rawXlsx([HEADERS, ...Array.from({ length: 300 }, (_, i) => personRow(person(i)))], { sharedStrings: true }),
      {},
    );
    expect(sheet.kind === 'rows' && list.kind === 'rows' ? list.records.length : 0).toBe(300);
  });

  it('caps CSV too: a line longer than a cell may be, too many columns, too many rows', async () => {
    const longLine = await outcome(utf8(`${HEADERS.join(',')}\n${'x'.repeat(IMPORT_LIMITS.cellChars + 10)}\n`));
    expect(longLine.code).toBe('file_too_complex');
    const wide = await outcome(utf8(`${HEADERS.join(',')}\n${','.repeat(IMPORT_LIMITS.rowCells + 1)}x\n`));
    expect([wide.code, wide.message.includes('ô')]).toEqual(['file_too_complex', true]);
    const tall = await outcome(utf8(csvText([HEADERS]) + '\n'.repeat(IMPORT_LIMITS.sheetRows + 1)));
    expect([tall.code, tall.message.includes('dòng')]).toEqual(['file_too_complex', true]);
  });
});

function colName(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
