import { validateMobile, validateTaxCode } from '@thonghanh/core';
import { z } from 'zod';
import { wardCode } from '../http/common-schemas.js';

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
