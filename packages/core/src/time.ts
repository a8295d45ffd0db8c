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
  // Years 1970–9999 written by hand (days → civil date, H. Hinnant); Date for the rest.
  if (!Number.isInteger(seconds) || seconds < 0 || seconds >= 253_402_300_800) {
    return new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');
  }
  const days = Math.floor(seconds / 86400);
  const secs = seconds - days * 86400;
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  const h = Math.floor(secs / 3600);
  const min = Math.floor((secs % 3600) / 60);
  return `${y}-${two(m)}-${two(d)}T${two(h)}:${two(min)}:${two(secs % 60)}Z`;
}

const two = (n: number) => (n < 10 ? `0${n}` : `${n}`);

/** Việt Nam time (UTC+7), the zone of every schedule and every date printed. */
export const VN_OFFSET_SECONDS = 25_200;
