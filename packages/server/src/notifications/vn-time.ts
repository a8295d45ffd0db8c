const VN_OFFSET_MS = 7 * 3_600_000;

const pad = (n: number) => String(n).padStart(2, '0');

/** `dd/mm/yyyy HH:MM` in Việt Nam time (UTC+7), as every screen and e-mail writes it. */
export function vnDateTime(at: string | Date): string {
  const d = new Date(new Date(at).getTime() + VN_OFFSET_MS);
  return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** `YYYY-MM-DD` → `dd/mm/yyyy`. */
export function vnDate(isoDate: string): string {
  const [y, m, d] = isoDate.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

/** The calendar date in Việt Nam, `YYYY-MM-DD`. */
export function vnToday(now: Date): string {
  return new Date(now.getTime() + VN_OFFSET_MS).toISOString().slice(0, 10);
}

/** A unit's name as written after "UBND": `Phường Đức Giang` → `phường Đức Giang`. */
export const afterUbnd = (unitName: string): string => unitName.charAt(0).toLowerCase() + unitName.slice(1);
