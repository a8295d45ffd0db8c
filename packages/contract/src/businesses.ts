import { validateMobile, validateTaxCode } from '@thonghanh/core';
import { z } from 'zod';
import { BUSINESS_STATUSES } from './business-statuses.js';
import { timestamp, wardCode } from './common.js';
import { newPasswordSchema, usernameSchema, userSchema } from './users.js';

export { BUSINESS_STATUS_LABELS, BUSINESS_STATUSES, type BusinessStatus } from './business-statuses.js';

/** Mã số thuế, checked with the core (10 digits with its check digit, optional `-NNN` branch). */
export const taxCodeSchema = z
  .string()
  .trim()
  .transform((v, ctx) => {
    const r = validateTaxCode(v.replace(/\s+/g, ''));
    if (!r.ok) {
      ctx.addIssue({ code: 'custom', message: r.message, params: { code: r.code } });
      return z.NEVER;
    }
    return r.value.text;
  })
  .describe('Mã số thuế: 10 chữ số (có chữ số kiểm tra), có thể kèm "-" và 3 chữ số chi nhánh');

/** A Vietnamese mobile number as typed; stored in the national form `0xxxxxxxxx`. */
export const mobileSchema = z
  .string()
  .trim()
  .transform((v, ctx) => {
    const r = validateMobile(v);
    if (!r.ok) {
      ctx.addIssue({ code: 'custom', message: r.message, params: { code: r.code } });
      return z.NEVER;
    }
    return r.value.national;
  })
  .describe('Số điện thoại di động');

const text = (max: number, what: string) =>
  z
    .string()
    .trim()
    .min(1, `Nhập ${what}`)
    .max(max)
    .transform((v) => v.normalize('NFC').replace(/\s+/g, ' '))
    .refine((v) => !/[<>\p{Cc}]/u.test(v), 'Không dùng các ký tự < > hoặc ký tự điều khiển');

/** What describes a business, as entered by the business itself or by the ward desk. */
export const businessFields = {
  taxCode: taxCodeSchema,
  name: text(200, 'tên doanh nghiệp'),
  address: text(300, 'địa chỉ'),
  wardCode: wardCode.describe('Phường/xã nơi doanh nghiệp hoạt động (UBND phường này phê duyệt hồ sơ)'),
  lineOfBusiness: text(200, 'ngành nghề kinh doanh'),
  contactName: text(100, 'họ tên người liên hệ'),
  contactPhone: mobileSchema,
  contactEmail: z.email('Địa chỉ e-mail không hợp lệ').max(200).nullable().optional(),
};

export const businessInputSchema = z.object(businessFields);
export type BusinessInput = z.output<typeof businessInputSchema>;

/** A business as the API shows it. */
export const businessSchema = z.object({
  id: z.string(),
  taxCode: z.string(),
  name: z.string(),
  address: z.string(),
  wardCode: z.string(),
  wardName: z.string(),
  districtCode: z.string(),
  provinceCode: z.string(),
  lineOfBusiness: z.string(),
  contactName: z.string(),
  contactPhone: z.string(),
  contactEmail: z.string().nullable(),
  status: z.enum(BUSINESS_STATUSES),
  statusLabel: z.string(),
  statusReason: z.string().nullable(),
  registeredVia: z.enum(['self', 'ward']).describe('self: doanh nghiệp tự đăng ký; ward: Bộ phận Một cửa tạo'),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type BusinessView = z.infer<typeof businessSchema>;

const fullName = z.string().trim().min(1, 'Nhập họ và tên').max(200);

/** POST /businesses/register: the business and its representative's account. */
export const registerBusinessBody = z.object({
  ...businessFields,
  account: z.object({ password: newPasswordSchema, fullName }),
});
export const registeredBusinessResponse = z.object({ business: businessSchema, user: userSchema });

/** POST /businesses: the desk creates a business of its ward (the ward defaults to the officer's). */
export const createBusinessBody = z.object({
  ...businessFields,
  wardCode: businessFields.wardCode.optional(),
  account: z.object({ username: usernameSchema, fullName }).optional(),
});
export const createdBusinessResponse = z.object({
  business: businessSchema,
  user: userSchema.optional(),
  generatedPassword: z.string().optional().describe('Mật khẩu của người đại diện: chỉ hiện một lần'),
});

export const listBusinessesQuery = z.object({
  ward: wardCode.optional(),
  status: z.enum(BUSINESS_STATUSES).optional(),
  q: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export const businessPageResponse = z.object({
  items: z.array(businessSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

/** A decision's optional note (accept, approve). */
export const optionalNoteBody = z.object({ note: z.string().trim().max(2000).optional() }).default({});
/** A decision that must say why (refuse, reverse a refusal). */
export const reasonBody = z.object({ reason: z.string().trim().min(1, 'Nhập lý do').max(2000) });
