import { describe, expect, it } from 'vitest';
import { validateMobile } from './mobile.js';

describe('validateMobile', () => {
  it.each([
    '0912 345 678',
    '0912.345.678',
    '0912-345-678',
    '+84912345678',
    '84912345678',
    '+84 912 345 678',
    '(+84) 912 345 678',
    '+84 (0) 912 345 678',
    '0084912345678',
  ])('reads %j', (text) => {
    expect(validateMobile(text)).toEqual({ ok: true, value: { national: '0912345678', e164: '+84912345678' } });
  });

  it.each([
    '0321234567',
    '0388888888',
    '0521234567',
    '0551234567',
    '0591234567',
    '0701234567',
    '0791234567',
    '0812345678',
    '0871234567',
    '0891234567',
    '0991234567',
  ])('accepts the mobile code of %s', (text) => {
    expect(validateMobile(text).ok).toBe(true);
  });

  it('points an old 11-digit number to its new one', () => {
    expect(validateMobile('0168 345 6789')).toEqual({
      ok: false,
      code: 'phone_prefix',
      message: 'Số 11 chữ số đầu 01 đã chuyển sang 10 chữ số từ năm 2018; nhập số mới: 0383456789',
    });
    expect(validateMobile('+84 1234 567 890')).toMatchObject({
      code: 'phone_prefix',
      message: expect.stringContaining('0834567890'),
    });
    expect(validateMobile('01301234567')).toMatchObject({
      code: 'phone_prefix',
      message: expect.stringContaining('2018'),
    });
  });

  it.each([
    '024 3826 1234',
    '02838221234',
    '0311234567',
    '0501234567',
    '0711234567',
    '0801234567',
    '0612345678',
    '0412345678',
  ])('refuses %j as not a mobile code', (text) => {
    expect(validateMobile(text)).toMatchObject({ ok: false, code: 'phone_prefix' });
  });

  it.each([
    '',
    '912345678',
    '091234567',
    '09123456789',
    '0912 345 67a',
    '+1 202 555 0100',
    '+84912345',
    '0912/345/678',
  ])('refuses the form %j', (text) => {
    expect(validateMobile(text)).toMatchObject({ ok: false, code: 'phone_format' });
  });
});
