import { describe, expect, it } from 'vitest';
import { validatePersonName } from './person-name.js';

describe('validatePersonName', () => {
  it('returns the name in NFC with white space collapsed', () => {
    const typed = '  Nguyễn\u00a0 Thị   Quỳnh Anh \n'.normalize('NFD');
    expect(validatePersonName(typed)).toEqual({ ok: true, value: 'Nguyễn Thị Quỳnh Anh'.normalize('NFC') });
  });

  it.each([
    'Đặng Thị Ánh Tuyết',
    'Hoàng Ngọc Ẩn',
    'Lê Văn Ỷ',
    "Mary-Jane O'Neill",
    'Mary-Jane O’Neill',
    'John F. Smith',
    'Müller Jürgen',
    '李小龍',
    'Ким Анна',
    'สมชาย ใจดี',
    'Ka',
  ])('accepts %j', (name) => {
    expect(validatePersonName(name)).toEqual({ ok: true, value: name });
  });

  it.each(['', '   ', '\u3000\n'])('refuses the empty name %j', (text) => {
    expect(validatePersonName(text)).toMatchObject({ ok: false, code: 'name_empty' });
  });

  it.each(['<script>alert(1)</script>', 'Nguyễn Văn 2', 'An@home', 'Trần_Bình', 'Lê\u200bAn', '- .', "'"])(
    'refuses the characters of %j',
    (text) => {
      expect(validatePersonName(text)).toMatchObject({ ok: false, code: 'name_characters' });
    },
  );

  it('allows 64 code points and no more', () => {
    expect(validatePersonName('Ằ'.repeat(64)).ok).toBe(true);
    expect(validatePersonName('𠀋'.repeat(64)).ok).toBe(true);
    expect(validatePersonName('Ằ'.repeat(65))).toMatchObject({
      ok: false,
      code: 'name_too_long',
      message: 'Họ tên dài tối đa 64 ký tự (hiện có 65)',
    });
  });
});
