import { VERDICTS, WARNINGS } from '@thonghanh/core';
import { z } from 'zod';

/** At most this many scans per batch: a device with more sends several batches. */
export const MAX_SCANS_PER_BATCH = 1000;

/**
 * What a scan record may say happened: the spec's verdicts; `manual_found` /
 * `manual_not_found` for typed look-ups (nothing verified cryptographically); and
 * `cannot_verify` when the device had no usable trust or revocation list for this code (the
 * list never loaded, or too old to know its key): not a verdict on the permit, so statistics
 * count it apart from the invalid ones.
 */
export const SCAN_VERDICTS = [...VERDICTS, 'manual_found', 'manual_not_found', 'cannot_verify'] as const;
/** `lists_missing`: a list the verdict needed had never been loaded on the device. */
export const SCAN_WARNINGS = [...WARNINGS, 'lists_stale', 'lists_missing'] as const;
export const SCAN_KINDS = ['permit', 'unit', 'manual', 'other'] as const;

/** Field limits of one scan (the checkpoint app trims its records to them: `fitScanRecord`). */
export const SCAN_FIELD_LIMITS = { serial: 32, idNumber: 20, unitTaxCode: 14, warnings: 10 } as const;

/** One scan as the checkpoint app records it (packages/web/src/checkpoint/api.ts ScanRecord). */
export const scanInputSchema = z.object({
  id: z.uuid().describe('UUID tạo trên thiết bị: khóa chống trùng (gửi lại bao nhiêu lần cũng chỉ lưu một lần)'),
  scannedAt: z.iso.datetime({ offset: true }).describe('Thời điểm quét trên thiết bị'),
  verdict: z.enum(SCAN_VERDICTS),
  warnings: z.array(z.enum(SCAN_WARNINGS)).max(SCAN_FIELD_LIMITS.warnings).default([]),
  kind: z.enum(SCAN_KINDS),
  cti: z
    .string()
    .regex(/^[A-Za-z0-9_-]{22}$/, 'cti là base64url của 16 byte')
    .optional(),
  serial: z.string().trim().max(SCAN_FIELD_LIMITS.serial).optional(),
  idNumber: z.string().trim().max(SCAN_FIELD_LIMITS.idNumber).optional(),
  unitTaxCode: z.string().trim().max(SCAN_FIELD_LIMITS.unitTaxCode).optional(),
});
export type ScanInput = z.output<typeof scanInputSchema>;
