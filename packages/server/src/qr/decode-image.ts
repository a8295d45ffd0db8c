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

/** QR codes only, valid ones only, the text as encoded (byte segments without ECI are read as UTF-8 when they are UTF-8). */
const READ: ReaderOptions = {
  formats: ['QRCode'],
  tryHarder: true,
  tryRotate: true,
  tryInvert: true,
  tryDownscale: true,
  textMode: 'Plain',
  maxNumberOfSymbols: 255,
};

/** A second pass for images where the first finds nothing: photographs with noise or blur. */
const READ_DENOISED: ReaderOptions = { ...READ, tryDenoise: true };

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
  await zxingReady();
  const image = {
    data: onWhite(rgba),
    width,
    height,
    colorSpace: 'srgb',
  } as ImageData;
  let found = await readBarcodes(image, READ);
  if (found.length === 0) found = await readBarcodes(image, READ_DENOISED);
  return readingOrder(found).map((r) => r.text);
}

/**
 * Decodes every QR code in a PNG or JPEG file (the type is read from the content, not the
 * name), in reading order; a path is relative to cwd. A missing file, or one that is not a
 * readable PNG or JPEG, is `image_unreadable`; an image without a QR code is ok([]).
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
  let pixels: { data: Uint8Array; width: number; height: number };
  try {
    pixels =
      kind === 'png'
        ? PNG.sync.read(bytes)
        : decodeJpeg(bytes, { useTArray: true, formatAsRGBA: true, tolerantDecoding: true });
  } catch (e) {
    return fail(
      'image_unreadable',
      `ảnh ${kind === 'png' ? 'PNG' : 'JPEG'} bị hỏng hoặc không đọc được: ${path}`,
      (e as Error).message,
    );
  }
  if (pixels.width < 1 || pixels.height < 1 || pixels.data.length !== pixels.width * pixels.height * 4) {
    return fail('image_unreadable', `ảnh không có điểm ảnh nào đọc được: ${path}`);
  }
  return ok(await decodeQrPixels(pixels.data, pixels.width, pixels.height));
}

/** PNG by its 8-byte signature, JPEG by its SOI marker followed by another marker. */
export function sniffImage(bytes: Uint8Array): 'png' | 'jpeg' | null {
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length >= 8 && png.every((b, i) => bytes[i] === b)) return 'png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
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
