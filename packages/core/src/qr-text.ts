import { bytesToDigits } from './digits.js';
import { trimWhiteSpace } from './text-rules.js';

/**
 * The QR text of spec §3 and the first check of §5. `.` matches any character but a
 * line break; \S is anything but Unicode White_Space.
 */
const QR_TEXT = /^([^\p{White_Space}]+)\/p1#(.*)$/u;

export const PATH_PREFIX = '/p1#';

export function buildQrText(origin: string, cose: Uint8Array): string {
  return `${origin}${PATH_PREFIX}${bytesToDigits(cose)}`;
}

/** Splits a scanned text into origin and digits, or null when it is not a permit QR. */
export function splitQrText(text: string): { origin: string; digits: string } | null {
  // Fast path, same answer as the regular expression: printable ASCII without spaces up to the
  // last "/p1#" and only ASCII digits after it leave nothing to trim and nothing to backtrack.
  const at = text.lastIndexOf(PATH_PREFIX);
  if (
    at > 0 &&
    at + PATH_PREFIX.length < text.length &&
    isPlainAscii(text, 0, at) &&
    digitsFrom(text, at + PATH_PREFIX.length)
  ) {
    return { origin: text.slice(0, at), digits: text.slice(at + PATH_PREFIX.length) };
  }
  const m = QR_TEXT.exec(trimWhiteSpace(text));
  if (!m) return null;
  return { origin: m[1] as string, digits: m[2] as string };
}

function isPlainAscii(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x21 || c > 0x7e) return false;
  }
  return true;
}

const DIGITS_TO_END = /[0-9]+$/y;

function digitsFrom(s: string, from: number): boolean {
  DIGITS_TO_END.lastIndex = from;
  return DIGITS_TO_END.test(s);
}
