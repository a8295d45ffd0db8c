import { describe, expect, it } from 'vitest';
import { foldVi, matchesVi, sortByVi } from './vietnamese.js';

describe('Vietnamese sorting and search', () => {
  it('sorts Đ after D and Ă, Â after A, as a Vietnamese reader expects', () => {
    expect(sortByVi(['Đức', 'Dung', 'Ân', 'Anh', 'Ăn', 'Bình'], (s) => s)).toEqual([
      'Anh',
      'Ăn',
      'Ân',
      'Bình',
      'Dung',
      'Đức',
    ]);
  });

  it('finds names typed without diacritics', () => {
    expect(foldVi('  Nguyễn Văn ĐỨC ')).toBe('nguyen van duc');
    expect(matchesVi('nguyen duc', 'Nguyễn Văn Đức')).toBe(true);
    expect(matchesVi('tran', 'Nguyễn Văn Đức', '001090000001')).toBe(false);
    expect(matchesVi('0010900', 'Nguyễn Văn Đức', '001090000001')).toBe(true);
    expect(matchesVi('', 'x')).toBe(true);
  });
});
