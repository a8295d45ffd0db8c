import { VERDICTS, WARNINGS } from '@thonghanh/core';
import { z } from 'zod';

/** At most this many scans per batch: a device with more sends several batches. */
export const MAX_SCANS_PER_BATCH = 1000;

export const SCAN_VERDICTS = [...VERDICTS, 'manual_found', 'manual_not_found'] as const;
export const SCAN_WARNINGS = [...WARNINGS, 'lists_stale'] as const;
export const SCAN_KINDS = ['permit', 'unit', 'manual', 'other'] as const;

/** One scan as the checkpoint app records it (packages/web/src/checkpoint/api.ts ScanRecord). */
export const scanInputSchema = z.object({
  id: z.uuid().describe('UUID tạo trên thiết bị: khóa chống trùng (gửi lại bao nhiêu lần cũng chỉ lưu một lần)'),
  scannedAt: z.iso.datetime({ offset: true }).describe('Thời điểm quét trên thiết bị'),
  verdict: z.enum(SCAN_VERDICTS),
  warnings: z.array(z.enum(SCAN_WARNINGS)).max(10).default([]),
  kind: z.enum(SCAN_KINDS),
  cti: z
    .string()
    .regex(/^[A-Za-z0-9_-]{22}$/, 'cti là base64url của 16 byte')
    .optional(),
  serial: z.string().trim().max(32).optional(),
  idNumber: z.string().trim().max(20).optional(),
  unitTaxCode: z.string().trim().max(14).optional(),
});
export type ScanInput = z.output<typeof scanInputSchema>;
