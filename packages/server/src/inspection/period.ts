import { MAX_PERIOD_DAYS } from '@thonghanh/contract';
import { validationFailed } from '../errors.js';

const DAY_MS = 86_400_000;

/** The period as UTC ISO instants; `to` after `from`, at most MAX_PERIOD_DAYS long (400 otherwise). */
export function resolvePeriod(
  q: { from?: string | undefined; to?: string | undefined },
  now: Date,
  defaultDays = 7,
): { from: string; to: string } {
  const to = q.to ? new Date(q.to) : now;
  const from = q.from ? new Date(q.from) : new Date(to.getTime() - defaultDays * DAY_MS);
  if (from.getTime() >= to.getTime()) {
    throw validationFailed([
      { path: 'query.to', code: 'period_order', message: 'Thời điểm kết thúc phải sau thời điểm bắt đầu.' },
    ]);
  }
  if (to.getTime() - from.getTime() > MAX_PERIOD_DAYS * DAY_MS) {
    throw validationFailed([
      {
        path: 'query.from',
        code: 'period_too_long',
        message: `Mỗi lần xem tối đa ${MAX_PERIOD_DAYS} ngày.`,
      },
    ]);
  }
  return { from: from.toISOString(), to: to.toISOString() };
}
