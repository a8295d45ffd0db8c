import { z } from 'zod';
import { DEFAULT_SERIAL_SUFFIX, MAX_SUFFIX_LENGTH } from './permits.js';

/** The text after a permit's number, set for a ward or one business (PATCH …/permit-settings). */
export const serialSuffixBody = z.object({
  serialSuffix: z
    .string()
    .trim()
    .normalize('NFC')
    .regex(
      new RegExp(`^[\\p{L}\\p{N}.\\-]{1,${MAX_SUFFIX_LENGTH}}$`, 'u'),
      `Tối đa ${MAX_SUFFIX_LENGTH} chữ cái, chữ số, dấu chấm hoặc gạch ngang`,
    )
    .nullable()
    .describe(`Phần sau số giấy (0001/GĐĐ); null: dùng mặc định (${DEFAULT_SERIAL_SUFFIX} hoặc của phường)`),
});

export const permitSettingsSchema = z.object({
  scope: z.enum(['ward', 'business']),
  serialSuffix: z.string().nullable().describe('Đã đặt riêng (null: không đặt)'),
  effectiveSuffix: z.string().describe('Phần sau số giấy sẽ dùng cho giấy cấp từ nay'),
});
export type PermitSettingsView = z.infer<typeof permitSettingsSchema>;
