import { fail, nameSearchKey, ok, type Result } from '@thonghanh/core';

/**
 * Readers of the values people type in a staff list: dates dd/mm/yyyy, times HH:MM,
 * weekdays in Vietnamese (T2-T7, Thứ Hai - Thứ Sáu, CN, Hằng ngày) and ward codes.
 * Each answers the normalised value or a code with a Vietnamese message saying what to write.
 */

export function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** `YYYY-MM-DD` → `dd/mm/yyyy`, as dates are written on every screen. */
export function displayDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/** A date typed as dd/mm/yyyy (also d/m/yyyy, with - or . between, or ISO yyyy-mm-dd) → `YYYY-MM-DD`. */
export function parseDateText(text: string): Result<string, 'date_format' | 'date_invalid'> {
  const t = text.trim();
  let m = /^([0-9]{1,2})\s*[/.-]\s*([0-9]{1,2})\s*[/.-]\s*([0-9]{4})$/.exec(t);
  let parts: [number, number, number] | null = m ? [Number(m[3]), Number(m[2]), Number(m[1])] : null;
  if (!parts) {
    m = /^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})$/.exec(t);
    if (m) parts = [Number(m[1]), Number(m[2]), Number(m[3])];
  }
  if (!parts) {
    if (/^[0-9]{1,2}\s*[/.-]\s*[0-9]{1,2}\s*[/.-]\s*[0-9]{2}$/.test(t)) {
      return fail('date_format', `Ngày sinh "${t}" thiếu năm đủ 4 chữ số: viết dd/mm/yyyy, ví dụ 05/09/1990.`);
    }
    return fail('date_format', `Ngày sinh "${clip(t)}" không đúng dạng dd/mm/yyyy, ví dụ 05/09/1990.`);
  }
  const [y, mo, d] = parts;
  if (!isCalendarDate(y, mo, d)) {
    return fail('date_invalid', `Ngày ${pad2(d)}/${pad2(mo)}/${y} không có trong lịch: kiểm tra lại ngày và tháng.`);
  }
  return ok(`${y}-${pad2(mo)}-${pad2(d)}`);
}

const TIME_MESSAGE = 'Giờ phải viết dạng 24 giờ HH:MM, ví dụ 07:30 hoặc 17:00.';

function hhmm(hours: number, minutes: number): Result<string, 'time_format'> {
  if (hours > 24 || minutes > 59 || (hours === 24 && minutes !== 0)) return fail('time_format', TIME_MESSAGE);
  return ok(`${pad2(hours)}:${pad2(minutes)}`);
}

/** A time of day typed as 07:30, 7:30, 7h30, 7g, 17.30, 7 giờ, 07:30:00 or 5:30 CH → `HH:MM` (24:00 allowed). */
export function parseTimeText(text: string): Result<string, 'time_format'> {
  const t = text.trim().normalize('NFC').toLowerCase();
  const m =
    /^([0-9]{1,2})(?:\s*(?::|h|g|giờ|\.)\s*(?:([0-9]{2})(?::00)?)?)?\s*(?:phút|p)?\s*(sa|ch|am|pm|sáng|chiều|tối)?$/u.exec(
      t,
    );
  if (!m) return fail('time_format', `"${clip(text.trim())}" không phải giờ. ${TIME_MESSAGE}`);
  let hours = Number(m[1]);
  const minutes = m[2] === undefined ? 0 : Number(m[2]);
  const half = m[3];
  if (half !== undefined) {
    if (hours < 1 || hours > 12) return fail('time_format', TIME_MESSAGE);
    const pm = half === 'ch' || half === 'pm' || half === 'chiều' || half === 'tối';
    hours = (hours % 12) + (pm ? 12 : 0);
  }
  return hhmm(hours, minutes);
}

/** A time from a number cell: a fraction of a day (0.3125 = 07:30) or a whole hour (7 = 07:00). */
export function timeFromNumber(value: number): Result<string, 'time_format'> {
  if (Number.isInteger(value) && value >= 0 && value <= 24) return hhmm(value, 0);
  if (value > 0 && value < 1) {
    const minutes = Math.round(value * 1440);
    return hhmm(Math.floor(minutes / 60), minutes % 60);
  }
  return fail('time_format', TIME_MESSAGE);
}

const DAYS_MESSAGE = 'Viết như T2-T7, T2,T4,T6, Thứ Hai - Thứ Sáu, CN hoặc Hằng ngày.';
const WEEKDAY_WORD: Record<string, string> = { hai: '2', ba: '3', tu: '4', nam: '5', sau: '6', bay: '7' };

/**
 * The working days of a week typed in Vietnamese → 1 (Monday) … 7 (Sunday), sorted:
 * T2 … T7 and CN, "Thứ Hai" … "Thứ Bảy", "Thứ 2", "Chủ nhật", with or without diacritics;
 * ranges with "-" or "đến" (T2-T6, T7-T2 wraps past Sunday), lists with "," ";" "/" "và" or
 * spaces; "Hằng ngày" / "Hàng ngày" / "Cả tuần" for every day.
 */
export function parseDays(text: string): Result<number[], 'schedule_days'> {
  const bad = () => fail('schedule_days', `Không hiểu ngày làm việc "${clip(text.trim())}". ${DAYS_MESSAGE}`);
  let t = nameSearchKey(text);
  if (/^(?:hang ngay|moi ngay|ca tuan|tat ca cac ngay|ca tuan lam viec|7 ngay trong tuan)$/.test(t)) {
    return ok([1, 2, 3, 4, 5, 6, 7]);
  }
  t = t
    .replace(/\bthu\s*(hai|ba|tu|nam|sau|bay)\b/g, (_, w: string) => ` t${WEEKDAY_WORD[w]} `)
    .replace(/\b(?:thu|th)\s*\.?\s*([2-7])\b/g, ' t$1 ')
    .replace(/\bchu\s*nhat\b/g, ' cn ')
    .replace(/\bt\s*\.?\s*([2-7])\b/g, ' t$1 ')
    .replace(/->|=>|[-–—~]|\bden\b/g, ' - ')
    .replace(/[,;/&+]|\bva\b/g, ' , ')
    .replace(/^\s*tu\b/, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (t === '') return bad();
  const tokens = t.split(' ');
  const days = new Set<number>();
  const dayOf = (token: string | undefined): number | null => {
    if (token === 'cn') return 7;
    const m = /^t?([2-7])$/.exec(token ?? '');
    return m ? Number(m[1]) - 1 : null;
  };
  let i = 0;
  while (i < tokens.length) {
    if (tokens[i] === ',') {
      i++;
      continue;
    }
    const from = dayOf(tokens[i]);
    if (from === null) return bad();
    if (tokens[i + 1] === '-') {
      const to = dayOf(tokens[i + 2]);
      if (to === null) return bad();
      for (let d = from, n = 0; n < 7; d = (d % 7) + 1, n++) {
        days.add(d);
        if (d === to) break;
      }
      i += 3;
    } else {
      days.add(from);
      i++;
    }
  }
  return ok([...days].sort((a, b) => a - b));
}

/** Ward codes separated by commas, semicolons or spaces, each five digits; duplicates dropped. */
export function parseWardCodes(text: string): Result<string[], 'ward_code'> {
  const tokens = text.split(/[\p{White_Space},;]+/u).filter((s) => s !== '');
  const bad = tokens.filter((s) => !/^[0-9]{5}$/.test(s));
  if (bad.length > 0) {
    return fail(
      'ward_code',
      `Mã phường/xã phải gồm đúng 5 chữ số, ví dụ 00124; không hợp lệ: ${bad
        .slice(0, 5)
        .map((s) => clip(s))
        .join(', ')}.`,
    );
  }
  return ok([...new Set(tokens)]);
}

/** Unicode White_Space runs → one space, NFC, trimmed; zero-width spaces and stray BOMs dropped. */
export function cleanText(text: string): string {
  let t = text.normalize('NFC');
  if (INVISIBLE.test(t)) t = t.replace(INVISIBLE_ALL, '');
  if (UNTIDY_SPACE.test(t)) t = t.replace(WHITE_SPACE_RUN, ' ').trim();
  return t;
}

const INVISIBLE = /[\u200B\uFEFF]/;
const INVISIBLE_ALL = /[\u200B\uFEFF]/g;
const WHITE_SPACE_RUN = /\p{White_Space}+/gu;
/** White space that is not one plain space between two other characters. */
const UNTIDY_SPACE = /(?! )\p{White_Space}|\p{White_Space}{2}|^\p{White_Space}|\p{White_Space}$/u;

/** Nothing but white space and invisible characters. */
export function isBlankText(text: string): boolean {
  return /^[\p{White_Space}\u200B\uFEFF]*$/u.test(text);
}

/** Characters refused in any text: markup brackets, control characters, bidirectional overrides. */
export const FORBIDDEN_CHARACTERS = /[<>\p{Cc}\u202A-\u202E\u2066-\u2069]/u;

/**
 * Text that a spreadsheet would run as a formula when the list is exported or opened again
 * (CSV injection): it starts with = or @, or with + or - followed by more than a number.
 */
export function looksLikeFormula(text: string): boolean {
  const t = text.trimStart();
  if (/^[=@]/.test(t)) return true;
  return /^[+-]/.test(t) && !/^[+-][0-9\s.,:/()+-]*$/.test(t);
}

/**
 * A user's text quoted in a message: shortened, on one line, without control characters,
 * and with < > shown as ‹ › so a message never carries markup.
 */
export function clip(text: string, max = 40): string {
  const t = text
    .replace(/\p{White_Space}+/gu, ' ')
    .replace(/\p{Cc}/gu, '')
    .replace(/</g, '‹')
    .replace(/>/g, '›');
  const chars = [...t];
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : t;
}
