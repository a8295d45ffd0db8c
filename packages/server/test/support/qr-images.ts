/**
 * Test helper: small image operations in plain JS over RGBA buffers, to make a rendered QR
 * look photographed (rotation, keystone, blur, uneven light, noise, JPEG). Not used at run time.
 */
import { encode as encodeJpegRaw } from 'jpeg-js';
import { PNG } from 'pngjs';

export interface Rgba {
  width: number;
  height: number;
  /** Row-major, 4 bytes a pixel. */
  data: Uint8Array;
}

export function readPng(bytes: Uint8Array): Rgba {
  const png = PNG.sync.read(Buffer.from(bytes));
  return { width: png.width, height: png.height, data: new Uint8Array(png.data) };
}

export function writePng(img: Rgba): Uint8Array {
  const png = new PNG({ width: img.width, height: img.height });
  png.data = Buffer.from(img.data);
  return new Uint8Array(PNG.sync.write(png));
}

export function encodeJpeg(img: Rgba, quality: number): Uint8Array {
  return new Uint8Array(encodeJpegRaw({ width: img.width, height: img.height, data: img.data }, quality).data);
}

/** An opaque image of one gray value. */
export function blank(width: number, height: number, gray = 255): Rgba {
  const data = new Uint8Array(width * height * 4).fill(gray);
  for (let i = 3; i < data.length; i += 4) data[i] = 255;
  return { width, height, data };
}

/** Copies src into dst with its top-left corner at (x, y). */
export function paste(dst: Rgba, src: Rgba, x: number, y: number): void {
  for (let row = 0; row < src.height; row++) {
    const from = row * src.width * 4;
    dst.data.set(src.data.subarray(from, from + src.width * 4), ((y + row) * dst.width + x) * 4);
  }
}

/** Builds an image by inverse mapping, bilinear: map(x, y) gives the source point of a target pixel centre. */
function remap(
  img: Rgba,
  width: number,
  height: number,
  map: (x: number, y: number) => [number, number],
  background: number,
): Rgba {
  const out = blank(width, height, background);
  const src = img.data;
  const px = (x: number, y: number, c: number) =>
    x < 0 || y < 0 || x >= img.width || y >= img.height ? background : (src[(y * img.width + x) * 4 + c] as number);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const [mx, my] = map(x + 0.5, y + 0.5);
      const sx = mx - 0.5;
      const sy = my - 0.5;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      if (x0 < -1 || y0 < -1 || x0 >= img.width || y0 >= img.height) continue; // all background
      const fx = sx - x0;
      const fy = sy - y0;
      const w00 = (1 - fx) * (1 - fy);
      const w10 = fx * (1 - fy);
      const w01 = (1 - fx) * fy;
      const w11 = fx * fy;
      const o = (y * width + x) * 4;
      for (let c = 0; c < 3; c++) {
        out.data[o + c] = Math.round(
          px(x0, y0, c) * w00 + px(x0 + 1, y0, c) * w10 + px(x0, y0 + 1, c) * w01 + px(x0 + 1, y0 + 1, c) * w11,
        );
      }
    }
  }
  return out;
}

/** Rotates by `degrees` (counter-clockwise) about the centre, bilinear, on a canvas that holds all of it. */
export function rotate(img: Rgba, degrees: number, background = 255): Rgba {
  const a = (degrees * Math.PI) / 180;
  const cos = Math.cos(a);
  const sin = Math.sin(a);
  const width = Math.ceil(Math.abs(img.width * cos) + Math.abs(img.height * sin));
  const height = Math.ceil(Math.abs(img.width * sin) + Math.abs(img.height * cos));
  return remap(
    img,
    width,
    height,
    (x, y) => {
      const dx = x - width / 2;
      const dy = y - height / 2;
      return [cos * dx - sin * dy + img.width / 2, sin * dx + cos * dy + img.height / 2];
    },
    background,
  );
}

/**
 * Keystone, as a camera tilted up would see it: the top row is `topScale` times as wide as the
 * bottom row, rows in between scale linearly; the image is also scaled by `scale` overall.
 */
export function keystone(img: Rgba, topScale: number, scale = 1, background = 255): Rgba {
  const width = Math.ceil(img.width * scale);
  const height = Math.ceil(img.height * scale);
  return remap(
    img,
    width,
    height,
    (x, y) => {
      const rowScale = topScale + (1 - topScale) * (y / height);
      return [(x - width / 2) / (scale * rowScale) + img.width / 2, y / scale];
    },
    background,
  );
}

/** Box blur of the given radius, applied horizontally then vertically (edges repeat). */
export function boxBlur(img: Rgba, radius: number): Rgba {
  const pass = (src: Uint8Array, horizontal: boolean): Uint8Array => {
    const out = new Uint8Array(src);
    const { width, height } = img;
    const [lines, length] = horizontal ? [height, width] : [width, height];
    const step = horizontal ? 4 : width * 4;
    const window = 2 * radius + 1;
    for (let line = 0; line < lines; line++) {
      const base = horizontal ? line * width * 4 : line * 4;
      for (let c = 0; c < 3; c++) {
        const at = (i: number) => src[base + Math.min(length - 1, Math.max(0, i)) * step + c] as number;
        let sum = 0;
        for (let k = -radius; k <= radius; k++) sum += at(k);
        for (let i = 0; i < length; i++) {
          out[base + i * step + c] = Math.round(sum / window);
          sum += at(i + radius + 1) - at(i - radius);
        }
      }
    }
    return out;
  };
  return { width: img.width, height: img.height, data: pass(pass(img.data, true), false) };
}

/** Maps black to `dark` and white to `light`, brighter from left to right by `gradient` levels. */
export function unevenLight(img: Rgba, dark: number, light: number, gradient: number): Rgba {
  const out: Rgba = { width: img.width, height: img.height, data: new Uint8Array(img.data) };
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < img.width; x++) {
      const shift = gradient * (x / img.width - 0.5);
      for (let c = 0; c < 3; c++) {
        const i = (y * img.width + x) * 4 + c;
        const v = dark + ((img.data[i] as number) / 255) * (light - dark) + shift;
        out.data[i] = Math.max(0, Math.min(255, Math.round(v)));
      }
    }
  }
  return out;
}

/** Adds Gaussian noise of standard deviation `sigma` to every channel, from a seeded generator. */
export function addNoise(img: Rgba, sigma: number, seed: number): Rgba {
  const random = mulberry32(seed);
  const out: Rgba = { width: img.width, height: img.height, data: new Uint8Array(img.data) };
  for (let i = 0; i < out.data.length; i++) {
    if (i % 4 === 3) continue;
    // Box–Muller
    const g = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    out.data[i] = Math.max(0, Math.min(255, Math.round((out.data[i] as number) + sigma * g)));
  }
  return out;
}

/** A small seeded PRNG giving numbers in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
