/** Times of the JSON shape: ISO 8601 in, UTC ISO 8601 with whole seconds out. */

const ISO = /^(\d{4})-(\d{2})-(\d{2})T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** Whole seconds since the epoch, or null when the text is not an ISO 8601 date-time with zone. */
export function parseIsoSeconds(text: unknown): number | null {
  const m = typeof text === 'string' ? ISO.exec(text) : null;
  if (!m) return null;
  // Date.parse rolls 2021-02-30 over to 2 March: a day the month does not have is no date.
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null;
  const ms = Date.parse(m[0]);
  if (Number.isNaN(ms)) return null;
  return Math.floor(ms / 1000);
}

export function isoFromSeconds(seconds: number): string {
  return new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');
}

/** Việt Nam time (UTC+7), the zone of every schedule and every date printed. */
export const VN_OFFSET_SECONDS = 25_200;
