/** Calendar dates in Việt Nam (UTC+7, no daylight saving), the zone of every printed date. */

const VN_OFFSET_MS = 7 * 3_600_000;
export const DAY_MS = 86_400_000;

/** The date in Việt Nam of an instant, `YYYY-MM-DD`. */
export const vnDateOf = (at: Date | number | string): string =>
  new Date(new Date(at).getTime() + VN_OFFSET_MS).toISOString().slice(0, 10);

/** The year in Việt Nam of an instant. */
export const vnYearOf = (at: Date | number | string): number => Number(vnDateOf(at).slice(0, 4));

/** 00:00 in Việt Nam of a date, as epoch milliseconds. */
export const vnDayStart = (date: string): number => Date.parse(`${date}T00:00:00+07:00`);

/** 24:00 in Việt Nam of a date (00:00 of the next day), as epoch milliseconds. */
export const vnDayEnd = (date: string): number => vnDayStart(date) + DAY_MS;

/** The last date whose day ends (24:00 Việt Nam time) at or before `ms`. */
export const lastDayEndingBy = (ms: number): string => vnDateOf(ms - DAY_MS);

/** The later / earlier of two `YYYY-MM-DD` dates. */
export const maxDate = (a: string, b: string): string => (a > b ? a : b);
export const minDate = (a: string, b: string): string => (a < b ? a : b);
