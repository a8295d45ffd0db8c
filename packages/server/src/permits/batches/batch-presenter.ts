import type { BatchView } from '@thonghanh/contract';
import type { PermitBatchRow } from '../../db/schema.js';
import { parseOptions } from './batch-options.js';

export const BATCH_STATE_LABELS = { running: 'Đang cấp', done: 'Đã xong', failed: 'Bị dừng do lỗi' } as const;

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
