import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cleanText,
  looksLikeFormula,
  parseDateText,
  parseDays,
  parseTimeText,
  parseWardCodes,
  timeFromNumber,
} from './values.js';

const value = <T>(r: { ok: true; value: T } | { ok: false; code: string }) => (r.ok ? r.value : `!${r.code}`);

describe('dates of birth as people type them', () => {
  it.each([
    ['15/03/1990', '1990-03-15'],
    ['5/9/1990', '1990-09-05'],
    ['05-09-1990', '1990-09-05'],
    ['05.09.1990', '1990-09-05'],
    [' 05 / 09 / 1990 ', '1990-09-05'],
    ['1990-09-05', '1990-09-05'],
    ['29/02/2000', '2000-02-29'],
  ])('reads %j as %s', (text, iso) => {
    expect(value(parseDateText(text))).toBe(iso);
  });

  it.each([
    ['31/02/1990', '!date_invalid'],
    ['29/02/1900', '!date_invalid'],
    ['15/13/1990', '!date_invalid'],
    ['15/03/90', '!date_format'],
    ['1990', '!date_format'],
    ['15 tháng 3 năm 1990', '!date_format'],
  ])('refuses %j (%s)', (text, code) => {
    expect(value(parseDateText(text))).toBe(code);
  });

  it('asks for four-digit years in words', () => {
    const r = parseDateText('15/03/90');
    expect(r.ok ? '' : r.message).toContain('năm đủ 4 chữ số');
  });
});

describe('times of day', () => {
  it.each([
    ['07:30', '07:30'],
    ['7:30', '07:30'],
    ['7h30', '07:30'],
    ['7h', '07:00'],
    ['7g30', '07:30'],
    ['7 giờ 30', '07:30'],
    ['7 giờ 30 phút', '07:30'],
    ['17.30', '17:30'],
    ['07:30:00', '07:30'],
    ['5:30 CH', '17:30'],
    ['5:30 PM', '17:30'],
    ['12:00 SA', '00:00'],
    ['24:00', '24:00'],
    ['0:00', '00:00'],
  ])('reads %j as %s', (text, hhmm) => {
    expect(value(parseTimeText(text))).toBe(hhmm);
  });

  it.each(['25:00', '24:30', '7:5', '7:60', 'sáng', '7:30:15', '13:00 CH', ''])('refuses %j', (text) => {
    expect(value(parseTimeText(text))).toBe('!time_format');
  });

  it('reads number cells as a fraction of a day or a whole hour', () => {
    expect(value(timeFromNumber(0.3125))).toBe('07:30');
    expect(value(timeFromNumber(17))).toBe('17:00');
    expect(value(timeFromNumber(730))).toBe('!time_format');
  });
});

describe('working days in Vietnamese', () => {
  it.each([
    ['T2-T7', [1, 2, 3, 4, 5, 6]],
    ['T2,T4,T6', [1, 3, 5]],
    ['T2, T4, T6', [1, 3, 5]],
    ['T2 T4 T6', [1, 3, 5]],
    ['Thứ Hai - Thứ Sáu', [1, 2, 3, 4, 5]],
    ['thu hai - thu sau', [1, 2, 3, 4, 5]],
    ['THỨ 2 – THỨ 6', [1, 2, 3, 4, 5]],
    ['Từ thứ Hai đến thứ Bảy', [1, 2, 3, 4, 5, 6]],
    ['Thứ 2, Thứ 4 và Chủ nhật', [1, 3, 7]],
    ['Thứ Tư; Thứ Năm', [3, 4]],
    ['CN', [7]],
    ['Chủ Nhật', [7]],
    ['T2-CN', [1, 2, 3, 4, 5, 6, 7]],
    ['T7-T2', [1, 6, 7]],
    ['T2-6', [1, 2, 3, 4, 5]],
    ['Hằng ngày', [1, 2, 3, 4, 5, 6, 7]],
    ['Hàng ngày', [1, 2, 3, 4, 5, 6, 7]],
    ['hang ngay', [1, 2, 3, 4, 5, 6, 7]],
    ['Cả tuần', [1, 2, 3, 4, 5, 6, 7]],
    ['T2,T2,T3', [1, 2]],
  ])('reads %j', (text, days) => {
    expect(value(parseDays(text))).toEqual(days);
  });

  it.each(['T8', 'Thứ Tám', 'T2-', '-T6', 'sáng thứ Hai', 'Monday', '', '2021-08-15'])('refuses %j', (text) => {
    expect(value(parseDays(text))).toBe('!schedule_days');
  });

  it('reads back any set of days written as a list of T2 … CN', () => {
    const name = (d: number) => (d === 7 ? 'CN' : `T${d + 1}`);
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1 }),
        fc.constantFrom(',', ', ', ';', ' ', ' và '),
        (days, sep) => {
          expect(value(parseDays(days.map(name).join(sep)))).toEqual([...days].sort((a, b) => a - b));
        },
      ),
    );
  });
});

describe('ward codes', () => {
  it('splits on commas, semicolons and spaces and drops repeats', () => {
    expect(value(parseWardCodes('00124, 00127;00130  00124'))).toEqual(['00124', '00127', '00130']);
  });

  it('refuses codes that are not five digits and names them', () => {
    const r = parseWardCodes('00124, 124, 0012a');
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.message).toContain('124, 0012a');
  });
});

describe('text', () => {
  it('is NFC with white space collapsed and invisible characters dropped', () => {
    const nfd = 'Nguyễn  Văn\tAn\u200B\n'.normalize('NFD');
    expect(cleanText(nfd)).toBe('Nguyễn Văn An');
    expect(cleanText(nfd)).toBe(cleanText(nfd).normalize('NFC'));
  });

  it.each([
    ['=1+1', true],
    ['=HYPERLINK("http://x","y")', true],
    ['@SUM(A1)', true],
    ['+cmd|"/c calc"!A0', true],
    ['-2+3+cmd|"/c calc"!A0', true],
    ['- Thôn 3', true],
    ['  =1+1', true],
    ['+84 912 345 678', false],
    ['+84 (0) 912 345 678', false],
    ['-5', false],
    ['Nguyễn Văn An', false],
    ['a=b', false],
  ])('%j looks like a formula: %s', (text, expected) => {
    expect(looksLikeFormula(text)).toBe(expected);
  });
});
