import { describe, expect, it } from 'vitest';
import {
  csvText,
  HEADERS,
  person,
  personRow,
  rawXlsx,
  utf8,
  xlsxOf,
  zipOf,
} from '../../../test/support/staff-files.js';
import type { SheetRow } from './cells.js';
import { importStaffFile } from './import-staff-file.js';
import { decodeCsvText, detectDelimiter, readCsvRows } from './read-csv.js';
import { readXlsxRows } from './read-xlsx.js';
import { inflateEntry, readZipDirectory, ZipLimitError } from './zip.js';

const ROWS = [HEADERS, ...Array.from({ length: 500 }, (_, i) => personRow(person(i)))];

describe('reading stops as soon as the caller has enough', () => {
  it('xlsx: no row after the one the sink refuses', async () => {
    const seen: number[] = [];
    await readXlsxRows(await xlsxOf(ROWS), (r) => {
      seen.push(r.row);
      return r.row < 100;
    });
    expect(seen.length).toBe(100);
    expect(seen.at(-1)).toBe(100);
  });

  it('csv: no row after the one the sink refuses', () => {
    const seen: number[] = [];
    readCsvRows(csvText(ROWS), (r) => {
      seen.push(r.row);
      return r.row < 100;
    });
    expect(seen.length).toBe(100);
  });
});

describe('xlsx rows', () => {
  it('carry spreadsheet row numbers and cell addresses, and skip empty rows', async () => {
    const rows: SheetRow[] = [];
    await readXlsxRows(await xlsxOf([['a', 'b'], [], [undefined, 'c']]), (r) => rows.push(r) > 0);
    expect(rows).toEqual([
      {
        row: 1,
        cells: [
          { kind: 'text', text: 'a', address: 'A1' },
          { kind: 'text', text: 'b', address: 'B1' },
        ],
      },
      { row: 3, cells: [undefined, { kind: 'text', text: 'c', address: 'B3' }] },
    ]);
  });

  it('whose cells lack their addresses (r="…") are refused as corrupt: re-saving in Excel adds them', async () => {
    const r = await importStaffFile(rawXlsx(ROWS.slice(0, 3), { omitRowNumbers: true }));
    expect(r.errors.map((e) => e.code)).toEqual(['corrupt_file']);
  });
});

describe('csv text', () => {
  it('drops a UTF-8 BOM and decodes UTF-16 by its BOM', () => {
    expect(decodeCsvText(utf8('Họ và tên', true))).toBe('Họ và tên');
    expect(decodeCsvText(new Uint8Array([0xff, 0xfe, 0x48, 0x00, 0xcd, 0x1e]))).toBe('Họ');
    expect(decodeCsvText(new Uint8Array([0xfe, 0xff, 0x00, 0x48, 0x1e, 0xcd]))).toBe('Họ');
  });

  it('refuses bytes that are not UTF-8', () => {
    expect(() => decodeCsvText(new Uint8Array([0x48, 0xe0, 0x20]))).toThrow(/CSV UTF-8/);
  });

  it.each([
    ['Họ và tên,Loại giấy tờ;x\n', ','],
    ['Họ và tên;Loại giấy tờ;Số giấy tờ\n1,2,3,4,5', ';'],
    ['Họ và tên\tLoại giấy tờ\tSố giấy tờ', '\t'],
    ['"Lộ trình: đi từ; đến";Ngày sinh\n', ';'],
    ['"a;b;c",d\n', ','],
  ])('takes the delimiter of the header line of %j', (text, delimiter) => {
    expect(detectDelimiter(text)).toBe(delimiter);
  });

  it('numbers rows as a spreadsheet shows them: a quoted line break stays in its row', () => {
    const rows: number[] = [];
    readCsvRows('a,b\r\n"x\r\ny",z\r\n\r\nq,r\r\n', (r) => rows.push(r.row) > 0);
    expect(rows).toEqual([1, 2, 4]);
  });

  it('reports an unclosed quote as a corrupt file', async () => {
    const r = await importStaffFile(utf8(`${HEADERS.join(',')}\n"Nguyễn Văn An,CCCD\n`));
    expect(r.errors.map((e) => e.code)).toEqual(['corrupt_file']);
    expect(r.errors[0]?.message).toContain('ngoặc kép');
  });
});

describe('zip', () => {
  it('stops inflating an entry at its ceiling (a small file that inflates to a huge one)', async () => {
    const bomb = zipOf([['xl/worksheets/sheet1.xml', new Uint8Array(5_000_000)]]);
    expect(bomb.length).toBeLessThan(10_000);
    const entry = readZipDirectory(bomb).get('xl/worksheets/sheet1.xml');
    expect(entry).toBeDefined();
    const read = async () => {
      for await (const _ of inflateEntry(bomb, entry!, 1_000_000));
    };
    await expect(read()).rejects.toBeInstanceOf(ZipLimitError);
  });

  it('lists the entries of the central directory and refuses an archive cut short', () => {
    const z = zipOf([
      ['a.xml', '<a/>'],
      ['b.xml', '<b/>'],
    ]);
    expect([...readZipDirectory(z).keys()]).toEqual(['a.xml', 'b.xml']);
    expect(() => readZipDirectory(z.subarray(0, z.length - 30))).toThrow();
  });
});
