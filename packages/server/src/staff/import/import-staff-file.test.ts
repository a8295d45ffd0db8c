import { describe, expect, it } from 'vitest';
import {
  csvText,
  HEADERS,
  person,
  personRow,
  rawXlsx,
  utf8,
  utf16,
  windows1258,
  type XlsxValue,
  xlsxOf,
  zipOf,
} from '../../../test/support/staff-files.js';
import { STAFF_COLUMNS } from './columns.js';
import { importStaffFile, MAX_DATA_ROWS, type StaffImportOptions } from './import-staff-file.js';

const TODAY = '2021-08-15';
const importFile = (bytes: Uint8Array, opts: StaffImportOptions = {}) =>
  importStaffFile(bytes, { today: TODAY, ...opts });
const codes = (ps: { row: number; field: string | null; code: string }[]) =>
  ps.map(({ row, field, code }) => ({ row, field, code }));

const PEOPLE = [HEADERS, ...[0, 1, 2].map((i) => personRow(person(i)))];

describe('a good list reads the same from every format users save', async () => {
  const fromXlsx = await importFile(await xlsxOf(PEOPLE));

  it('xlsx written by a spreadsheet program', () => {
    expect(fromXlsx.errors).toEqual([]);
    expect(fromXlsx.warnings).toEqual([]);
    expect(fromXlsx).toMatchObject({ rows: 3, valid: 3 });
    expect(fromXlsx.staff.map((s) => [s.row, s.fullName, s.idNumber])).toEqual([
      [2, person(0).fullName, person(0).idNumber],
      [3, person(1).fullName, person(1).idNumber],
      [4, person(2).fullName, person(2).idNumber],
    ]);
  });

  it.each([
    ['CSV UTF-8 with a BOM, comma', utf8(csvText(PEOPLE, ','), true)],
    ['CSV UTF-8 without a BOM, comma', utf8(csvText(PEOPLE, ','))],
    ['CSV UTF-8 with semicolons (Vietnamese Excel)', utf8(csvText(PEOPLE, ';'), true)],
    ['CSV UTF-8 with tabs', utf8(csvText(PEOPLE, '\t'))],
    ['UTF-16 LE with a BOM, tabs (Excel "Unicode Text")', utf16(csvText(PEOPLE, '\t'), 'le')],
    ['UTF-16 BE with a BOM', utf16(csvText(PEOPLE, ';'), 'be')],
    ['xlsx with inline strings', rawXlsx(PEOPLE)],
    ['xlsx with shared strings before the sheet', rawXlsx(PEOPLE, { sharedStrings: true, order: 'strings-first' })],
  ])('%s', async (_, bytes) => {
    const r = await importFile(bytes);
    expect(r.errors).toEqual([]);
    expect(r.staff).toEqual(fromXlsx.staff);
  });

  it('CSV with quoted cells holding separators, quotes and line breaks', async () => {
    const p = { ...person(3), residenceAddress: 'Số 5, ngõ "Mẫu"\nphường Đức Giang' };
    const r = await importFile(utf8(csvText([HEADERS, personRow(p)], ';')));
    expect(r.errors).toEqual([]);
    expect(r.staff[0]?.residenceAddress).toBe('Số 5, ngõ "Mẫu" phường Đức Giang');
  });
});

describe('files that are refused as a whole (row 0, no staff)', () => {
  const refused = async (bytes: Uint8Array, code: string) => {
    const r = await importFile(bytes);
    expect(codes(r.errors)).toEqual([{ row: 0, field: null, code }]);
    expect(r).toMatchObject({ rows: 0, valid: 0, staff: [] });
    return r.errors[0]?.message ?? '';
  };

  it('an empty file', async () => {
    expect(await refused(new Uint8Array(0), 'empty_file')).toContain('rỗng');
  });

  it('CSV saved in Windows-1258 instead of UTF-8', async () => {
    const bytes = windows1258(csvText(PEOPLE, ','));
    expect(bytes.some((b) => b >= 0x80)).toBe(true);
    expect(await refused(bytes, 'encoding')).toContain('CSV UTF-8');
  });

  it('UTF-16 without a BOM', async () => {
    const withBom = utf16(csvText(PEOPLE, '\t'), 'le');
    expect(await refused(withBom.subarray(2), 'encoding')).toContain('UTF-8');
  });

  it('a PNG image named .xlsx', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    expect(await refused(png, 'not_a_spreadsheet')).toContain('ảnh PNG');
  });

  it('binary bytes of no known kind', async () => {
    const bytes = new Uint8Array(4096).map((_, i) => (i * 7919) % 256);
    await refused(bytes, 'not_a_spreadsheet');
  });

  it('a legacy .xls (OLE) workbook, with how to save it as .xlsx', async () => {
    const xls = new Uint8Array(2048);
    xls.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(await refused(xls, 'legacy_xls')).toContain('.xlsx');
  });

  it('an HTML table saved as .xls', async () => {
    expect(
      await refused(utf8('<html><body><table><tr><td>Họ và tên</td></tr></table>'), 'not_a_spreadsheet'),
    ).toContain('HTML');
  });

  it('a ZIP that is not a workbook', async () => {
    expect(await refused(zipOf([['word/document.xml', '<w:document/>']]), 'not_a_spreadsheet')).toContain('Word');
    expect(await refused(zipOf([['notes.txt', 'xin chào']]), 'not_a_spreadsheet')).toContain('zip');
  });

  it('a truncated workbook', async () => {
    const xlsx = await xlsxOf(PEOPLE);
    await refused(xlsx.subarray(0, Math.floor(xlsx.length / 2)), 'corrupt_file');
  });

  it('a file over 10 MB, before reading it', async () => {
    const big = utf8(`${HEADERS.join(',')}\n${'x'.repeat(10 * 1024 * 1024)}`);
    expect(await refused(big, 'file_too_large')).toContain('10 MB');
  });

  it('a workbook whose first sheet is empty', async () => {
    await refused(await xlsxOf([]), 'empty_file');
  });
});

describe('a header and no one', () => {
  it.each([
    ['xlsx', () => xlsxOf([HEADERS])],
    ['csv', async () => utf8(csvText([HEADERS]), true)],
  ])('%s: the error no_rows', async (_, make) => {
    const r = await importFile(await make());
    expect(codes(r.errors)).toEqual([{ row: 0, field: null, code: 'no_rows' }]);
    expect(r).toMatchObject({ rows: 0, valid: 0 });
  });
});

describe(`more than ${MAX_DATA_ROWS.toLocaleString('en')} people`, () => {
  // Only the required columns, short, so that 50,000 rows stay under the 10 MB limit.
  const required = STAFF_COLUMNS.filter((c) => c.required);
  const short = { residenceAddress: 'Số 1', routeFrom: 'Số 1', routeTo: 'Số 2' };
  const rows = [
    required.map((c) => c.header),
    ...Array.from({ length: 50_000 }, (_, i) => {
      const p = { ...person(i), ...short };
      return required.map((c) => p[c.key]);
    }),
  ];

  it.each([
    ['xlsx', () => rawXlsx(rows, { sharedStrings: true })],
    ['csv', () => utf8(csvText(rows, ','), true)],
  ])('%s of 50,000 rows: too_many_rows where the limit is crossed, nothing kept', async (_, make) => {
    const bytes = make();
    expect(bytes.length).toBeLessThan(10 * 1024 * 1024);
    const r = await importFile(bytes);
    expect(codes(r.errors)).toEqual([{ row: MAX_DATA_ROWS + 2, field: null, code: 'too_many_rows' }]);
    expect(r.errors[0]?.message).toContain('20.000');
    expect(r).toMatchObject({ rows: MAX_DATA_ROWS + 1, valid: 0, staff: [] });
  });

  it('empty rows do not count toward the limit', async () => {
    const sparse = [HEADERS, ...Array.from({ length: 30 }, (_, i) => (i % 3 === 0 ? personRow(person(i)) : []))];
    const r = await importFile(utf8(csvText(sparse)), { maxRows: 10 });
    expect(r.errors).toEqual([]);
    expect(r.rows).toBe(10);
  });
});

describe('cells of a workbook', () => {
  const rowWith = (values: Record<number, XlsxValue>): XlsxValue[] =>
    personRow(person(1)).map((v, i) => (i in values ? values[i] : v) as XlsxValue);

  it('a formula is an error on its cell, even with a cached result', async () => {
    const bytes = await xlsxOf([
      HEADERS,
      personRow(person(0)),
      rowWith({ 4: { formula: 'A3&"x"', result: 'Công nhân' } }),
    ]);
    const r = await importFile(bytes);
    expect(codes(r.errors)).toEqual([{ row: 3, field: 'position', code: 'formula' }]);
    expect(r.errors[0]?.message).toContain('Ô E3');
    expect(r.errors[0]?.message).toContain('A3&"x"');
  });

  it('a date cell for the date of birth', async () => {
    const bytes = await xlsxOf([HEADERS, rowWith({ 3: new Date(Date.UTC(1970, 0, 2)) })]);
    const r = await importFile(bytes);
    expect(r.errors).toEqual([]);
    expect(r.staff[0]?.dateOfBirth).toBe('1970-01-02');
  });

  it('time cells for the working hours', async () => {
    const bytes = await xlsxOf([HEADERS, rowWith({ 13: new Date(Date.UTC(1899, 11, 30, 7, 30)), 14: 0.75 })]);
    const r = await importFile(bytes);
    expect(r.errors).toEqual([]);
    expect(r.staff[0]?.schedule).toMatchObject({ start: '07:30', end: '18:00' });
  });

  it('a number where a date of birth should be', async () => {
    const r = await importFile(await xlsxOf([HEADERS, rowWith({ 3: 25570 })]));
    expect(codes(r.errors)).toEqual([{ row: 2, field: 'dateOfBirth', code: 'date_format' }]);
  });

  it('a CCCD typed in a number cell gets its leading zeros back, with one warning per column', async () => {
    const a = person(1);
    const b = person(2);
    const bytes = await xlsxOf([
      HEADERS,
      rowWith({ 2: Number(a.idNumber), 5: Number(a.phone), 7: 124, 11: 124 }),
      personRow(b).map((v, i) => (i === 2 ? Number(b.idNumber) : v)),
    ]);
    const r = await importFile(bytes);
    expect(r.errors).toEqual([]);
    expect(r.staff.map((s) => s.idNumber)).toEqual([a.idNumber, b.idNumber]);
    expect(r.staff[0]).toMatchObject({ phone: a.phone, residenceWard: '00124', routeWards: ['00124'] });
    expect(codes(r.warnings)).toEqual([
      { row: 2, field: 'idNumber', code: 'leading_zeros_restored' },
      { row: 2, field: 'phone', code: 'leading_zeros_restored' },
      { row: 2, field: 'residenceWard', code: 'leading_zeros_restored' },
      { row: 2, field: 'routeWards', code: 'leading_zeros_restored' },
    ]);
    expect(r.warnings[0]?.message).toMatch(/^2 ô ở cột Số giấy tờ/);
    expect(r.warnings[0]?.message).toContain('Văn bản (Text)');
  });

  it('a CMND in a number cell whose zeros cannot be told: id_number_format, format the column as Text', async () => {
    const r = await importFile(await xlsxOf([HEADERS, rowWith({ 1: 'CMND', 2: 12345678 })]));
    expect(codes(r.errors)).toEqual([{ row: 2, field: 'idNumber', code: 'id_number_format' }]);
    expect(r.errors[0]?.message).toContain('Văn bản (Text)');
  });

  it('a number cell shown with its zeros by a "000000000" format reads as shown', async () => {
    const bytes = await xlsxOf([HEADERS, rowWith({ 1: 'CMND', 2: 12345678 })], { numFmts: { C2: '000000000' } });
    const r = await importFile(bytes);
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.staff[0]?.idNumber).toBe('012345678');
  });

  it('an error value (#N/A) is an error on its cell', async () => {
    const r = await importFile(await xlsxOf([HEADERS, rowWith({ 8: { error: '#N/A' } })]));
    expect(codes(r.errors)).toEqual([{ row: 2, field: 'workplace', code: 'cell_error' }]);
  });

  it('rich text reads as its plain text', async () => {
    const rich = { richText: [{ text: 'Nguyễn ', font: { bold: true } }, { text: 'Văn Bình' }] };
    const r = await importFile(await xlsxOf([HEADERS, rowWith({ 0: rich })]));
    expect(r.staff[0]?.fullName).toBe('Nguyễn Văn Bình');
  });

  it('only the first sheet, in the workbook order, is read', async () => {
    const bytes = await xlsxOf([HEADERS, personRow(person(4))], {
      sheets: [{ name: 'Ghi chú', rows: [['không phải danh sách']] }],
    });
    const r = await importFile(bytes);
    expect(r.staff.map((s) => s.fullName)).toEqual([person(4).fullName]);
  });

  it('Vietnamese letters survive a large shared strings table (no U+FFFD at chunk boundaries)', async () => {
    const rows = [HEADERS, ...Array.from({ length: 3000 }, (_, i) => personRow(person(i)))];
    const r = await importFile(await xlsxOf(rows));
    expect(r.errors).toEqual([]);
    expect(r.staff.map((s) => s.residenceAddress)).toEqual(rows.slice(1).map((row) => row[6]));
    expect(r.staff.map((s) => s.fullName)).toEqual(rows.slice(1).map((row) => row[0]));
  });
});

describe('CSV injection', () => {
  it.each([
    ['=HYPERLINK("http://evil.example","Bấm")', 'position'],
    ['+SUM(1,2)', 'workplace'],
    ['-2+3+cmd|"/c calc"!A0', 'routeFrom'],
    ['@SUM(A1)', 'routeTo'],
  ] as const)('%s is a formula', async (text, field) => {
    const r = await importFile(utf8(csvText([HEADERS, personRow({ ...person(0), [field]: text })])));
    expect(codes(r.errors)).toEqual([{ row: 2, field, code: 'formula' }]);
  });

  it('a phone number starting with + is a number, not a formula', async () => {
    const r = await importFile(utf8(csvText([HEADERS, personRow({ ...person(0), phone: '+84 900 000 000' })])));
    expect(r.errors).toEqual([]);
  });
});
