/**
 * The digit codec of spec §3: bytes in groups of 7, each written as exactly 17 decimal
 * digits; a last group of k bytes (1 ≤ k ≤ 6) as 3, 5, 8, 10, 13 or 15 digits. Numeric
 * mode packs 10 bits per 3 digits, so this costs less QR space than base64 in byte mode.
 */

/** Digits used for a group of k bytes, k = 1…7. */
const DIGITS_FOR_BYTES = [0, 3, 5, 8, 10, 13, 15, 17] as const;
/** Bytes held by a last group of d digits (d < 17); 0 where d is not allowed. */
const BYTES_FOR_DIGITS = new Int8Array(17);
for (let k = 1; k <= 6; k++) BYTES_FOR_DIGITS[DIGITS_FOR_BYTES[k] as number] = k;

export function bytesToDigits(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 7 <= bytes.length; i += 7) {
    // Split the 56-bit group into 24 + 32 bits so plain numbers stay exact.
    const hi = ((bytes[i] as number) << 16) | ((bytes[i + 1] as number) << 8) | (bytes[i + 2] as number);
    const lo =
      (((bytes[i + 3] as number) << 24) >>> 0) +
      ((bytes[i + 4] as number) << 16) +
      ((bytes[i + 5] as number) << 8) +
      (bytes[i + 6] as number);
    out += (BigInt(hi) * 0x100000000n + BigInt(lo)).toString().padStart(17, '0');
  }
  const k = bytes.length - i;
  if (k > 0) {
    let v = 0;
    for (let j = 0; j < k; j++) v = v * 256 + (bytes[i + j] as number);
    out += v.toString().padStart(DIGITS_FOR_BYTES[k] as number, '0');
  }
  return out;
}

/** Decodes the digits; null when they break §3 (non-digit, bad last length, group too large). */
export function digitsToBytes(digits: string): Uint8Array | null {
  const len = digits.length;
  if (len === 0) return null;
  const full = Math.floor(len / 17);
  const restDigits = len - full * 17;
  const restBytes = restDigits === 0 ? 0 : (BYTES_FOR_DIGITS[restDigits] as number);
  if (restDigits !== 0 && restBytes === 0) return null;
  const out = new Uint8Array(full * 7 + restBytes);
  let o = 0;
  let p = 0;
  for (let g = 0; g < full; g++, p += 17) {
    // value = a·10^8 + b = (a·390625)·2^8 + b with a < 10^9, b < 10^8: m = a·390625 < 2^49 is exact.
    const a = readDecimal(digits, p, 9);
    const b = readDecimal(digits, p + 9, 8);
    if (a < 0 || b < 0) return null;
    const m = a * 390625;
    const mh = Math.floor(m / 16777216); // m = mh·2^24 + ml
    const t = (m - mh * 16777216) * 256 + b; // < 2^33
    const hi = mh + (t >= 4294967296 ? 1 : 0);
    if (hi >= 0x1000000) return null;
    const lo = t >>> 0;
    out[o++] = hi >>> 16;
    out[o++] = (hi >>> 8) & 0xff;
    out[o++] = hi & 0xff;
    out[o++] = lo >>> 24;
    out[o++] = (lo >>> 16) & 0xff;
    out[o++] = (lo >>> 8) & 0xff;
    out[o++] = lo & 0xff;
  }
  if (restBytes > 0) {
    let v = readDecimal(digits, p, restDigits);
    if (v < 0 || v >= 2 ** (8 * restBytes)) return null;
    for (let j = restBytes - 1; j >= 0; j--) {
      out[o + j] = v % 256;
      v = Math.floor(v / 256);
    }
  }
  return out;
}

/** Reads n ASCII digits at p as a number; -1 on any other character. */
function readDecimal(s: string, p: number, n: number): number {
  let v = 0;
  for (let i = p; i < p + n; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}
