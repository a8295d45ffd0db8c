import { describe, expect, it } from 'vitest';
import { displayName, nameSearchKey, namesEqual, normalizeName } from './name.js';

describe('names', () => {
  it('compares NFC and NFD spellings as equal', () => {
    const nfc = 'Nguyễn Thị Quỳnh Anh'.normalize('NFC');
    const nfd = nfc.normalize('NFD');
    expect(nfd).not.toBe(nfc);
    expect(namesEqual(nfc, nfd)).toBe(true);
  });

  it('ignores case and runs of white space but keeps diacritics', () => {
    expect(normalizeName('  NGUYỄN\u00a0 văn\tAn ')).toBe('nguyễn văn an');
    expect(namesEqual('Nguyễn Văn An', 'Nguyen Van An')).toBe(false);
  });

  it('builds a search key without diacritics', () => {
    expect(nameSearchKey('Nguyễn Thị Quỳnh Anh')).toBe('nguyen thi quynh anh');
    expect(nameSearchKey('Đặng')).toBe('dang');
    expect(nameSearchKey('Trần Đức Ưng'.normalize('NFD'))).toBe('tran duc ung');
  });

  it('writes names with capital initials', () => {
    expect(displayName('nguyễn  văn AN')).toBe('Nguyễn Văn An');
    expect(displayName('đặng thị ánh')).toBe('Đặng Thị Ánh');
  });
});
