import { describe, expect, it } from 'vitest';
import { FIXTURE_NAMES, fixture } from '../../test/support/permit-fixtures.js';
import { blank, type Rgba, readPng } from '../../test/support/qr-images.js';
import { decodeQrPixels } from './decode-image.js';
import { renderQrPng, renderQrSvg } from './render.js';
import { QUIET_ZONE, qrMatrix } from './segments.js';

const reference = fixture('reference-permit');

function isWhite(img: Rgba, x: number, y: number): boolean {
  const i = (y * img.width + x) * 4;
  return img.data[i] === 255 && img.data[i + 1] === 255 && img.data[i + 2] === 255;
}

describe('renderQrPng', () => {
  it.each(FIXTURE_NAMES)('gives a PNG of %s that decodes to exactly the same text', async (name) => {
    const { text } = fixture(name);
    const img = readPng(await renderQrPng(text));
    expect(await decodeQrPixels(img.data, img.width, img.height)).toEqual([text]);
  });

  it('draws scale pixels per module with a white 4-module quiet zone', async () => {
    const scale = 3;
    const { size, modules } = qrMatrix(reference.text);
    const img = readPng(await renderQrPng(reference.text, { scale }));
    const side = (size + 2 * QUIET_ZONE) * scale;
    expect([img.width, img.height]).toEqual([side, side]);
    let mismatches = 0;
    for (let y = 0; y < side; y++) {
      for (let x = 0; x < side; x++) {
        const mx = Math.floor(x / scale) - QUIET_ZONE;
        const my = Math.floor(y / scale) - QUIET_ZONE;
        const dark = mx >= 0 && my >= 0 && mx < size && my < size && modules[my * size + mx] === 1;
        if (isWhite(img, x, y) === dark) mismatches++;
      }
    }
    expect(mismatches).toBe(0);
    expect(isWhite(img, QUIET_ZONE * scale, QUIET_ZONE * scale)).toBe(false); // the finder pattern's corner
    expect(isWhite(img, QUIET_ZONE * scale - 1, QUIET_ZONE * scale - 1)).toBe(true);
  });

  it('is 8 pixels per module by default', async () => {
    const img = readPng(await renderQrPng(reference.text));
    expect(img.width).toBe((qrMatrix(reference.text).size + 2 * QUIET_ZONE) * 8);
  });

  it.each([0, -1, 1.5, 101, Number.NaN])('refuses scale %s', async (scale) => {
    await expect(renderQrPng(reference.text, { scale })).rejects.toThrow(RangeError);
  });
});

/** The module grid drawn by the SVG path: `M x y.5` starts a row's first stroke, `m dx 0` skips, `h n` draws. */
function svgModules(svg: string, full: number): Uint8Array {
  const d = /<path [^>]*d="([^"]*)"/.exec(svg)?.[1] ?? '';
  const grid = new Uint8Array(full * full);
  let x = 0;
  let y = 0;
  for (const [, op, a, b] of d.matchAll(/([MmHh])(-?[\d.]+)(?: (-?[\d.]+))?/g)) {
    if (op === 'M') {
      x = Number(a);
      y = Number(b) - 0.5;
    } else if (op === 'm') {
      x += Number(a);
      y += Number(b);
    } else if (op === 'h') {
      const n = Number(a);
      expect(Number.isInteger(y) && n > 0 && x >= 0 && x + n <= full && y >= 0 && y < full).toBe(true);
      for (let i = 0; i < n; i++) grid[y * full + x + i] = 1;
      x += n;
    } else {
      throw new Error(`unexpected path command ${op}`);
    }
  }
  return grid;
}

describe('renderQrSvg', () => {
  const svg = renderQrSvg(reference.text);
  const { size, modules } = qrMatrix(reference.text);
  const full = size + 2 * QUIET_ZONE;

  it('is one well-formed svg element with a white background and a single path', () => {
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" [^<>]*>/);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    const tags = [...svg.matchAll(/<(\/?)([a-z]+)((?:\s+[A-Za-z:-]+="[^"<>]*")*)\s*(\/?)>/g)];
    // every character of the document belongs to a tag: no stray text or broken markup
    expect(tags.map((t) => t[0]).join('')).toBe(svg.trimEnd());
    const open: string[] = [];
    for (const [, closing, name, , selfClosing] of tags) {
      if (closing) expect(open.pop()).toBe(name);
      else if (!selfClosing) open.push(name as string);
    }
    expect(open).toEqual([]);
    expect(tags.map((t) => `${t[1]}${t[2]}`)).toEqual(['svg', 'rect', 'path', '/svg']);
    expect(svg).toContain(`<rect width="${full}" height="${full}" fill="#fff"/>`);
  });

  it('has a viewBox of the symbol plus the 4-module quiet zone on every side', () => {
    expect(svg).toContain(`viewBox="0 0 ${full} ${full}"`);
    const grid = svgModules(svg, full);
    for (let y = 0; y < full; y++) {
      for (let x = 0; x < full; x++) {
        const inside = x >= QUIET_ZONE && y >= QUIET_ZONE && x < full - QUIET_ZONE && y < full - QUIET_ZONE;
        if (!inside) expect(grid[y * full + x], `${x},${y}`).toBe(0);
      }
    }
  });

  it('draws exactly the modules of the symbol, which decode to the same text', async () => {
    const grid = svgModules(svg, full);
    for (let y = 0; y < size; y++) {
      for (let x = 0; x < size; x++) {
        expect(grid[(y + QUIET_ZONE) * full + x + QUIET_ZONE], `${x},${y}`).toBe(modules[y * size + x]);
      }
    }
    // rasterise the path's grid at 4 px per module and read it back
    const img = blank(full * 4, full * 4);
    for (let y = 0; y < img.height; y++) {
      for (let x = 0; x < img.width; x++) {
        if (grid[Math.floor(y / 4) * full + Math.floor(x / 4)])
          img.data.fill(0, (y * img.width + x) * 4, (y * img.width + x) * 4 + 3);
      }
    }
    expect(await decodeQrPixels(img.data, img.width, img.height)).toEqual([reference.text]);
  });

  it('stays compact: under 16 KB for the reference permit', () => {
    expect(svg.length).toBeLessThan(16_000);
  });
});
