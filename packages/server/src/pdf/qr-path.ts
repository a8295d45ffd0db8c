import type { QrMatrix } from '../qr/segments.js';

/** ASCII of 0…199 followed by a space, for writing coordinates without strings. */
const INT_BYTES: Uint8Array[] = Array.from({ length: 200 }, (_, i) => Buffer.from(`${i} `, 'latin1'));
const RE = Buffer.from('re\n', 'latin1');

/**
 * Writes the dark modules of a QR symbol as PDF path operators into `out` at `at`, returning
 * the new end; in module units: origin at the symbol's bottom-left corner (quiet zone
 * excluded), one unit per module. Each horizontal run of dark modules is a rectangle, and a
 * run repeated with the same columns on the rows below grows into a taller rectangle. The
 * caller fills the path once (`f`), so abutting rectangles leave no anti-aliasing seams, and
 * sets the transformation (`cm`) and colour. `out` needs `qrPathMaxBytes(size)` bytes free.
 */
export function writeQrPath(m: QrMatrix, out: Uint8Array, at: number): number {
  const { size, modules } = m;
  if (size > 199) throw new RangeError('mã QR quá lớn');
  // Open rectangles by start column: end column (0 = none), first row, last row seen.
  const openEnd = new Int32Array(size);
  const openTop = new Int32Array(size);
  const seen = new Int32Array(size).fill(-1);
  const starts = new Int32Array(size);
  let nStarts = 0;
  let p = at;
  const put = (n: number) => {
    const b = INT_BYTES[n] as Uint8Array;
    for (let i = 0; i < b.length; i++) out[p++] = b[i] as number;
  };
  const close = (x: number) => {
    const top = openTop[x] as number;
    const h = (seen[x] as number) - top + 1;
    // Row `top` (from the top) is y = size − 1 − top from the bottom; the rectangle grows down.
    put(x);
    put(size - top - h);
    put((openEnd[x] as number) - x);
    put(h);
    out[p++] = 0x72; // r
    out[p++] = 0x65; // e
    out[p++] = 0x0a;
    openEnd[x] = 0;
  };
  for (let y = 0; y < size; y++) {
    const row = y * size;
    let x = 0;
    while (x < size) {
      if (modules[row + x] === 0) {
        x++;
        continue;
      }
      const start = x;
      while (x < size && modules[row + x] === 1) x++;
      if (openEnd[start] === x && seen[start] === y - 1) {
        seen[start] = y;
        continue;
      }
      if (openEnd[start] !== 0) close(start);
      else starts[nStarts++] = start;
      openEnd[start] = x;
      openTop[start] = y;
      seen[start] = y;
    }
    // Close the rectangles that did not continue on this row.
    let keep = 0;
    for (let i = 0; i < nStarts; i++) {
      const st = starts[i] as number;
      if (seen[st] !== y) close(st);
      else starts[keep++] = st;
    }
    nStarts = keep;
  }
  for (let i = 0; i < nStarts; i++) close(starts[i] as number);
  return p;
}

/** An upper bound of the bytes `writeQrPath` writes for a symbol of `size` modules. */
export function qrPathMaxBytes(size: number): number {
  // At most ⌈size/2⌉ rectangles per row, each at most 4 × "NNN " + "re\n".
  return size * Math.ceil(size / 2) * (16 + RE.length);
}

/** The path operators of `writeQrPath` as a string (for tests and small documents). */
export function qrPathOps(m: QrMatrix): string {
  const buf = Buffer.allocUnsafe(qrPathMaxBytes(m.size));
  return buf.toString('latin1', 0, writeQrPath(m, buf, 0));
}

/**
 * Writes the samples of a QR symbol as a 1-bit image, one sample per module, rows from the
 * top, each row padded to a whole byte; a dark module is a 1 bit (draw it as an image mask
 * with /Decode [1 0]). Returns the new end; needs `qrImageMaxBytes(size)` bytes free.
 */
export function writeQrImageBits(m: QrMatrix, out: Uint8Array, at: number): number {
  const { size, modules } = m;
  let p = at;
  const full = size >> 3;
  const rest = size & 7;
  for (let y = 0; y < size; y++) {
    let i = y * size;
    for (let b = 0; b < full; b++, i += 8) {
      out[p++] =
        ((modules[i] as number) << 7) |
        ((modules[i + 1] as number) << 6) |
        ((modules[i + 2] as number) << 5) |
        ((modules[i + 3] as number) << 4) |
        ((modules[i + 4] as number) << 3) |
        ((modules[i + 5] as number) << 2) |
        ((modules[i + 6] as number) << 1) |
        (modules[i + 7] as number);
    }
    if (rest > 0) {
      let byte = 0;
      for (let k = 0; k < rest; k++) byte |= (modules[i + k] as number) << (7 - k);
      out[p++] = byte;
    }
  }
  return p;
}

/** The bytes `writeQrImageBits` writes. */
export function qrImageMaxBytes(size: number): number {
  return size * ((size + 7) >> 3);
}
