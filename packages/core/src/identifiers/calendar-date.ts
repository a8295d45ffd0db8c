/**
 * Calendar dates as the identifiers need them: real dates only (no 31/02), because a
 * typo in a date of birth must be caught, not silently rolled over as `Date` does.
 */

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

export function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] as number));
}

/** `ddMMyyyy` (as on the CCCD card QR) to `YYYY-MM-DD`; null unless it is a real date. */
export function isoDateFromDdMmYyyy(text: string): string | null {
  const m = /^([0-9]{2})([0-9]{2})([0-9]{4})$/.exec(text);
  if (!m || !isCalendarDate(Number(m[3]), Number(m[2]), Number(m[1]))) return null;
  return `${m[3]}-${m[2]}-${m[1]}`;
}

/** The year of a real `YYYY-MM-DD` date, or null. */
export function yearOfIsoDate(text: string): number | null {
  const m = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  return isCalendarDate(year, Number(m[2]), Number(m[3])) ? year : null;
}
