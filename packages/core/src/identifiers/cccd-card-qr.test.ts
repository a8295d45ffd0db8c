import { describe, expect, it } from 'vitest';
import { cardMatchesHolder, readCccdCardQr } from './cccd-card-qr.js';

const QR = '001190012345|012345678|Nguyễn Thị Quỳnh Anh|01011990|Nữ|Số 1 phố Đức Giang, Long Biên, Hà Nội|15082021';
const holder = { idType: 1, idNumber: '001190012345', holder: 'NGUYỄN THỊ  QUỲNH ANH' };

describe('readCccdCardQr', () => {
  it('splits the seven fields and keeps the rest', () => {
    expect(readCccdCardQr(`  ${QR}|x|y\n`)).toMatchObject({
      cccd: '001190012345',
      oldId: '012345678',
      fullName: 'Nguyễn Thị Quỳnh Anh',
      issuedOn: '15082021',
      extra: ['x', 'y'],
    });
  });

  it('cannot read 6 fields or a first field that is not 12 digits', () => {
    expect(readCccdCardQr(QR.slice(0, QR.lastIndexOf('|')))).toBeNull();
    expect(readCccdCardQr(`0${QR}`)).toBeNull();
    expect(readCccdCardQr('https://example.com/p1#123')).toBeNull();
  });
});

describe('cardMatchesHolder', () => {
  it('matches the CCCD number and the name, ignoring case and spaces', () => {
    expect(cardMatchesHolder(readCccdCardQr(QR), holder)).toBe(true);
  });

  it('matches a CMND permit by the old number', () => {
    expect(cardMatchesHolder(readCccdCardQr(QR), { ...holder, idType: 2, idNumber: '012345678' })).toBe(true);
    const noOld = readCccdCardQr(QR.replace('|012345678|', '||'));
    expect(cardMatchesHolder(noOld, { ...holder, idType: 2, idNumber: '' })).toBe(false);
  });

  it('never matches without diacritics, a passport permit or an unreadable card', () => {
    expect(cardMatchesHolder(readCccdCardQr(QR), { ...holder, holder: 'Nguyen Thi Quynh Anh' })).toBe(false);
    expect(cardMatchesHolder(readCccdCardQr(QR), { ...holder, idType: 3 })).toBe(false);
    expect(cardMatchesHolder(null, holder)).toBe(false);
  });
});
