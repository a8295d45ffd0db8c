import { describe, expect, it, vi } from 'vitest';
import { csvText, HEADERS, type Person, person, personRow, utf8 } from '../../../test/support/staff-files.js';
import type { StaffField } from './columns.js';
import { importStaffFile, type StaffImportOptions } from './import-staff-file.js';
import { validateStaffRows } from './validate-rows.js';

const TODAY = '2021-08-15';

/** A CSV list: row 2 is person 0, then the given people (row 3 …). */
function list(...people: Person[]): Uint8Array {
  return utf8(csvText([HEADERS, personRow(person(0)), ...people.map(personRow)]), true);
}

const importList = (bytes: Uint8Array, opts: StaffImportOptions = {}) =>
  importStaffFile(bytes, { today: TODAY, ...opts });
const where = (ps: { row: number; field: StaffField | null; code: string }[]) =>
  ps.map(({ row, field, code }) => ({ row, field, code }));

describe('each row is validated: one error per problem, at its row and column', () => {
  const cases: [string, Partial<Person>, StaffField, string][] = [
    ['a missing name', { fullName: '' }, 'fullName', 'required'],
    ['HTML in the name', { fullName: 'Nguyễn <script>alert(1)</script>' }, 'fullName', 'invalid_characters'],
    ['digits in the name', { fullName: 'Nguyễn Văn 2' }, 'fullName', 'invalid_characters'],
    ['a name over 64 characters', { fullName: 'Nguyễn '.repeat(10).trim() }, 'fullName', 'too_long'],
    ['a missing document type', { idType: '' }, 'idType', 'required'],
    ['an unknown document type', { idType: 'Bằng lái xe' }, 'idType', 'id_type'],
    ['a missing number', { idNumber: '' }, 'idNumber', 'required'],
    ['a CCCD that is not 12 digits', { idNumber: '12345' }, 'idNumber', 'cccd_format'],
    ['a CCCD of no province', { idNumber: '999070000001' }, 'idNumber', 'cccd_province'],
    ['a CCCD of another birth year', { idNumber: '001085000001' }, 'idNumber', 'cccd_birth_year'],
    ['a CCCD that lost its leading zeros', { idNumber: '1070000001' }, 'idNumber', 'id_number_format'],
    ['a number in exponent form', { idNumber: '1.07E+09' }, 'idNumber', 'id_number_format'],
    ['a CMND of 4 digits', { idType: 'CMND', idNumber: '1234' }, 'idNumber', 'cmnd_format'],
    ['a passport too short', { idType: 'Hộ chiếu', idNumber: 'C12' }, 'idNumber', 'passport_format'],
    ['a missing date of birth', { dateOfBirth: '' }, 'dateOfBirth', 'required'],
    ['a two-digit year', { dateOfBirth: '02/01/70' }, 'dateOfBirth', 'date_format'],
    ['a date that does not exist', { dateOfBirth: '31/02/1970' }, 'dateOfBirth', 'date_invalid'],
    ['a birth in the future', { dateOfBirth: '02/01/2030' }, 'dateOfBirth', 'date_range'],
    ['a position over 40 characters', { position: 'Trưởng ca '.repeat(5) }, 'position', 'too_long'],
    ['HTML in the position', { position: '<b>Quản lý</b>' }, 'position', 'invalid_characters'],
    ['a formula in the position', { position: '=HYPERLINK("http://x","bấm")' }, 'position', 'formula'],
    ['a landline', { phone: '0243 123 4567' }, 'phone', 'phone_prefix'],
    ['a short phone', { phone: '12345' }, 'phone', 'phone_format'],
    ['a missing residence', { residenceAddress: '' }, 'residenceAddress', 'required'],
    ['a dash for the residence', { residenceAddress: '-' }, 'residenceAddress', 'required'],
    [
      'HTML in the residence',
      { residenceAddress: '<img src=x onerror=alert(1)>' },
      'residenceAddress',
      'invalid_characters',
    ],
    ['a control character', { residenceAddress: 'Số 1\u0007 phố Mẫu' }, 'residenceAddress', 'invalid_characters'],
    [
      'a residence over 120 characters',
      { residenceAddress: 'Số 1 phố Mẫu '.repeat(10) },
      'residenceAddress',
      'too_long',
    ],
    ['a ward code of 3 digits', { residenceWard: '124' }, 'residenceWard', 'ward_code'],
    ['two residence wards', { residenceWard: '00124 00127' }, 'residenceWard', 'ward_code'],
    ['a workplace over 120 characters', { workplace: 'Công ty '.repeat(16) }, 'workplace', 'too_long'],
    ['a missing start of route', { routeFrom: '' }, 'routeFrom', 'required'],
    ['a start of route over 80 characters', { routeFrom: 'Ngõ 1 phố Mẫu '.repeat(6) }, 'routeFrom', 'too_long'],
    ['a formula in the route', { routeTo: '@SUM(1)' }, 'routeTo', 'formula'],
    ['a bad route ward', { routeWards: '00124, 1' }, 'routeWards', 'ward_code'],
    [
      'too many route wards',
      { routeWards: Array.from({ length: 21 }, (_, i) => String(100 + i).padStart(5, '0')).join(',') },
      'routeWards',
      'too_many_wards',
    ],
    ['unknown working days', { scheduleDays: 'T9' }, 'scheduleDays', 'schedule_days'],
    ['missing working days', { scheduleDays: '' }, 'scheduleDays', 'required'],
    ['a start time of 25:00', { scheduleStart: '25:00' }, 'scheduleStart', 'time_format'],
    ['a missing end time', { scheduleEnd: '' }, 'scheduleEnd', 'required'],
    ['an end before the start', { scheduleStart: '07:30', scheduleEnd: '07:00' }, 'scheduleEnd', 'time_order'],
  ];

  it.each(cases)('%s', async (_, change, field, code) => {
    const r = await importList(list({ ...person(1), ...change }));
    expect(where(r.errors)).toEqual([{ row: 3, field, code }]);
    expect(r.errors[0]?.message).toMatch(/\p{L}/u);
    expect(r).toMatchObject({ rows: 2, valid: 1 });
    expect(r.staff.map((s) => s.row)).toEqual([2]);
  });

  it('mentions the cell of a formula', async () => {
    const r = await importList(list({ ...person(1), position: '=1+1' }));
    expect(r.errors[0]?.message).toContain('Ô E3');
  });

  it('checks ward codes against the list of wards when given one', async () => {
    const r = await importList(list({ ...person(1), routeWards: '00124, 99999' }), {
      wardExists: (code) => code !== '99999',
    });
    expect(where(r.errors)).toEqual([{ row: 3, field: 'routeWards', code: 'ward_unknown' }]);
    expect(r.errors[0]?.message).toContain('99999');
  });

  it('reports every problem of a row, in column order', async () => {
    const r = await importList(list({ ...person(1), fullName: '', dateOfBirth: 'hôm qua', scheduleEnd: '' }));
    expect(where(r.errors)).toEqual([
      { row: 3, field: 'fullName', code: 'required' },
      { row: 3, field: 'dateOfBirth', code: 'date_format' },
      { row: 3, field: 'scheduleEnd', code: 'required' },
    ]);
  });
});

describe('the normalised staff entry', () => {
  it('is NFC, with the number, phone, date, schedule and wards in stored form', async () => {
    const typed: Person = {
      ...person(1),
      fullName: '  trần   văn AN '.normalize('NFD'),
      idType: 'cccd',
      idNumber: '001 070 000 001',
      dateOfBirth: '2/1/1970',
      position: '',
      phone: '+84 900 000 001',
      residenceWard: '',
      workplace: '-',
      routeWards: '00124;00127 00124',
      scheduleDays: 'Thứ Hai - Thứ Sáu',
      scheduleStart: '7h30',
      scheduleEnd: '5:00 CH',
    };
    const r = await importList(list(typed));
    expect(r.errors).toEqual([]);
    expect(r.staff[1]).toEqual({
      row: 3,
      fullName: 'trần văn AN',
      idType: 'CCCD',
      idNumber: '001070000001',
      dateOfBirth: '1970-01-02',
      position: null,
      phone: '0900000001',
      residenceAddress: typed.residenceAddress,
      residenceWard: null,
      workplace: null,
      routeFrom: typed.routeFrom,
      routeTo: typed.routeTo,
      routeWards: ['00124', '00127'],
      schedule: { days: [1, 2, 3, 4, 5], start: '07:30', end: '17:00' },
    });
  });

  it('does not share arrays between entries', async () => {
    const r = await importList(list(person(1)));
    expect(r.staff[0]?.routeWards).not.toBe(r.staff[1]?.routeWards);
    expect(r.staff[0]?.schedule.days).not.toBe(r.staff[1]?.schedule.days);
  });
});

describe('rows across the file', () => {
  it('skips empty rows without counting them, keeping spreadsheet row numbers', async () => {
    const text = csvText([HEADERS, personRow(person(0)), [], ['', '', ''], personRow({ ...person(1), idType: '?' })]);
    const r = await importList(utf8(text));
    expect(r.rows).toBe(2);
    expect(where(r.errors)).toEqual([{ row: 5, field: 'idType', code: 'id_type' }]);
  });

  it('refuses a second row with the same document number, naming the first', async () => {
    const r = await importList(list(person(1), { ...person(2), idNumber: person(0).idNumber }));
    expect(where(r.errors)).toEqual([{ row: 4, field: 'idNumber', code: 'duplicate' }]);
    expect(r.errors[0]?.message).toContain('dòng 2');
  });

  it('refuses a second row with the same name and date of birth, naming the first', async () => {
    const twin = { ...person(1), idType: 'CMND', idNumber: '012345678' };
    const r = await importList(list(person(1), twin));
    expect(where(r.errors)).toEqual([{ row: 4, field: 'fullName', code: 'duplicate' }]);
    expect(r.errors[0]?.message).toContain('dòng 3');
  });

  it('compares numbers in their normalised form', async () => {
    const r = await importList(list({ ...person(1), idNumber: '001.070.000.000' }));
    expect(where(r.errors)).toEqual([{ row: 3, field: 'idNumber', code: 'duplicate' }]);
  });

  it('keeps the valid rows apart from the rows with errors', async () => {
    const r = await importList(list({ ...person(1), dateOfBirth: '' }, person(2)));
    expect(r).toMatchObject({ rows: 3, valid: 2 });
    expect(r.staff.map((s) => s.row)).toEqual([2, 4]);
  });
});

describe('warnings', () => {
  it('a person registered by another approved business, through the lookup', async () => {
    const lookup = vi.fn(async (numbers: string[]) => {
      return new Map(
        numbers.filter((n) => n === person(1).idNumber).map((n) => [n, { businessName: 'Công ty TNHH Mẫu Hai' }]),
      );
    });
    const r = await importList(list(person(1), person(2)), { alreadyRegistered: lookup });
    expect(lookup).toHaveBeenCalledTimes(1);
    expect(lookup.mock.calls[0]?.[0]).toEqual([person(0).idNumber, person(1).idNumber, person(2).idNumber]);
    expect(r.errors).toEqual([]);
    expect(where(r.warnings)).toEqual([{ row: 3, field: 'idNumber', code: 'registered_elsewhere' }]);
    expect(r.warnings[0]?.message).toContain('Công ty TNHH Mẫu Hai');
    expect(r.valid).toBe(3);
  });

  it('a passport not in the Vietnamese form, taken as a foreign passport', async () => {
    const r = await importList(list({ ...person(1), idType: 'Hộ chiếu', idNumber: 'x12345678' }));
    expect(r.errors).toEqual([]);
    expect(where(r.warnings)).toEqual([{ row: 3, field: 'idNumber', code: 'passport_foreign' }]);
    expect(r.staff[1]?.idNumber).toBe('X12345678');
  });

  it('an age under 15', async () => {
    const r = await importList(
      list({ ...person(1), idType: 'CMND', idNumber: '012345678', dateOfBirth: '01/01/2010' }),
    );
    expect(r.errors).toEqual([]);
    expect(where(r.warnings)).toEqual([{ row: 3, field: 'dateOfBirth', code: 'age_unusual' }]);
  });

  it('people without route wards, once for the file with their count', async () => {
    const r = await importList(list({ ...person(1), routeWards: '' }, { ...person(2), routeWards: '' }));
    expect(where(r.warnings)).toEqual([{ row: 3, field: 'routeWards', code: 'route_wards_missing' }]);
    expect(r.warnings[0]?.message).toMatch(/^2 người/);
  });
});

describe('validateStaffRows', () => {
  it('validates records handed over directly', async () => {
    const r = await validateStaffRows(
      [
        {
          row: 7,
          cells: {
            fullName: { kind: 'text', text: 'Lê Thị Hoa', address: 'A7' },
            dateOfBirth: { kind: 'date', date: '1991-04-30', time: '00:00', address: 'D7' },
          },
        },
      ],
      { today: TODAY },
    );
    expect(r.rows).toBe(1);
    expect(where(r.errors).map((e) => e.field)).toEqual([
      'idType',
      'idNumber',
      'residenceAddress',
      'routeFrom',
      'routeTo',
      'scheduleDays',
      'scheduleStart',
      'scheduleEnd',
    ]);
  });
});
