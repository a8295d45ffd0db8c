import { z } from 'zod';

export const wardSettingsSchema = z.object({
  wardCode: z.string(),
  dueDays: z.number().int().describe('Số ngày xử lý hồ sơ kể từ khi nộp'),
  legalBasis: z.string().nullable().describe('Căn cứ pháp lý in trên giấy tờ'),
  deskEmail: z.string().nullable().describe('Hộp thư nhận thông báo của Bộ phận Một cửa'),
  leaderApprovalRequired: z
    .boolean()
    .describe('true (mặc định): lãnh đạo UBND phường ký phê duyệt; false: Một cửa phê duyệt'),
  updatedAt: z.string().nullable(),
});
export type WardSettingsView = z.infer<typeof wardSettingsSchema>;

export const updateWardSettingsBody = z.object({
  dueDays: z.number().int().min(1).max(30).optional(),
  legalBasis: z.string().trim().max(2000).nullable().optional(),
  deskEmail: z.email().nullable().optional(),
  leaderApprovalRequired: z.boolean().optional(),
});
