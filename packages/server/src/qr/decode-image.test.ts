import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixture } from '../../test/support/permit-fixtures.js';
import {
  addNoise,
  blank,
  boxBlur,
  encodeJpeg,
  keystone,
  paste,
  type Rgba,
  readPng,
  rotate,
  unevenLight,
  writePng,
} from '../../test/support/qr-images.js';
import { decodeQrImage, decodeQrPixels, sniffImage } from './decode-image.js';
import { renderQrPng } from './render.js';

const reference = fixture('reference-permit');
const dir = mkdtempSync(join(tmpdir(), 'thonghanh-qr-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, bytes: Uint8Array | string): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

/** The reference permit as a phone might photograph it: tilted, keystoned, blurred, unevenly lit, noisy, JPEG. */
function photograph(img: Rgba, degrees: number, blur: number, noise: number): Uint8Array {
  let out = rotate(img, degrees);
  out = keystone(out, 0.85, 1.1);
  out = boxBlur(out, blur);
  out = unevenLight(out, 50, 215, 60);
  out = addNoise(out, noise, 2021);
  return encodeJpeg(out, 60);
}

describe('decodeQrImage', () => {
  it('reads a rendered PNG back to exactly the permit text', async () => {
    const path = file('permit.png', await renderQrPng(reference.text));
    expect(await decodeQrImage(path, '/')).toEqual({ ok: true, value: [reference.text] });
  });

  it('resolves a relative path against cwd', async () => {
    file('relative.png', await renderQrPng(reference.text, { scale: 4 }));
    expect(await decodeQrImage('relative.png', dir)).toEqual({ ok: true, value: [reference.text] });
  });

  it.each([7, 23])('reads a photographed-looking JPEG rotated by %s°', async (degrees) => {
    const png = readPng(await renderQrPng(reference.text, { scale: 5 }));
    const path = file(`photo-${degrees}.jpg`, photograph(png, degrees, 2, 12));
    expect(await decodeQrImage(path, dir)).toEqual({ ok: true, value: [reference.text] });
  });

  it('reads a small, blurred and noisy photo (modules ≈ 4 px) that only the enlarged pass reads', async () => {
    const png = readPng(await renderQrPng(reference.text, { scale: 4 }));
    const path = file('small-photo.jpg', photograph(png, 7, 2, 25));
    expect(await decodeQrImage(path, dir)).toEqual({ ok: true, value: [reference.text] });
  });

  it('sniffs the type from the content, not the file name', async () => {
    const png = await renderQrPng(reference.text, { scale: 4 });
    const jpeg = encodeJpeg(readPng(png), 80);
    expect(await decodeQrImage(file('actually-png.jpg', png), dir)).toEqual({ ok: true, value: [reference.text] });
    expect(await decodeQrImage(file('actually-jpeg.png', jpeg), dir)).toEqual({ ok: true, value: [reference.text] });
  });

  it('refuses a text file named .png as image_unreadable, in Vietnamese', async () => {
    const path = file('not-an-image.png', 'https://giaydiduong.longbien.example/p1#123\n');
    const result = await decodeQrImage(path, dir);
    expect(result).toMatchObject({ ok: false, code: 'image_unreadable' });
    expect(!result.ok && result.message).toMatch(/không phải ảnh PNG hoặc JPEG/);
  });

  it('refuses a missing file as image_unreadable', async () => {
    const result = await decodeQrImage('no-such-file.png', dir);
    expect(result).toMatchObject({ ok: false, code: 'image_unreadable' });
    expect(!result.ok && result.message).toMatch(/không có tệp ảnh: no-such-file\.png/);
  });

  it('refuses a directory as image_unreadable', async () => {
    mkdirSync(join(dir, 'folder.png'));
    expect(await decodeQrImage('folder.png', dir)).toMatchObject({ ok: false, code: 'image_unreadable' });
  });

  it('refuses a truncated PNG as image_unreadable', async () => {
    const png = await renderQrPng(reference.text);
    const result = await decodeQrImage(file('truncated.png', png.subarray(0, png.length / 2)), dir);
    expect(result).toMatchObject({ ok: false, code: 'image_unreadable' });
    expect(!result.ok && result.message).toMatch(/ảnh PNG bị hỏng/);
  });

  it('reads a large PNG whose background is transparent black as if it were white', async () => {
    const img = readPng(await renderQrPng(reference.text, { scale: 18 })); // 1674 px: beyond the enlarged pass
    for (let i = 0; i < img.data.length; i += 4) {
      if (img.data[i] === 255) img.data.fill(0, i, i + 4);
    }
    const path = file('transparent.png', writePng(img));
    expect(await decodeQrImage(path, dir)).toEqual({ ok: true, value: [reference.text] });
  });

  it('reads a large JPEG with a small code in it, and gives [] for one without', async () => {
    const code = readPng(await renderQrPng(reference.text, { scale: 4 }));
    const photo = blank(2000, 1500, 190);
    paste(photo, code, 1200, 700);
    const noisy = addNoise(photo, 6, 3);
    expect(await decodeQrImage(file('large.jpg', encodeJpeg(noisy, 75)), dir)).toEqual({
      ok: true,
      value: [reference.text],
    });
    const empty = encodeJpeg(addNoise(blank(2000, 1500, 190), 6, 3), 75);
    expect(await decodeQrImage(file('large-empty.jpg', empty), dir)).toEqual({ ok: true, value: [] });
  });

  it('refuses a JPEG cut off inside its header as image_unreadable', async () => {
    const jpeg = encodeJpeg(readPng(await renderQrPng(reference.text, { scale: 2 })), 80);
    const result = await decodeQrImage(file('cut.jpg', jpeg.subarray(0, 120)), dir);
    expect(result).toMatchObject({ ok: false, code: 'image_unreadable' });
    expect(!result.ok && result.message).toMatch(/ảnh JPEG bị hỏng/);
  });

  it('refuses an image of more than 50 million pixels from its header, before decoding it', async () => {
    const png = await renderQrPng('x', { scale: 1 });
    const huge = new Uint8Array(png);
    new DataView(huge.buffer).setUint32(16, 10_000); // IHDR width
    new DataView(huge.buffer).setUint32(20, 6_000); // IHDR height (the CRC no longer matches: never read)
    const result = await decodeQrImage(file('huge.png', huge), dir);
    expect(result).toMatchObject({ ok: false, code: 'image_unreadable' });
    expect(!result.ok && result.message).toMatch(/ảnh quá lớn \(10000×6000 điểm ảnh/);
  });

  it('gives an empty list for an image without a code', async () => {
    expect(await decodeQrImage(file('white.png', writePng(blank(300, 200))), dir)).toEqual({ ok: true, value: [] });
    const noise = encodeJpeg(addNoise(blank(320, 240, 128), 60, 7), 60);
    expect(await decodeQrImage(file('noise.jpg', noise), dir)).toEqual({ ok: true, value: [] });
  });
});

describe('decodeQrPixels', () => {
  it('reads a code drawn on a transparent background as if on white', async () => {
    const img = readPng(await renderQrPng(reference.text, { scale: 4 }));
    // dark modules stay opaque black; light pixels become fully transparent black
    for (let i = 0; i < img.data.length; i += 4) {
      if (img.data[i] === 255) img.data.fill(0, i, i + 4);
    }
    expect(await decodeQrPixels(img.data, img.width, img.height)).toEqual([reference.text]);
  });

  it('reads an inverted code (light modules on dark)', async () => {
    const img = readPng(await renderQrPng(reference.text, { scale: 4 }));
    for (let i = 0; i < img.data.length; i += 4) img.data.fill(255 - (img.data[i] as number), i, i + 3);
    expect(await decodeQrPixels(new Uint8ClampedArray(img.data), img.width, img.height)).toEqual([reference.text]);
  });

  it('returns several codes in reading order: rows from the top, left to right', async () => {
    const texts = ['Ô 1: trên trái', 'Ô 2: trên phải', 'Ô 3: dưới trái', 'Ô 4: dưới phải'];
    const codes = await Promise.all(texts.map(async (t) => readPng(await renderQrPng(t, { scale: 4 }))));
    const side = codes[0]?.width as number;
    const canvas = blank(2 * side + 60, 2 * side + 80);
    // the right code of each row sits higher than the left one, by less than half a code
    paste(canvas, codes[0] as Rgba, 10, 30);
    paste(canvas, codes[1] as Rgba, side + 40, 10);
    paste(canvas, codes[2] as Rgba, 20, side + 70);
    paste(canvas, codes[3] as Rgba, side + 50, side + 40);
    expect(await decodeQrPixels(canvas.data, canvas.width, canvas.height)).toEqual(texts);
  });

  it('refuses a buffer that does not hold width × height pixels', async () => {
    await expect(decodeQrPixels(new Uint8Array(10 * 10 * 4 - 1), 10, 10)).rejects.toThrow(RangeError);
    await expect(decodeQrPixels(new Uint8Array(0), 0, 0)).rejects.toThrow(RangeError);
  });
});

describe('sniffImage', () => {
  it('knows PNG and JPEG by their first bytes only', () => {
    expect(sniffImage(Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0))).toBe('png');
    expect(sniffImage(Uint8Array.of(0xff, 0xd8, 0xff, 0xe0))).toBe('jpeg');
    expect(sniffImage(new TextEncoder().encode('GIF89a'))).toBeNull();
    expect(sniffImage(Uint8Array.of(0x89, 0x50, 0x4e))).toBeNull();
  });
});
