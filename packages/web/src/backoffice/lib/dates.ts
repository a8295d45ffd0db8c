/** Calendar days as the API sends them (`YYYY-MM-DD`) and as people read them (dd/mm/yyyy). */

/** `2021-08-15` → `15/08/2021` (no time zone involved). */
export function formatDay(ymd: string | null | undefined): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(ymd ?? '');
  return m ? `${m[3]}/${m[2]}/${m[1]}` : '';
}

/** Today in Việt Nam as `YYYY-MM-DD`. */
export function todayYmd(now = Date.now()): string {
  return new Date(now + 7 * 3600_000).toISOString().slice(0, 10);
}

export function addDays(ymd: string, days: number): string {
  const d = new Date(`${ymd}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The start of a `YYYY-MM-DD` day in Việt Nam, as ISO (for time filters). */
export function vnDayStartIso(ymd: string): string {
  return new Date(Date.parse(`${ymd}T00:00:00+07:00`)).toISOString();
}
