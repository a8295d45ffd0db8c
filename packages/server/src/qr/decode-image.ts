import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { fail, ok, type Result } from '@thonghanh/core';
import { decode as decodeJpeg } from 'jpeg-js';
import { PNG } from 'pngjs';
import { prepareZXingModule, type ReaderOptions, type ReadResult, readBarcodes } from 'zxing-wasm/reader';

const require = createRequire(import.meta.url);

let ready: Promise<unknown> | undefined;

/**
 * Loads the zxing reader once per process, its wasm read from node_modules: the package's
 * default fetches it from a CDN, which fails offline.
 */
function zxingReady(): Promise<unknown> {
  ready ??= prepareZXingModule({
    overrides: { wasmBinary: readFileSync(require.resolve('zxing-wasm/reader/zxing_reader.wasm')) },
    fireImmediately: true,
  }).catch((e: unknown) => {
    ready = undefined; // let a later call try again
    throw e;
  });
  return ready;
}

/**
 * QR codes only; the text as encoded (`Plain`: byte segments without ECI are read as UTF-8
 * when they are UTF-8). tryHarder, tryRotate, tryInvert and tryDownscale are zxing's defaults,
 * spelled out because photographs need them.
 */
const READ: ReaderOptions = {
  formats: ['QRCode'],
  tryHarder: true,
  tryRotate: true,
  tryInvert: true,
  tryDownscale: true,
  textMode: 'Plain',
  maxNumberOfSymbols: 255,
};

/** For images where a plain read finds nothing: photographs with noise or blur. */
const READ_DENOISED: ReaderOptions = { ...READ, tryDenoise: true };

/**
 * Images up to this side are also read enlarged 2× and smoothed when nothing else finds a code:
 * zxing misses small blurred and noisy modules (about 4 px) that it reads once enlarged.
 */
const ENLARGE_MAX_SIDE = 1600;

/** Larger images are refused before decoding (a 50 MP image is 200 MB of RGBA): phone photos are 12–48 MP. */
export const MAX_IMAGE_PIXELS = 50_000_000;

/**
 * Decodes every QR code in RGBA pixels (row-major, 4 bytes a pixel, as in ImageData), in
 * reading order: rows from the top, left to right within a row. Transparent pixels count as
 * white. An image without a QR code gives []. Throws RangeError when the buffer does not
 * hold width × height pixels.
 */
export async function decodeQrPixels(
  rgba: Uint8Array | Uint8ClampedArray,
  width: number,
  height: number,
): Promise<string[]> {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new RangeError(`kích thước ảnh không hợp lệ: ${width}×${height}`);
  }
  if (rgba.length !== width * height * 4) {
    throw new RangeError(`ảnh ${width}×${height} cần ${width * height * 4} byte RGBA, nhận ${rgba.length}`);
  }
  return texts(await readPixels(rgba, width, height, true));
}

/** All passes over pixels, the first (plain) one only when `first`. */
async function readPixels(
  rgba: Uint8Array | Uint8ClampedArray,
  width: number,
  height: number,
  first: boolean,
): Promise<ReadResult[]> {
  await zxingReady();
  const image = { data: onWhite(rgba), width, height, colorSpace: 'srgb' } as ImageData;
  let found = first ? valid(await readBarcodes(image, READ)) : [];
  if (found.length === 0) found = valid(await readBarcodes(image, READ_DENOISED));
  if (found.length === 0 && Math.max(width, height) <= ENLARGE_MAX_SIDE) {
    found = valid(await readBarcodes(enlargeSmoothed(image.data, width, height), READ));
  }
  return found;
}

/**
 * Decodes every QR code in a PNG or JPEG file (the type is read from the content, not the
 * name), in reading order; a path is relative to cwd. A missing file, or one that is not a
 * readable PNG or JPEG, is `image_unreadable`; an image without a QR code is ok([]).
 *
 * Opaque images go to zxing's own image decoder first (in the wasm: a 12 MP JPEG takes about
 * 0.6 s there against 4 s in jpeg-js); they are decoded in JS (jpeg-js, pngjs) only when zxing
 * cannot load them, when they are small enough for the enlarged pass, or when they have
 * transparency to put on white.
 */
export async function decodeQrImage(path: string, cwd: string): Promise<Result<string[], 'image_unreadable'>> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(resolve(cwd, path));
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'không có tệp' : 'không đọc được tệp';
    return fail('image_unreadable', `${why} ảnh: ${path}`);
  }
  const kind = sniffImage(bytes);
  if (kind === null) {
    return fail('image_unreadable', `tệp ${path} không phải ảnh PNG hoặc JPEG`);
  }
  const size = kind === 'png' ? pngSize(bytes) : jpegSize(bytes);
  if (size !== null && size.width * size.height > MAX_IMAGE_PIXELS) {
    return fail(
      'image_unreadable',
      `ảnh quá lớn (${size.width}×${size.height} điểm ảnh, tối đa ${MAX_IMAGE_PIXELS / 1e6} triệu): ${path}`,
    );
  }
  let loadedByZxing = false;
  if (!(kind === 'png' && pngHasAlpha(bytes))) {
    await zxingReady();
    const results = await readBarcodes(bytes, READ);
    // zxing reports an image it cannot load as one invalid result (invalid codes are otherwise left out)
    loadedByZxing = results.every((r) => r.isValid);
    const found = valid(results);
    if (found.length > 0) return ok(texts(found));
    if (loadedByZxing && (size === null || Math.max(size.width, size.height) > ENLARGE_MAX_SIDE)) {
      return ok(texts(valid(await readBarcodes(bytes, READ_DENOISED))));
    }
  }
  let pixels: { data: Uint8Array; width: number; height: number };
  try {
    pixels =
      kind === 'png'
        ? PNG.sync.read(bytes)
        : decodeJpeg(bytes, { useTArray: true, formatAsRGBA: true, tolerantDecoding: true });
    if (pixels.width < 1 || pixels.height < 1 || pixels.data.length !== pixels.width * pixels.height * 4) {
      throw new Error(`${pixels.width}×${pixels.height}, ${pixels.data.length} byte`);
    }
  } catch (e) {
    if (loadedByZxing) return ok([]); // zxing read it and found nothing; only the extra passes are lost
    return fail(
      'image_unreadable',
      `ảnh ${kind === 'png' ? 'PNG' : 'JPEG'} bị hỏng hoặc không đọc được: ${path}`,
      (e as Error).message,
    );
  }
  return ok(texts(await readPixels(pixels.data, pixels.width, pixels.height, !loadedByZxing)));
}

/** PNG by its 8-byte signature, JPEG by its SOI marker followed by another marker. */
export function sniffImage(bytes: Uint8Array): 'png' | 'jpeg' | null {
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length >= 8 && png.every((b, i) => bytes[i] === b)) return 'png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  return null;
}

const valid = (results: ReadResult[]) => results.filter((r) => r.isValid);
const texts = (results: ReadResult[]) => readingOrder(results).map((r) => r.text);

const u32 = (b: Uint8Array, i: number) =>
  (((b[i] as number) << 24) | ((b[i + 1] as number) << 16) | ((b[i + 2] as number) << 8) | (b[i + 3] as number)) >>> 0;
const u16 = (b: Uint8Array, i: number) => ((b[i] as number) << 8) | (b[i + 1] as number);
const ascii = (b: Uint8Array, i: number, n: number) => String.fromCharCode(...b.subarray(i, i + n));

/** Width and height from the IHDR chunk, which must come first. */
function pngSize(b: Uint8Array): { width: number; height: number } | null {
  if (b.length < 24 || ascii(b, 12, 4) !== 'IHDR') return null;
  return { width: u32(b, 16), height: u32(b, 20) };
}

/** Whether a PNG can hold transparency: a colour type with alpha, or a tRNS chunk before the image data. */
function pngHasAlpha(b: Uint8Array): boolean {
  const colorType = b[25];
  if (colorType === 4 || colorType === 6) return true;
  for (let i = 8; i + 8 <= b.length; ) {
    const type = ascii(b, i + 4, 4);
    if (type === 'tRNS') return true;
    if (type === 'IDAT' || type === 'IEND') return false;
    i += 12 + u32(b, i);
  }
  return false;
}

/** Width and height from the first start-of-frame marker, before the scan starts. */
function jpegSize(b: Uint8Array): { width: number; height: number } | null {
  let i = 2;
  while (i + 9 <= b.length) {
    if (b[i] !== 0xff) return null;
    const marker = b[i + 1] as number;
    if (marker === 0xff) {
      i++; // fill byte
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) {
      i += 2; // markers without a length
      continue;
    }
    if (marker === 0xda || marker === 0xd9) return null;
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: u16(b, i + 5), width: u16(b, i + 7) };
    }
    i += 2 + u16(b, i + 2);
  }
  return null;
}

/** RGBA as zxing reads it (luminance of R, G, B; alpha ignored): composites onto white when needed. */
function onWhite(rgba: Uint8Array | Uint8ClampedArray): Uint8ClampedArray {
  let opaque = true;
  for (let i = 3; i < rgba.length; i += 4) {
    if (rgba[i] !== 255) {
      opaque = false;
      break;
    }
  }
  if (opaque) return new Uint8ClampedArray(rgba.buffer, rgba.byteOffset, rgba.length);
  const out = new Uint8ClampedArray(rgba.length);
  for (let i = 0; i < rgba.length; i += 4) {
    const a = rgba[i + 3] as number;
    const white = 255 * (255 - a);
    out[i] = ((rgba[i] as number) * a + white) / 255;
    out[i + 1] = ((rgba[i + 1] as number) * a + white) / 255;
    out[i + 2] = ((rgba[i + 2] as number) * a + white) / 255;
    out[i + 3] = 255;
  }
  return out;
}

/**
 * The luminance of an opaque RGBA image (zxing's weights), enlarged 2× bilinearly and
 * smoothed by a 3×3 box filter, as gray RGBA.
 */
function enlargeSmoothed(rgba: Uint8ClampedArray, width: number, height: number): ImageData {
  const gray = new Float32Array(width * height);
  for (let i = 0; i < gray.length; i++) {
    gray[i] =
      (306 * (rgba[4 * i] as number) + 601 * (rgba[4 * i + 1] as number) + 117 * (rgba[4 * i + 2] as number)) / 1024;
  }
  const w2 = width * 2;
  const h2 = height * 2;
  // Enlarging 2× with pixel centres aligned: a target pixel is 3/4 its nearest source pixel and 1/4 the next one out.
  const wide = new Float32Array(w2 * height);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) {
      const c = gray[row + x] as number;
      const l = gray[row + Math.max(0, x - 1)] as number;
      const r = gray[row + Math.min(width - 1, x + 1)] as number;
      wide[y * w2 + 2 * x] = 0.75 * c + 0.25 * l;
      wide[y * w2 + 2 * x + 1] = 0.75 * c + 0.25 * r;
    }
  }
  const big = new Float32Array(w2 * h2);
  for (let y = 0; y < height; y++) {
    const up = Math.max(0, y - 1) * w2;
    const down = Math.min(height - 1, y + 1) * w2;
    const row = y * w2;
    for (let x = 0; x < w2; x++) {
      const c = wide[row + x] as number;
      big[2 * y * w2 + x] = 0.75 * c + 0.25 * (wide[up + x] as number);
      big[(2 * y + 1) * w2 + x] = 0.75 * c + 0.25 * (wide[down + x] as number);
    }
  }
  // 3×3 box: rows, then columns.
  const across = new Float32Array(w2 * h2);
  for (let y = 0; y < h2; y++) {
    const row = y * w2;
    for (let x = 0; x < w2; x++) {
      across[row + x] =
        (big[row + Math.max(0, x - 1)] as number) +
        (big[row + x] as number) +
        (big[row + Math.min(w2 - 1, x + 1)] as number);
    }
  }
  const data = new Uint8ClampedArray(w2 * h2 * 4);
  for (let y = 0; y < h2; y++) {
    const up = Math.max(0, y - 1) * w2;
    const row = y * w2;
    const down = Math.min(h2 - 1, y + 1) * w2;
    for (let x = 0; x < w2; x++) {
      const v = ((across[up + x] as number) + (across[row + x] as number) + (across[down + x] as number)) / 9;
      const o = (row + x) * 4;
      data[o] = v;
      data[o + 1] = v;
      data[o + 2] = v;
      data[o + 3] = 255;
    }
  }
  return { data, width: w2, height: h2, colorSpace: 'srgb' } as ImageData;
}

interface Box {
  result: ReadResult;
  left: number;
  top: number;
  bottom: number;
  midY: number;
}

/** Rows from the top (a code whose middle lies within a row's first code joins that row), left to right. */
function readingOrder(results: ReadResult[]): ReadResult[] {
  const boxes: Box[] = results.map((result) => {
    const { topLeft, topRight, bottomLeft, bottomRight } = result.position;
    const xs = [topLeft.x, topRight.x, bottomLeft.x, bottomRight.x];
    const ys = [topLeft.y, topRight.y, bottomLeft.y, bottomRight.y];
    const top = Math.min(...ys);
    const bottom = Math.max(...ys);
    return { result, left: Math.min(...xs), top, bottom, midY: (top + bottom) / 2 };
  });
  boxes.sort((a, b) => a.top - b.top || a.left - b.left);
  const ordered: ReadResult[] = [];
  let i = 0;
  while (i < boxes.length) {
    const first = boxes[i] as Box;
    let j = i + 1;
    while (j < boxes.length && (boxes[j] as Box).midY <= first.bottom) j++;
    ordered.push(
      ...boxes
        .slice(i, j)
        .sort((a, b) => a.left - b.left)
        .map((b) => b.result),
    );
    i = j;
  }
  return ordered;
}
