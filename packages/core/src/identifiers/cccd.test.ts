import { describe, expect, it } from 'vitest';
import { validateCccd } from './cccd.js';
import { CCCD_PROVINCES } from './provinces.js';

describe('validateCccd', () => {
  it('reads province, gender and year of birth', () => {
    // Digit 4 is 1: a woman born in the 1900s (the reference permit's holder is Nguyễn Thị Quỳnh Anh).
    expect(validateCccd('001190012345')).toEqual({
      ok: true,
      value: {
        number: '001190012345',
        provinceCode: '001',
        provinceName: 'Hà Nội',
        gender: 'Nữ',
        century: 1900,
        birthYear2: '90',
      },
    });
    expect(validateCccd('079085001234')).toMatchObject({
      ok: true,
      value: { provinceName: 'Hồ Chí Minh', gender: 'Nam', century: 1900, birthYear2: '85' },
    });
    expect(validateCccd('096303000123')).toMatchObject({
      ok: true,
      value: { provinceName: 'Cà Mau', gender: 'Nữ', century: 2000, birthYear2: '03' },
    });
    expect(validateCccd('031205000123')).toMatchObject({ ok: true, value: { gender: 'Nam', century: 2000 } });
  });

  it('knows the 63 provinces', () => {
    expect(CCCD_PROVINCES.size).toBe(63);
    for (const code of CCCD_PROVINCES.keys()) expect(validateCccd(`${code}090012345`).ok).toBe(true);
  });

  it('accepts a matching date of birth and gender', () => {
    expect(validateCccd('001190012345', { dateOfBirth: '1990-01-01', gender: 'Nữ' }).ok).toBe(true);
    expect(validateCccd('001303000123', { dateOfBirth: '2003-12-31', gender: 'Nữ' }).ok).toBe(true);
  });

  it.each(['00119001234', '0011900123456', '00119001234a', '001 190 012345', '００１１９００１２３４５', ''])(
    'refuses the form %j',
    (text) => {
      expect(validateCccd(text)).toMatchObject({ ok: false, code: 'cccd_format' });
    },
  );

  it.each(['000190012345', '003190012345', '097190012345', '999190012345'])('refuses province code of %s', (text) => {
    expect(validateCccd(text)).toMatchObject({ ok: false, code: 'cccd_province' });
  });

  it.each(['001490012345', '001590012345', '001890012345', '001990012345'])(
    'refuses a century not yet begun in %s',
    (text) => {
      expect(validateCccd(text)).toMatchObject({ ok: false, code: 'cccd_century' });
    },
  );

  it('refuses a gender that digit 4 contradicts', () => {
    expect(validateCccd('001190012345', { gender: 'Nam' })).toMatchObject({ ok: false, code: 'cccd_century' });
    expect(validateCccd('001090012345', { gender: 'Nữ' })).toMatchObject({ ok: false, code: 'cccd_century' });
  });

  it('refuses a year or century of birth that the date of birth contradicts', () => {
    expect(validateCccd('001190012345', { dateOfBirth: '1991-01-01' })).toMatchObject({
      ok: false,
      code: 'cccd_birth_year',
      message: 'Số CCCD ghi năm sinh 1990, khác năm sinh 1991; kiểm tra lại số hoặc ngày sinh',
    });
    expect(validateCccd('001190012345', { dateOfBirth: '2090-01-01' })).toMatchObject({ code: 'cccd_birth_year' });
    expect(validateCccd('001303000123', { dateOfBirth: '1903-05-05' })).toMatchObject({ code: 'cccd_birth_year' });
  });

  it.each(['1990-02-30', '01/01/1990', '1990-1-1', ''])('refuses the date of birth %j', (dateOfBirth) => {
    expect(validateCccd('001190012345', { dateOfBirth })).toMatchObject({ ok: false, code: 'cccd_birth_year' });
  });
});
