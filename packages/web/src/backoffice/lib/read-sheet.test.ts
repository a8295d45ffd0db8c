import { describe, expect, it } from 'vitest';
import { readCsvGrid } from './read-sheet.js';
import { fieldOfHeader } from './staff-columns.js';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('reading a staff list back for the fix-a-row form', () => {
  it('reads CSV with a BOM, quotes, doubled quotes and semicolons', () => {
    expect(readCsvGrid(bytes('\uFEFFHọ và tên;Nơi ở\r\n"Lê Thị Thu";"Số 9, ngõ 2 ""A"""\r\n'))).toEqual([
      ['Họ và tên', 'Nơi ở'],
      ['Lê Thị Thu', 'Số 9, ngõ 2 "A"'],
    ]);
  });

  it('matches headers as people write them: case, diacritics and notes in brackets do not matter', () => {
    expect(fieldOfHeader('Ngày sinh (dd/mm/yyyy)')).toBe('dateOfBirth');
    expect(fieldOfHeader('HO TEN')).toBe('fullName');
    expect(fieldOfHeader('Lộ trình: đi từ')).toBe('routeFrom');
    expect(fieldOfHeader('STT')).toBeNull();
  });
});
