import { describe, expect, it } from 'vitest';
import { csvText, HEADERS, person, personRow, utf8 } from '../../../test/support/staff-files.js';
import { columnLetter, fieldOfHeader, foldHeader, matchHeader, STAFF_COLUMNS, STAFF_FIELDS } from './columns.js';
import { importStaffFile } from './import-staff-file.js';

const TODAY = { today: '2021-08-15' };
const headersWithout = (...keys: string[]) => STAFF_COLUMNS.filter((c) => !keys.includes(c.key)).map((c) => c.header);

describe('the template columns', () => {
  it('are the fifteen of the staff list, required ones as documented', () => {
    expect(STAFF_COLUMNS.map((c) => c.key)).toEqual([...STAFF_FIELDS]);
    expect(STAFF_COLUMNS.filter((c) => c.required).map((c) => c.key)).toEqual([
      'fullName',
      'idType',
      'idNumber',
      'dateOfBirth',
      'residenceAddress',
      'routeFrom',
      'routeTo',
      'scheduleDays',
      'scheduleStart',
      'scheduleEnd',
    ]);
  });

  it('never share a header or an alias between two columns', () => {
    const seen = new Map<string, string>();
    for (const c of STAFF_COLUMNS) {
      for (const h of [c.header, ...c.aliases]) {
        const key = foldHeader(h);
        expect(seen.get(key) ?? c.key, `"${h}" folds to "${key}"`).toBe(c.key);
        seen.set(key, c.key);
      }
    }
  });

  it('name columns by letters as spreadsheets do', () => {
    expect([0, 25, 26, 27, 51, 52, 701, 702].map(columnLetter)).toEqual([
      'A',
      'Z',
      'AA',
      'AB',
      'AZ',
      'BA',
      'ZZ',
      'AAA',
    ]);
  });
});

describe('header matching', () => {
  it('finds every column of the template whatever their order', () => {
    const reversed = [...HEADERS].reverse();
    const m = matchHeader(reversed);
    expect(m.errors).toEqual([]);
    expect(m.warnings).toEqual([]);
    expect(m.columns.get('fullName')).toBe(HEADERS.length - 1);
    expect(m.columns.get('scheduleEnd')).toBe(0);
  });

  it.each([
    ['  HỌ   VÀ TÊN ', 'fullName'],
    ['ho va ten', 'fullName'],
    ['Họ tên', 'fullName'],
    ['Loai giay to', 'idType'],
    ['Số CCCD/CMND', 'idNumber'],
    ['NGÀY SINH (dd/mm/yyyy)', 'dateOfBirth'],
    ['Ngày, tháng, năm sinh', 'dateOfBirth'],
    ['SĐT', 'phone'],
    ['so dien thoai', 'phone'],
    ['Nơi ở hiện nay', 'residenceAddress'],
    ['Ma phuong/xa noi o', 'residenceWard'],
    ['Lo trinh: di tu', 'routeFrom'],
    ['Lộ trình - đến', 'routeTo'],
    ['Mã phường / xã trên lộ trình', 'routeWards'],
    ['Ngày làm việc *', 'scheduleDays'],
    ['giờ bắt đầu', 'scheduleStart'],
    ['Giờ  kết  thúc', 'scheduleEnd'],
  ])('reads %j as %s', (header, field) => {
    expect(fieldOfHeader(header)).toBe(field);
  });

  it('ignores an unknown column with a warning that names it and its letter', () => {
    const m = matchHeader([...HEADERS, 'Ghi chú']);
    expect(m.errors).toEqual([]);
    expect(m.warnings).toEqual([
      { code: 'unknown_column', field: null, message: expect.stringContaining('Cột P "Ghi chú"') },
    ]);
  });

  it('ignores an ordinal (STT) column without a warning', () => {
    const m = matchHeader(['STT', ...HEADERS]);
    expect(m.warnings).toEqual([]);
    expect(m.columns.get('fullName')).toBe(1);
  });

  it('lets optional columns be left out', () => {
    const m = matchHeader(headersWithout('position', 'phone', 'residenceWard', 'workplace', 'routeWards'));
    expect(m.errors).toEqual([]);
  });

  it('refuses a column given twice, naming both letters', () => {
    const m = matchHeader([...HEADERS, 'Ho va ten']);
    expect(m.errors).toEqual([
      { code: 'duplicate_column', field: 'fullName', message: expect.stringContaining('cột A và cột P') },
    ]);
  });
});

describe('a file whose header is not the template', () => {
  it('has one error per missing required column, on row 1, naming the column', async () => {
    const rows = [headersWithout('dateOfBirth', 'routeTo'), ['Nguyễn Văn An']];
    const r = await importStaffFile(utf8(csvText(rows)), TODAY);
    expect(r.errors.map(({ row, field, code }) => ({ row, field, code }))).toEqual([
      { row: 1, field: 'dateOfBirth', code: 'missing_column' },
      { row: 1, field: 'routeTo', code: 'missing_column' },
    ]);
    expect(r.errors[0]?.message).toContain('"Ngày sinh"');
    expect(r).toMatchObject({ rows: 0, valid: 0, staff: [] });
  });

  it('says where the header is when a title sits above it', async () => {
    const rows = [['DANH SÁCH NGƯỜI LAO ĐỘNG CẦN ĐI LẠI'], [], HEADERS, personRow(person(1))];
    const r = await importStaffFile(utf8(csvText(rows)), TODAY);
    const where = r.errors.filter((e) => e.code === 'header_not_first_row');
    expect(where).toEqual([{ row: 3, field: null, code: 'header_not_first_row', message: expect.any(String) }]);
    expect(where[0]?.message).toContain('xóa 2 dòng');
    const others = r.errors.filter((e) => e.code !== 'header_not_first_row');
    expect(others.length).toBe(10);
    expect(others.every((e) => e.code === 'missing_column' && e.row === 1)).toBe(true);
  });

  it('reads the list whatever the order of its columns, unknown columns aside', async () => {
    const order = [...STAFF_COLUMNS].reverse();
    const rows = [
      ['STT', ...order.map((c) => c.header), 'Ghi chú'],
      ['1', ...order.map((c) => person(7)[c.key]), 'đi làm ca sáng'],
    ];
    const r = await importStaffFile(utf8(csvText(rows, ';')), TODAY);
    expect(r.errors).toEqual([]);
    expect(r.warnings.map((w) => [w.row, w.code])).toEqual([[1, 'unknown_column']]);
    expect(r.staff[0]?.fullName).toBe(person(7).fullName);
  });
});
