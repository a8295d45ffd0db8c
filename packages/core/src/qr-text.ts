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
  const m = QR_TEXT.exec(trimWhiteSpace(text));
  if (!m) return null;
  return { origin: m[1] as string, digits: m[2] as string };
}
