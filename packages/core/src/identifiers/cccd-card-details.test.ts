import { describe, expect, it } from 'vitest';
import { parseCccdCardQr } from './cccd-card-details.js';

// Digit 4 of a CCCD number is 0 for a man born in the 1900s, 1 for a woman.
const MAN = '001090012345|012345678|Nguyễn Văn An|01011990|Nam|Số 1 phố Đức Giang, Long Biên, Hà Nội|15082021';
const fields = (qr: string) => qr.split('|');
const withField = (i: number, value: string, qr = MAN) =>
  fields(qr)
    .map((f, j) => (j === i ? value : f))
    .join('|');

describe('parseCccdCardQr', () => {
  it('reads a card', () => {
    expect(parseCccdCardQr(MAN)).toEqual({
      ok: true,
      value: {
        number: '001090012345',
        oldNumber: '012345678',
        fullName: 'Nguyễn Văn An',
        dateOfBirth: '1990-01-01',
        gender: 'Nam',
        residence: 'Số 1 phố Đức Giang, Long Biên, Hà Nội',
        issuedOn: '2021-08-15',
      },
    });
  });

  it('reads a card without an old number, a woman born this century, and extra fields', () => {
    const qr = '079304001234||Trần  Thị Bích\u00a0Ngọc|29022004|Nữ|Phường Bến Nghé, Quận 1, TP. Hồ Chí Minh|01072021|';
    expect(parseCccdCardQr(`${qr}extra|more`)).toMatchObject({
      ok: true,
      value: { oldNumber: null, fullName: 'Trần Thị Bích Ngọc', dateOfBirth: '2004-02-29', gender: 'Nữ' },
    });
  });

  it('returns the name in NFC', () => {
    const r = parseCccdCardQr(MAN.normalize('NFD'));
    expect(r.ok && r.value.fullName).toBe('Nguyễn Văn An'.normalize('NFC'));
  });

  it.each([
    ['6 fields', MAN.slice(0, MAN.lastIndexOf('|'))],
    ['a number of 11 digits', MAN.slice(1)],
    ['a permit QR', 'https://giaydiduong.longbien.example/p1#0123'],
    ['an old number of 8 digits', withField(1, '01234567')],
    ['an empty name', withField(2, '  ')],
  ])('refuses %s as cccd_qr_format', (_, qr) => {
    expect(parseCccdCardQr(qr)).toMatchObject({ ok: false, code: 'cccd_qr_format' });
  });

  it.each([
    ['31022020 as date of birth', withField(3, '31022020')],
    ['29021990 (not a leap year)', withField(3, '29021990')],
    ['1990-01-01 as date of birth', withField(3, '1990-01-01')],
    ['an empty date of issue', withField(6, '')],
    ['13132021 as date of issue', withField(6, '13132021')],
    ['an issue before birth', withField(6, '01011989')],
  ])('refuses %s as cccd_qr_date', (_, qr) => {
    expect(parseCccdCardQr(qr)).toMatchObject({ ok: false, code: 'cccd_qr_date' });
  });

  it('refuses a gender that is neither Nam nor Nữ', () => {
    expect(parseCccdCardQr(withField(4, 'M'))).toMatchObject({ ok: false, code: 'cccd_qr_gender' });
    expect(parseCccdCardQr(withField(4, 'NAM'))).toMatchObject({ ok: true, value: { gender: 'Nam' } });
  });

  it('refuses a number that the date of birth or gender beside it contradicts', () => {
    expect(parseCccdCardQr(withField(3, '01011991'))).toMatchObject({ ok: false, code: 'cccd_birth_year' });
    expect(parseCccdCardQr(withField(3, '01011890'))).toMatchObject({ ok: false, code: 'cccd_birth_year' });
    expect(parseCccdCardQr(withField(4, 'Nữ'))).toMatchObject({ ok: false, code: 'cccd_century' });
    // 001190012345 is a woman's number: with "Nam" beside it the card does not hold together.
    expect(parseCccdCardQr(withField(0, '001190012345'))).toMatchObject({ ok: false, code: 'cccd_century' });
  });

  it('refuses a number whose own digits are wrong', () => {
    expect(parseCccdCardQr(withField(0, '099090012345'))).toMatchObject({ ok: false, code: 'cccd_province' });
    expect(parseCccdCardQr(withField(0, '001490012345'))).toMatchObject({ ok: false, code: 'cccd_century' });
  });
});
