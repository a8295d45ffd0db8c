import { z } from 'zod';
import type { PermitBatchRow } from '../../db/schema.js';
import { timestamp } from '../../http/common-schemas.js';
import { parseOptions } from './batch-options.js';

export const BATCH_STATE_LABELS = { running: 'Đang cấp', done: 'Đã xong', failed: 'Bị dừng do lỗi' } as const;

export const batchSchema = z.object({
  batchId: z.string(),
  businessId: z.string(),
  state: z.enum(['running', 'done', 'failed']).describe('running: đang cấp; done: đã xong; failed: dừng vì lỗi'),
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
  onActive: z.enum(['replace', 'skip', 'another']),
  createdAt: timestamp,
  finishedAt: timestamp.nullable(),
});
export type BatchView = z.input<typeof batchSchema>;

export function presentBatch(b: PermitBatchRow): BatchView {
  const o = parseOptions(b.options);
  return {
    batchId: b.id,
    businessId: b.business_id,
    state: b.state,
    stateLabel: BATCH_STATE_LABELS[b.state],
    requested: b.requested,
    processed: b.processed,
    issued: b.issued,
    skipped: b.skipped,
    replaced: b.replaced,
    firstSerial: b.first_serial,
    lastSerial: b.last_serial,
    validFromDate: o.fromDate,
    validToDate: o.toDate,
    onActive: o.onActive,
    createdAt: b.created_at,
    finishedAt: b.finished_at,
  };
}
