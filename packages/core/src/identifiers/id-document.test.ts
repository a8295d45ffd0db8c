import { describe, expect, it } from 'vitest';
import { validateCmnd } from './cmnd.js';
import { validateIdDocument } from './id-document.js';
import { validatePassport } from './passport.js';

describe('validateCmnd', () => {
  it('accepts the 9- and 12-digit cards', () => {
    expect(validateCmnd('012345678')).toEqual({ ok: true, value: '012345678' });
    expect(validateCmnd('001090012345')).toEqual({ ok: true, value: '001090012345' });
  });

  it.each(['01234567', '0123456789', '01234567890', '0123456789012', '01234567X', ' 012345678', ''])(
    'refuses %j',
    (text) => {
      expect(validateCmnd(text)).toMatchObject({ ok: false, code: 'cmnd_format' });
    },
  );
});

describe('validatePassport', () => {
  it.each(['C1234567', 'B1234567', 'N1234567', ' c1234567 ', 'AB1234567'])(
    'accepts the Vietnamese passport %j',
    (text) => {
      expect(validatePassport(text)).toEqual({ ok: true, value: text.trim().toUpperCase() });
    },
  );

  it.each(['1234567', 'C123456', 'C12345678', 'ABC1234567', 'C 1234567', 'C123456A', 'Ç1234567'])(
    'refuses the Vietnamese passport %j',
    (text) => {
      expect(validatePassport(text)).toMatchObject({ ok: false, code: 'passport_format' });
    },
  );

  it.each(['X12345678', '123456789', 'pa1234567', 'M12345', 'AB12C3456789'])(
    'accepts the foreign passport %j',
    (text) => {
      expect(validatePassport(text, { foreign: true })).toEqual({ ok: true, value: text.toUpperCase() });
    },
  );

  it.each(['A1234', 'AB12C34567890', 'X-1234567', 'X 1234567', ''])('refuses the foreign passport %j', (text) => {
    expect(validatePassport(text, { foreign: true })).toMatchObject({ ok: false, code: 'passport_format' });
  });
});

describe('validateIdDocument', () => {
  it('returns card numbers without the separators people type', () => {
    expect(validateIdDocument('CCCD', ' 001 190 012.345 ')).toEqual({ ok: true, value: '001190012345' });
    expect(validateIdDocument('CCCD', '001-190-012-345')).toEqual({ ok: true, value: '001190012345' });
    expect(validateIdDocument('CMND', '012.345.678')).toEqual({ ok: true, value: '012345678' });
  });

  it('checks a CCCD against the date of birth', () => {
    expect(validateIdDocument('CCCD', '001190012345', { dateOfBirth: '1990-06-15' }).ok).toBe(true);
    expect(validateIdDocument('CCCD', '001190012345', { dateOfBirth: '1989-06-15' })).toMatchObject({
      code: 'cccd_birth_year',
    });
  });

  it('passes on the errors of each document', () => {
    expect(validateIdDocument('CCCD', '00119001234')).toMatchObject({ ok: false, code: 'cccd_format' });
    expect(validateIdDocument('CCCD', '099190012345')).toMatchObject({ ok: false, code: 'cccd_province' });
    expect(validateIdDocument('CCCD', '001690012345')).toMatchObject({ ok: false, code: 'cccd_century' });
    expect(validateIdDocument('CMND', '0123456')).toMatchObject({ ok: false, code: 'cmnd_format' });
    expect(validateIdDocument('PASSPORT', 'C12345')).toMatchObject({ ok: false, code: 'passport_format' });
  });

  it('returns passports upper-case without spaces, foreign ones by the format rule', () => {
    expect(validateIdDocument('PASSPORT', 'c 123 4567')).toEqual({ ok: true, value: 'C1234567' });
    expect(validateIdDocument('PASSPORT', 'x1234567z')).toMatchObject({ ok: false, code: 'passport_format' });
    expect(validateIdDocument('PASSPORT', 'x1234567z', { foreign: true })).toEqual({ ok: true, value: 'X1234567Z' });
  });
});
