import { z } from 'zod';
import { timestamp } from './common.js';
import { TEXT_LIMITS } from './limits.js';

/** `:id` (the dossier) and `:attachmentId` in a path. */
export const attachmentParams = z.object({
  id: z.string().min(1).max(TEXT_LIMITS.id),
  attachmentId: z.string().min(1).max(TEXT_LIMITS.id),
});

/** GET an attachment: `?inline=1` shows it in the page instead of downloading it. */
export const getAttachmentQuery = z.object({ inline: z.enum(['0', '1', 'true', 'false']).optional() });

/** One version of one file of a dossier's plan. */
export const attachmentSchema = z.object({
  id: z.string(),
  dossierId: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  uploadedAt: timestamp,
  uploadedById: z.string().nullable(),
  uploadedByName: z.string().nullable(),
  version: z.number().int().describe('1 cho tệp tải lên lần đầu; mỗi phiên bản thay thế tăng 1'),
  replacesId: z.string().nullable().describe('Phiên bản mà tệp này thay thế'),
  supersededById: z.string().nullable().describe('Phiên bản mới hơn đã thay tệp này (null: đang dùng)'),
  supersededAt: timestamp.nullable(),
  note: z.string().nullable().describe('Lý do tải lên phiên bản này'),
  url: z.string().describe('Tải về; thêm ?inline=1 để xem trong trang'),
});
export type AttachmentView = z.infer<typeof attachmentSchema>;
