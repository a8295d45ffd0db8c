import { z } from 'zod';

/** Usernames: lower-case letters, digits, dot, dash, underscore; 3–64 characters. Case-insensitive. */
export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{3,64}$/, 'Tên đăng nhập gồm 3–64 ký tự: chữ cái không dấu, chữ số, dấu chấm, gạch ngang');

export const normaliseUsername = (s: string): string => s.trim().toLowerCase();

/** Passwords: 8–200 characters. */
export const newPasswordSchema = z
  .string()
  .min(8, 'Mật khẩu phải có ít nhất 8 ký tự')
  .max(200, 'Mật khẩu dài tối đa 200 ký tự');

/**
 * An account's e-mail: trimmed, at most 200 characters, a valid address; stored lower-case
 * (addresses are compared case-insensitively in practice); `null` or `''` clears it.
 */
export const emailSchema = z
  .union([z.literal(''), z.email('Địa chỉ e-mail không hợp lệ').max(200)])
  .nullable()
  .transform((v) => (v ? v.toLowerCase() : null))
  .describe('E-mail (để trống để xóa)');
