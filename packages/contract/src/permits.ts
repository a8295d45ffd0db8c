import { z } from 'zod';
import { timestamp, wardCode } from './common.js';

/** A permit's state: `expired` is derived from its end (validTo), never stored. */
export const PERMIT_STATES = ['active', 'revoked', 'expired'] as const;

/** Where a signed credential stands: a worker's permit and a unit's QR alike. */
export const credentialStatusFields = {
  status: z
    .enum(PERMIT_STATES)
    .describe('active: còn hiệu lực; revoked: đã thu hồi; expired: hết hạn (suy ra từ validTo)'),
  statusLabel: z.string(),
  revokedReason: z.string().nullable(),
  revokedAt: timestamp.nullable(),
};
export type PermitState = (typeof PERMIT_STATES)[number];

/** What to do with a person who already holds an active permit. */
export const ON_ACTIVE = ['replace', 'skip', 'another'] as const;
export type OnActive = (typeof ON_ACTIVE)[number];

export const BATCH_STATES = ['running', 'done', 'failed'] as const;
export type BatchState = (typeof BATCH_STATES)[number];

/** Permit numbering: `0001/GĐĐ`, the suffix of a business or its ward, else this one. */
export const DEFAULT_SERIAL_SUFFIX = 'GĐĐ';
/** A serial is at most 24 code points (spec §1): 4–5 digits, `/`, the suffix. */
export const MAX_SUFFIX_LENGTH = 16;

/** Up to this many people, POST /permits issues everything before answering (one transaction). */
export const PERMIT_SYNC_LIMIT = 500;

/** An id sent in a permit request (staff, business, batch, permit). */
const rowId = z.string().min(1).max(64);

/**
 * `YYYY-MM-DD`. Whether the day exists (no 31/13, no 29/02 outside leap years) and the order
 * of the two are checked by the command, with the stable code `date_invalid` (validity.ts).
 */
export const permitDate = z.string().max(32).describe('YYYY-MM-DD (giờ Việt Nam)');

export const permitScheduleSchema = z.object({
  days: z.array(z.number().int()).describe('1 = Thứ Hai … 7 = Chủ nhật'),
  start: z.string(),
  end: z.string(),
});

export const permitSchema = z.object({
  id: z.string(),
  businessId: z.string(),
  staffId: z.string(),
  wardCode: z.string(),
  serial: z.string().describe('Số giấy, ví dụ 0001/GĐĐ'),
  holder: z.string(),
  idType: z.enum(['CCCD', 'CMND', 'PASSPORT']),
  idNumber: z.string(),
  position: z.string().nullable(),
  workplace: z.string().nullable(),
  residence: z.string(),
  purpose: z.string(),
  routeFrom: z.string(),
  routeTo: z.string(),
  routeWards: z.array(z.string()),
  schedule: permitScheduleSchema.nullable(),
  validFrom: timestamp.describe('nbf'),
  validTo: timestamp.describe('exp'),
  validFromDate: z.string().describe('Ngày bắt đầu hiệu lực (giờ Việt Nam), YYYY-MM-DD'),
  validToDate: z.string().describe('Ngày cuối cùng còn hiệu lực (giờ Việt Nam), YYYY-MM-DD'),
  ...credentialStatusFields,
  revokedBy: z.string().nullable(),
  issuedAt: timestamp,
  issuedBy: z.string().nullable(),
  kid: z.string(),
  cti: z.string().describe('base64url của 16 byte mã định danh (cti)'),
  qrText: z.string().describe('Nội dung mã QR: <ORIGIN>/p1#<DIGITS>'),
});
export type PermitView = z.infer<typeof permitSchema>;

/** A permit batch: one request to issue, worked through in chunks (GET /permits/batches/:id). */
export const batchSchema = z.object({
  batchId: z.string(),
  businessId: z.string(),
  state: z.enum(BATCH_STATES).describe('running: đang cấp; done: đã xong; failed: dừng vì lỗi'),
  stateLabel: z.string(),
  requested: z.number().int().describe('Số người được yêu cầu cấp'),
  processed: z.number().int().describe('Số người đã xử lý (đã cấp + bỏ qua)'),
  issued: z.number().int().describe('Số giấy đã cấp'),
  skipped: z.number().int().describe('Số người bỏ qua (đang có giấy còn hiệu lực, hoặc đã bị rút khỏi danh sách)'),
  replaced: z.number().int().describe('Số giấy cũ đã thu hồi để thay bằng giấy mới'),
  firstSerial: z.string().nullable(),
  lastSerial: z.string().nullable(),
  validFromDate: z.string(),
  validToDate: z.string(),
  onActive: z.enum(ON_ACTIVE),
  createdAt: timestamp,
  finishedAt: timestamp.nullable(),
});
export type BatchView = z.input<typeof batchSchema>;

export const issuePermitsBody = z.object({
  staffIds: z
    .union([z.literal('all'), z.array(rowId).min(1).max(5000)])
    .describe('Mã người trong danh sách (staff_members.id), hoặc "all": mọi người đã được phê duyệt'),
  validFrom: permitDate.optional(),
  validTo: permitDate.optional(),
  purpose: z.string().trim().max(80).optional().describe('Lý do (mặc định: Đi làm việc tại đơn vị)'),
  onActive: z
    .enum(ON_ACTIVE)
    .optional()
    .describe(
      'Người đang có giấy còn hiệu lực: replace: thu hồi giấy cũ, cấp giấy mới; skip: bỏ qua; another: vẫn cấp thêm một giấy',
    ),
});

/** POST /permits: the batch's summary and, when already done, the first page of its permits. */
export const issuePermitsResponse = batchSchema.extend({
  count: z.number().int().describe('Số giấy đã cấp đến lúc trả lời'),
  items: z
    .array(permitSchema)
    .describe('Trang đầu (tối đa 50 giấy) khi đã cấp xong; phần còn lại: GET /permits?batchId='),
});

export const listPermitsQuery = z.object({
  ward: wardCode.optional(),
  businessId: rowId.optional(),
  staffId: rowId.optional(),
  batchId: rowId.optional().describe('Giấy của một đợt cấp (theo số giấy)'),
  status: z.enum(PERMIT_STATES).optional().describe('active: còn hiệu lực; revoked: đã thu hồi; expired: hết hạn'),
  q: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});

export const permitPageSchema = z.object({
  items: z.array(permitSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const revokePermitBody = z.object({ reason: z.string().trim().min(1, 'Nhập lý do thu hồi').max(500) });
