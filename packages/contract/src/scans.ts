import { z } from 'zod';
import { timestamp, wardCode } from './common.js';
import { MAX_SCANS_PER_BATCH, PAGE_SIZES, SCAN_FIELD_LIMITS } from './limits.js';
import { SCAN_KINDS, SCAN_VERDICTS, SCAN_WARNINGS } from './verdicts.js';

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

/**
 * Why one scan of a batch is refused: a stable code and its Vietnamese message. A refused scan
 * is answered as such and never stored; the rest of its batch is stored as usual, so one odd
 * record never holds back a device's scan log.
 */
export const SCAN_REFUSALS = {
  scan_invalid: 'Lượt quét không đúng định dạng: {field}.',
  scan_unknown_verdict: 'Kết quả quét không có trong danh sách kết quả của hệ thống.',
  scan_control_characters: 'Lượt quét có ký tự điều khiển hoặc ký tự không hợp lệ: {field}.',
  scan_field_too_long: 'Lượt quét có trường quá dài: {field}.',
  scan_in_future: 'Thời điểm quét ở tương lai (quá 1 ngày so với giờ máy chủ): kiểm tra đồng hồ của thiết bị.',
  scan_too_old: 'Thời điểm quét trước năm 2021: kiểm tra đồng hồ của thiết bị.',
} as const;
export type ScanRefusalCode = keyof typeof SCAN_REFUSALS;

/** No control characters in the envelope's checkpoint id (the scans are checked one by one). */
const plainId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[^\u0000-\u001f\u007f]*$/, 'Mã chốt có ký tự điều khiển');

export const scanBatchBody = z.object({
  checkpointId: plainId,
  scans: z
    .array(z.unknown())
    .max(MAX_SCANS_PER_BATCH, `Mỗi lần gửi tối đa ${MAX_SCANS_PER_BATCH} lượt quét`)
    .describe('Các lượt quét (ScanRecord); mỗi lượt được kiểm tra riêng'),
});

export const scanResultSchema = z.object({
  id: z.string().nullable().describe('Mã lượt quét như thiết bị gửi (null nếu không đọc được)'),
  status: z.enum(['stored', 'duplicate', 'refused']),
  code: z.enum(Object.keys(SCAN_REFUSALS) as [ScanRefusalCode, ...ScanRefusalCode[]]).optional(),
  field: z.string().optional(),
  message: z.string().optional(),
});

export const scanBatchResponse = z.object({
  stored: z.number().int(),
  duplicates: z.number().int(),
  refused: z.number().int(),
  results: z.array(scanResultSchema),
});

/** A scan in the log, as the back office lists it. */
export const scanSchema = z.object({
  id: z.string(),
  checkpointId: z.string(),
  checkpointName: z.string(),
  wardCode: z.string(),
  officerId: z.string().nullable(),
  scannedAt: timestamp,
  receivedAt: timestamp,
  verdict: z.string(),
  warnings: z.array(z.string()),
  kind: z.string(),
  cti: z.string().nullable(),
  serial: z.string().nullable(),
  idNumber: z.string().nullable(),
  unitTaxCode: z.string().nullable(),
  permit: z.object({ id: z.string(), holder: z.string(), businessId: z.string() }).nullable(),
});

/** The filters of the scan log (list and Excel export). */
export const scanFilterQuery = z.object({
  ward: wardCode.optional(),
  checkpointId: z.string().min(1).max(64).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  verdict: z.enum(SCAN_VERDICTS).optional(),
  kind: z.enum(SCAN_KINDS).optional(),
  permit: z.string().trim().min(1).max(64).optional().describe('Mã giấy (id), cti hoặc số giấy'),
  idNumber: z
    .string()
    .trim()
    .min(1)
    .max(SCAN_FIELD_LIMITS.idNumber)
    .optional()
    .describe('Số giấy tờ tùy thân của người được quét'),
  unit: z.string().trim().min(1).max(SCAN_FIELD_LIMITS.unitTaxCode).optional().describe('Mã số thuế của đơn vị'),
});

export const listScansQuery = scanFilterQuery.extend({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(PAGE_SIZES.scans.max).default(PAGE_SIZES.scans.default),
});

export const scanPageSchema = z.object({
  items: z.array(scanSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

/** One unit of a checkpoint's area list, with its approved staff (what an offline officer checks). */
export const areaUnitSchema = z.object({
  taxCode: z.string(),
  name: z.string(),
  status: z.enum(['approved', 'suspended']),
  staff: z.array(
    z.object({
      idNumber: z.string(),
      fullName: z.string(),
      serials: z.array(z.string()).describe('Số giấy còn hiệu lực của người này'),
    }),
  ),
});
export type AreaUnit = z.infer<typeof areaUnitSchema>;

/** GET /api/v1/checkpoints/:id/area-list (sent raw, with an ETag). */
export const areaListSchema = z.object({
  version: z.string(),
  generatedAt: timestamp,
  wardCode: z.string(),
  units: z.array(areaUnitSchema),
});
export type AreaList = z.infer<typeof areaListSchema>;
