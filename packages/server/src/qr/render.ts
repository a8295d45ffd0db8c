import { promisify } from 'node:util';
import { crc32, deflate } from 'node:zlib';
import { type QrMatrix, QUIET_ZONE, qrMatrix } from './segments.js';

const deflateAsync = promisify(deflate);

/** Pixels per module of a PNG when no scale is given. */
export const DEFAULT_PNG_SCALE = 8;
/** Largest accepted PNG scale (a V40 code is then 18,500 px wide). */
export const MAX_PNG_SCALE = 100;

export interface PngOptions {
  /** Pixels per module, an integer 1–100; default 8. */
  scale?: number;
}

/**
 * Renders a text as a QR code PNG (segments and level M of spec §3, 4-module quiet zone):
 * 1-bit grayscale, black on white, `scale` pixels per module.
 * Throws QrCapacityError (segments.ts) for an empty or too long text, RangeError for a bad scale.
 */
export async function renderQrPng(text: string, opts: PngOptions = {}): Promise<Uint8Array> {
  const scale = opts.scale ?? DEFAULT_PNG_SCALE;
  if (!Number.isInteger(scale) || scale < 1 || scale > MAX_PNG_SCALE) {
    throw new RangeError(`tỉ lệ phải là số nguyên từ 1 đến ${MAX_PNG_SCALE} điểm ảnh mỗi ô`);
  }
  return encodePng1Bit(qrMatrix(text), scale);
}

/**
 * Renders a text as a QR code SVG: white background, then one path whose horizontal strokes
 * draw the dark modules. The viewBox counts modules, quiet zone included.
 */
export function renderQrSvg(text: string): string {
  const { size, modules } = qrMatrix(text);
  const full = size + 2 * QUIET_ZONE;
  let d = '';
  for (let y = 0; y < size; y++) {
    let penX = -1; // x where the previous stroke of this row ended; -1 before the first
    let x = 0;
    while (x < size) {
      if (!modules[y * size + x]) {
        x++;
        continue;
      }
      const start = x;
      while (x < size && modules[y * size + x]) x++;
      d += penX < 0 ? `M${start + QUIET_ZONE} ${y + QUIET_ZONE}.5` : `m${start - penX} 0`;
      d += `h${x - start}`;
      penX = x;
    }
  }
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${full} ${full}" shape-rendering="crispEdges">` +
    `<rect width="${full}" height="${full}" fill="#fff"/>` +
    `<path stroke="#000" d="${d}"/></svg>\n`
  );
}

const PNG_SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);

async function encodePng1Bit({ size, modules }: QrMatrix, scale: number): Promise<Uint8Array> {
  const px = (size + 2 * QUIET_ZONE) * scale;
  const rowBytes = 1 + Math.ceil(px / 8); // filter byte 0 (None), then 8 pixels per byte
  const raw = new Uint8Array(rowBytes * px);
  const row = new Uint8Array(rowBytes);
  for (let my = -QUIET_ZONE; my < size + QUIET_ZONE; my++) {
    row.fill(0xff); // white (1) everywhere, padding bits included
    row[0] = 0;
    if (my >= 0 && my < size) {
      for (let mx = 0; mx < size; mx++) {
        if (!modules[my * size + mx]) continue;
        const x0 = (mx + QUIET_ZONE) * scale;
        for (let x = x0; x < x0 + scale; x++) row[1 + (x >> 3)] = (row[1 + (x >> 3)] as number) & ~(0x80 >> (x & 7));
      }
    }
    const y0 = (my + QUIET_ZONE) * scale;
    for (let y = y0; y < y0 + scale; y++) raw.set(row, y * rowBytes);
  }
  const ihdr = new Uint8Array(13);
  const view = new DataView(ihdr.buffer);
  view.setUint32(0, px);
  view.setUint32(4, px);
  ihdr[8] = 1; // bit depth
  ihdr[9] = 0; // grayscale
  const idat = await deflateAsync(raw, { level: 9 });
  return concat([PNG_SIGNATURE, chunk('IHDR', ihdr), chunk('IDAT', idat), chunk('IEND', new Uint8Array(0))]);
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
