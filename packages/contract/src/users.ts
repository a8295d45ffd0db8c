import { z } from 'zod';
import { booleanQuery, itemsOf, timestamp, wardCode } from './common.js';
import { TEXT_LIMITS } from './limits.js';
import { ROLE_CODES, type Role, WARD_ROLES } from './roles.js';

/** Usernames: lower-case letters, digits, dot, dash, underscore; 3–64 characters. Case-insensitive. */
export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{3,64}$/, 'Tên đăng nhập gồm 3–64 ký tự: chữ cái không dấu, chữ số, dấu chấm, gạch ngang');

/** Passwords: 8–200 characters. */
export const newPasswordSchema = z
  .string()
  .min(TEXT_LIMITS.password.min, `Mật khẩu phải có ít nhất ${TEXT_LIMITS.password.min} ký tự`)
  .max(TEXT_LIMITS.password.max, `Mật khẩu dài tối đa ${TEXT_LIMITS.password.max} ký tự`);

/**
 * An account's e-mail: trimmed, at most 200 characters, a valid address; stored lower-case
 * (addresses are compared case-insensitively in practice); `null` or `''` clears it.
 */
export const emailSchema = z
  .union([z.literal(''), z.email('Địa chỉ e-mail không hợp lệ').max(200)])
  .nullable()
  .transform((v) => (v ? v.toLowerCase() : null))
  .describe('E-mail (để trống để xóa)');

/**
 * An account's position (chức vụ), printed under the leader's signature on the confirmation:
 * trimmed, at most 200 characters; on update `null` or `''` clears it.
 */
export const userTitleSchema = z
  .string()
  .trim()
  .max(200, 'Chức vụ dài tối đa 200 ký tự')
  .describe('Chức vụ, ví dụ "Phó Chủ tịch UBND phường" (in dưới chữ ký)');

/** A user as the API shows it (never the password hash). */
export const userSchema = z.object({
  id: z.string(),
  username: z.string(),
  fullName: z.string(),
  title: z.string().nullable().describe('Chức vụ'),
  role: z.enum(ROLE_CODES as [Role, ...Role[]]),
  wardCode: z.string().nullable(),
  districtCode: z.string().nullable(),
  provinceCode: z.string().nullable(),
  businessId: z.string().nullable(),
  active: z.boolean(),
  mustChangePassword: z.boolean(),
  email: z.string().nullable().describe('E-mail của tài khoản (không bắt buộc)'),
  createdAt: timestamp,
});
export type UserView = z.infer<typeof userSchema>;

export const listUsersQuery = z.object({
  ward: wardCode.optional(),
  role: z.enum(ROLE_CODES).optional(),
  active: booleanQuery.optional(),
});
export const userListResponse = itemsOf(userSchema);

export const createUserBody = z.object({
  username: usernameSchema,
  fullName: z
    .string()
    .trim()
    .min(1, 'Nhập họ và tên')
    .max(TEXT_LIMITS.fullName, `Họ và tên dài tối đa ${TEXT_LIMITS.fullName} ký tự`),
  title: userTitleSchema.optional(),
  role: z.enum(WARD_ROLES),
  email: emailSchema.optional(),
  password: newPasswordSchema.optional(),
});

export const updateUserBody = z.object({
  fullName: z
    .string()
    .trim()
    .min(1, 'Nhập họ và tên')
    .max(TEXT_LIMITS.fullName, `Họ và tên dài tối đa ${TEXT_LIMITS.fullName} ký tự`)
    .optional(),
  title: userTitleSchema
    .nullable()
    .transform((v) => v || null)
    .optional()
    .describe('Chức vụ (để trống để xóa)'),
  email: emailSchema.optional(),
});
export const createdUserResponse = z.object({
  user: userSchema,
  generatedPassword: z.string().optional().describe('Chỉ có khi hệ thống tạo mật khẩu: hiển thị một lần'),
});

export const resetPasswordBody = z.object({ password: newPasswordSchema.optional() });
export const resetPasswordResponse = z.object({ generatedPassword: z.string().optional() });
