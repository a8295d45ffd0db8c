import { describe, expect, it } from 'vitest';
import { generatePassword, hashPassword, verifyPassword } from './password.js';

const CHEAP = { N: 1024, r: 8, p: 1 };

describe('password hashing', () => {
  it('stores scrypt with its parameters and a random salt', async () => {
    const a = await hashPassword('mật khẩu bí mật', CHEAP);
    const b = await hashPassword('mật khẩu bí mật', CHEAP);
    expect(a).toMatch(/^scrypt\$1024\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(a).not.toBe(b);
  });

  it('accepts the right password and refuses a wrong one', async () => {
    const stored = await hashPassword('mật khẩu bí mật', CHEAP);
    expect(await verifyPassword('mật khẩu bí mật', stored)).toBe(true);
    expect(await verifyPassword('mật khẩu bí mậT', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });

  it('treats composed and decomposed Vietnamese the same (NFC)', async () => {
    const stored = await hashPassword('Đức Giang', CHEAP);
    expect(await verifyPassword('Đức Giang'.normalize('NFD'), stored)).toBe(true);
  });

  it('uses the default cost when none is given', async () => {
    expect(await hashPassword('x')).toMatch(/^scrypt\$32768\$8\$1\$/);
  });

  it('never matches a malformed stored hash', async () => {
    for (const stored of ['', 'plain', 'scrypt$1$1$1$$', 'bcrypt$a$b$c$d$e', 'scrypt$99999999$8$1$AA==$AA==']) {
      expect(await verifyPassword('x', stored)).toBe(false);
    }
  });

  it('generates readable random passwords', () => {
    const p = generatePassword();
    expect(p).toMatch(/^[a-km-zA-HJ-NP-Z2-9]{12}$/);
    expect(generatePassword()).not.toBe(p);
  });
});
