import { describe, expect, it } from 'vitest';
import { fixture } from '../../test/support/permit-fixtures.js';
import { permitQrSegments, QrCapacityError, qrMatrix, qrVersion } from './segments.js';

const reference = fixture('reference-permit');

/** Data codewords at error-correction level M, versions 1–40 (ISO/IEC 18004, table 7). */
const DATA_CODEWORDS_M = [
  16, 28, 44, 64, 86, 108, 124, 154, 182, 216, 254, 290, 334, 365, 415, 453, 507, 563, 627, 669, 714, 782, 860, 914,
  1000, 1062, 1128, 1193, 1267, 1373, 1455, 1541, 1631, 1725, 1812, 1914, 1992, 2102, 2216, 2334,
];

/** Bits of a byte segment of n bytes followed by a numeric segment of d digits, at version v. */
function permitBits(prefixBytes: number, digits: number, v: number): number {
  const byteCount = v < 10 ? 8 : 16;
  const numericCount = v < 10 ? 10 : v < 27 ? 12 : 14;
  const numericData = Math.floor(digits / 3) * 10 + [0, 4, 7][digits % 3]!;
  return 4 + byteCount + 8 * prefixBytes + 4 + numericCount + numericData;
}

/** The smallest version whose capacity at level M holds the permit text, computed from the standard. */
function expectedVersion(text: string): number {
  const at = text.lastIndexOf('/p1#') + 4;
  const prefixBytes = new TextEncoder().encode(text.slice(0, at)).length;
  const digits = text.length - at;
  for (let v = 1; v <= 40; v++) {
    if (permitBits(prefixBytes, digits, v) <= 8 * DATA_CODEWORDS_M[v - 1]!) return v;
  }
  throw new Error('too long');
}

const withOrigin = (origin: string) => origin + reference.text.slice(reference.origin.length);

describe('permitQrSegments', () => {
  it('splits a permit text into a byte segment for <ORIGIN>/p1# and a numeric segment for the digits', () => {
    const segments = permitQrSegments(reference.text);
    expect(segments).toHaveLength(2);
    const [bytes, digits] = segments;
    expect(bytes?.mode).toBe('byte');
    expect(new TextDecoder().decode(bytes?.data as Uint8Array)).toBe(`${reference.origin}/p1#`);
    expect(digits).toEqual({ mode: 'numeric', data: reference.text.slice(reference.origin.length + 4) });
  });

  it('splits at the last /p1# when the origin has a path holding /p1#', () => {
    const text = 'https://x.example/p1#/p1#0123456789';
    const [bytes, digits] = permitQrSegments(text);
    expect(new TextDecoder().decode(bytes?.data as Uint8Array)).toBe('https://x.example/p1#/p1#');
    expect(digits).toEqual({ mode: 'numeric', data: '0123456789' });
  });

  it.each([
    ['a web link', 'https://example.com/'],
    ['a permit text without digits', 'https://x.example/p1#'],
    ['digits followed by a letter', 'https://x.example/p1#123a'],
    ['white space in the origin', 'https://x. example/p1#123'],
    ['a trailing line break', 'https://x.example/p1#123\n'],
    ['a CCCD card', '001190012345|012345678|Nguyễn Văn An|01011990|Nam|Hà Nội|15082021'],
  ])('keeps %s as one byte segment holding its UTF-8', (_, text) => {
    const segments = permitQrSegments(text);
    expect(segments).toHaveLength(1);
    expect(segments[0]?.mode).toBe('byte');
    expect(new TextDecoder().decode(segments[0]?.data as Uint8Array)).toBe(text);
  });
});

describe('qrVersion', () => {
  it('fits the reference permit in version 17 at level M', () => {
    expect(qrVersion(reference.text)).toBeLessThanOrEqual(17);
    expect(qrVersion(reference.text)).toBe(expectedVersion(reference.text));
  });

  it('is smaller than a single byte segment would need', () => {
    const allBytes = 4 + 16 + 8 * reference.text.length;
    const byteOnlyVersion = DATA_CODEWORDS_M.findIndex((c) => allBytes <= 8 * c) + 1;
    expect(byteOnlyVersion).toBeGreaterThan(qrVersion(reference.text) + 3);
  });

  it('follows the origin length exactly as the capacity table predicts', () => {
    const versions = new Set<number>();
    for (const length of [13, 20, 36, 50, 64, 80, 100, 140, 200]) {
      const origin = `https://${'a'.repeat(length - 11)}.vn`;
      expect(origin).toHaveLength(length);
      const text = withOrigin(origin);
      expect(qrVersion(text), origin).toBe(expectedVersion(text));
      versions.add(qrVersion(text));
    }
    expect(versions.size).toBeGreaterThanOrEqual(3);
  });

  it('moves the reference permit to version 18 at the first origin byte that no longer fits', () => {
    const at17 = 8 * DATA_CODEWORDS_M[16]!;
    const digits = reference.text.length - reference.origin.length - 4;
    const spareBits = at17 - permitBits(reference.origin.length + 4, digits, 17);
    expect(spareBits).toBeGreaterThanOrEqual(0);
    const longest = `${reference.origin}${'x'.repeat(Math.floor(spareBits / 8))}`;
    expect(qrVersion(withOrigin(longest))).toBe(17);
    expect(qrVersion(withOrigin(`${longest}x`))).toBe(18);
  });
});

describe('qrMatrix', () => {
  it('gives a square symbol of 17 + 4 × version modules with the finder pattern in the corner', () => {
    const m = qrMatrix(reference.text);
    expect(m.size).toBe(17 + 4 * m.version);
    expect(m.modules).toHaveLength(m.size * m.size);
    const row = (y: number) => Array.from(m.modules.subarray(y * m.size, y * m.size + 8));
    expect(row(0)).toEqual([1, 1, 1, 1, 1, 1, 1, 0]);
    expect(row(1)).toEqual([1, 0, 0, 0, 0, 0, 1, 0]);
    expect(row(2)).toEqual([1, 0, 1, 1, 1, 0, 1, 0]);
  });

  it('refuses an empty text and one too long for version 40', () => {
    expect(() => qrMatrix('')).toThrow(QrCapacityError);
    expect(() => qrMatrix('x'.repeat(2400))).toThrow(QrCapacityError);
  });
});
