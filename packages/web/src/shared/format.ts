/** Dates and times as Vietnamese readers write them: dd/mm/yyyy, 24-hour, Việt Nam time. */

const VN_OFFSET_MS = 7 * 3600_000;

function vnParts(date: Date) {
  const d = new Date(date.getTime() + VN_OFFSET_MS);
  const p = (n: number) => String(n).padStart(2, '0');
  return {
    date: `${p(d.getUTCDate())}/${p(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`,
    time: `${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`,
  };
}

export function formatDate(value: Date | string): string {
  return vnParts(typeof value === 'string' ? new Date(value) : value).date;
}

export function formatDateTime(value: Date | string): string {
  const { date, time } = vnParts(typeof value === 'string' ? new Date(value) : value);
  return `${time} ${date}`;
}

/** "15/08/2021 10:05": the day first, as records and the system log write it (Việt Nam time). */
export function formatDayTime(value: Date | string): string {
  const { date, time } = vnParts(typeof value === 'string' ? new Date(value) : value);
  return `${date} ${time}`;
}

const WEEKDAY_SHORT = ['T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'CN'];

/** Weekdays 1 (Monday) … 7 (Sunday) as "T2–T7", "T2, T4, T6" or "Hằng ngày". */
export function formatDays(days: readonly number[]): string {
  const sorted = [...days].sort((a, b) => a - b);
  if (sorted.length === 7) return 'Hằng ngày';
  const contiguous = sorted.every((d, i) => i === 0 || d === (sorted[i - 1] as number) + 1);
  if (contiguous && sorted.length >= 3) {
    return `${WEEKDAY_SHORT[(sorted[0] as number) - 1]}–${WEEKDAY_SHORT[(sorted[sorted.length - 1] as number) - 1]}`;
  }
  return sorted.map((d) => WEEKDAY_SHORT[d - 1]).join(', ');
}

/** "5 phút", "3 giờ", "2 ngày": how old something is. */
export function formatAge(ms: number): string {
  const minutes = Math.max(0, Math.round(ms / 60_000));
  if (minutes < 1) return 'vừa xong';
  if (minutes < 60) return `${minutes} phút`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} giờ`;
  return `${Math.round(hours / 24)} ngày`;
}

export const ID_TYPE_LABEL: Record<string, string> = { CCCD: 'CCCD', CMND: 'CMND', PASSPORT: 'Hộ chiếu' };

/** "vừa xong", "5 phút trước": when something last happened. */
export function formatAgo(ms: number): string {
  const age = formatAge(ms);
  return age === 'vừa xong' ? age : `${age} trước`;
}
