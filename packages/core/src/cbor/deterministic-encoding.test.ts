/** The encoder writes core deterministic CBOR (RFC 8949 §4.2.1), checked against Appendix A. */
import { describe, expect, it } from 'vitest';
import { toHex } from '../../test/helpers/cbor-writer.js';
import { decodeCbor } from './decode.js';
import { type Encodable, encodeCbor } from './encode.js';
import type { CborMap } from './types.js';

const hex = (value: Encodable) => toHex(encodeCbor(value));

describe('RFC 8949 Appendix A examples encode', () => {
  it.each([
    [0, '00'],
    [1, '01'],
    [10, '0a'],
    [23, '17'],
    [24, '1818'],
    [25, '1819'],
    [100, '1864'],
    [1000, '1903e8'],
    [1000000, '1a000f4240'],
    [1000000000000, '1b000000e8d4a51000'],
    [-1, '20'],
    [-10, '29'],
    [-100, '3863'],
    [-1000, '3903e7'],
    ['', '60'],
    ['a', '6161'],
    ['IETF', '6449455446'],
    ['"\\', '62225c'],
    ['\u00fc', '62c3bc'],
    ['\u6c34', '63e6b0b4'],
    ['\u{10151}', '64f0908591'],
    [new Uint8Array(0), '40'],
    [Uint8Array.of(1, 2, 3, 4), '4401020304'],
    [[], '80'],
    [[1, 2, 3], '83010203'],
    [[1, [2, 3], [4, 5]], '8301820203820405'],
    [Array.from({ length: 25 }, (_, i) => i + 1), '98190102030405060708090a0b0c0d0e0f101112131415161718181819'],
    [new Map(), 'a0'],
    [
      new Map([
        [1, 2],
        [3, 4],
      ]),
      'a201020304',
    ],
  ] as Array<[Encodable, string]>)('%j → %s', (value, expected) => {
    expect(hex(value)).toBe(expected);
  });
});

describe('shortest arguments at every boundary', () => {
  it.each([
    [23, '17'],
    [24, '1818'],
    [255, '18ff'],
    [256, '190100'],
    [65535, '19ffff'],
    [65536, '1a00010000'],
    [4294967295, '1affffffff'],
    [4294967296, '1b0000000100000000'],
    [Number.MAX_SAFE_INTEGER, '1b001fffffffffffff'],
    [-24, '37'],
    [-25, '3818'],
    [-256, '38ff'],
    [-257, '390100'],
    [-65536, '39ffff'],
    [-65537, '3a00010000'],
    [-65538, '3a00010001'],
    [-4294967296, '3affffffff'],
    [-4294967297, '3b0000000100000000'],
    [Number.MIN_SAFE_INTEGER, '3b001ffffffffffffe'],
  ])('%d → %s', (value, expected) => {
    expect(hex(value)).toBe(expected);
  });

  it('lengths of text, bytes and arrays are shortest too', () => {
    expect(hex('x'.repeat(23)).slice(0, 2)).toBe('77');
    expect(hex('x'.repeat(24)).slice(0, 4)).toBe('7818');
    expect(hex('x'.repeat(256)).slice(0, 6)).toBe('790100');
    expect(hex(new Uint8Array(65536)).slice(0, 10)).toBe('5a00010000');
    expect(hex(new Array<number>(24).fill(0)).slice(0, 4)).toBe('9818');
    // Lengths count UTF-8 bytes: 24 "ễ" are 72 bytes.
    expect(hex('ễ'.repeat(24)).slice(0, 4)).toBe('7848');
  });

  it('refuses numbers that are not exact integers', () => {
    expect(() => encodeCbor(1.5)).toThrow(RangeError);
    expect(() => encodeCbor(2 ** 53)).toThrow(RangeError);
    expect(() => encodeCbor(Number.NaN)).toThrow(RangeError);
  });
});

describe('map keys sorted by their encoded bytes', () => {
  it('integers: 1, 10, 24, 100, then the negatives −1, −100, −65537', () => {
    const m = new Map<number, Encodable>([
      [-65537, 0],
      [100, 0],
      [-1, 0],
      [24, 0],
      [10, 0],
      [-100, 0],
      [1, 0],
    ]);
    expect(hex(m)).toBe('a7' + '0100' + '0a00' + '181800' + '186400' + '2000' + '386300' + '3a0001000000');
  });

  it('insertion order does not matter', () => {
    const a = new Map<number, Encodable>([
      [7, 'x'],
      [1, 'y'],
      [-65538, new Map([[2, 'z']])],
    ]);
    const b = new Map<number, Encodable>([...a.entries()].reverse());
    expect(hex(a)).toBe(hex(b));
    expect(hex(a)).toBe('a3016179076178' + '3a00010001a102617a');
  });

  it('nested maps and arrays round-trip through the strict decoder', () => {
    const value = new Map<number, Encodable>([
      [1, 'Nguyễn Thị Quỳnh Anh'],
      [-65537, new Map<number, Encodable>([[10, ['00133', '00142']]])],
      [7, Uint8Array.of(0, 255)],
    ]);
    const decoded = decodeCbor(encodeCbor(value)) as CborMap;
    expect(decoded.get(1)).toBe('Nguyễn Thị Quỳnh Anh');
    expect((decoded.get(-65537) as CborMap).get(10)).toEqual(['00133', '00142']);
    expect(decoded.get(7)).toEqual(Uint8Array.of(0, 255));
    expect(decoded.entries.map(([k]) => k)).toEqual([1, 7, -65537]);
  });

  it('grows its buffer for large items', () => {
    const big = new Uint8Array(100_000).fill(7);
    const bytes = encodeCbor([big, big]);
    expect(bytes.length).toBe(1 + 2 * (5 + 100_000));
    expect(decodeCbor(bytes)).toEqual([big, big]);
  });
});
