import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../shared/format.js';
import { deadline } from '../lib/deadline.js';
import { useNow } from '../lib/use-now.js';
import { Badge } from './badge.js';

/**
 * The 3-day clock: "còn 1 ngày 4 giờ"; past the deadline, the badge "Quá hạn xử lý" (an
 * icon and words, not colour alone) and "quá hạn 5 giờ" in red. The exact time is in the title.
 */
export function DeadlineClock({ dueAt }: { dueAt: string }) {
  const { t } = useTranslation();
  const now = useNow();
  const d = deadline(dueAt, now);
  const cls = d.overdue ? 'clock clock-overdue' : d.soon ? 'clock clock-soon' : 'clock';
  return (
    <span className="deadline" title={t('deadline.dueAt', { at: formatDateTime(dueAt) })}>
      {d.overdue ? (
        <>
          <Badge tone="overdue">{t('deadline.overdueBadge')}</Badge>{' '}
        </>
      ) : null}
      <span className={cls}>{d.text}</span>
    </span>
  );
}
