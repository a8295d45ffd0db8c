import { describe, expect, it } from 'vitest';
import { fieldOfHeader, STAFF_FIELDS, STAFF_HEADERS } from './staff-list-headers.js';

describe('staff list headers', () => {
  it('recognise every template header and alias, whatever the case, accents and notes in brackets', () => {
    for (const field of STAFF_FIELDS) {
      const { header, aliases } = STAFF_HEADERS[field];
      for (const h of [header, ...aliases]) expect(fieldOfHeader(h)).toBe(field);
    }
    expect(fieldOfHeader('HO VA TEN')).toBe('fullName');
    expect(fieldOfHeader('Ngày sinh (dd/mm/yyyy)')).toBe('dateOfBirth');
    expect(fieldOfHeader('lo trinh - di tu')).toBe('routeFrom');
  });

  it('take an ordinal column for one to ignore, and an unknown header for none', () => {
    expect(fieldOfHeader('STT')).toBe('ignore');
    expect(fieldOfHeader('Số thứ tự')).toBe('ignore');
    expect(fieldOfHeader('Ghi chú')).toBeNull();
    expect(fieldOfHeader('   ')).toBeNull();
  });
});
