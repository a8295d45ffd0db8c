import { t } from '../../i18n/index.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export interface Deadline {
  /** "còn 1 ngày 4 giờ", "quá hạn 5 giờ 10 phút". */
  text: string;
  overdue: boolean;
  /** Less than a day left. */
  soon: boolean;
}

/** "1 ngày 4 giờ", "4 giờ 20 phút", "20 phút": the two largest units, rounded down. */
export function formatSpan(ms: number): string {
  const m = Math.max(0, Math.floor(ms / MINUTE));
  const days = Math.floor(m / (24 * 60));
  const hours = Math.floor((m % (24 * 60)) / 60);
  const minutes = m % 60;
  if (days > 0) return hours > 0 ? t('deadline.daysHours', { d: days, h: hours }) : t('deadline.days', { d: days });
  if (hours > 0)
    return minutes > 0 ? t('deadline.hoursMinutes', { h: hours, m: minutes }) : t('deadline.hours', { h: hours });
  return t('deadline.minutes', { m: Math.max(minutes, 1) });
}

/** The 3-day clock of a dossier waiting for the ward. */
export function deadline(dueAt: string | Date, now: number = Date.now()): Deadline {
  const due = typeof dueAt === 'string' ? Date.parse(dueAt) : dueAt.getTime();
  const left = due - now;
  if (left <= 0) return { text: t('deadline.overdueBy', { span: formatSpan(-left) }), overdue: true, soon: false };
  return { text: t('deadline.left', { span: formatSpan(left) }), overdue: false, soon: left < DAY };
}
