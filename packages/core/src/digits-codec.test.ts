/** The digit codec of spec §3, against an independent BigInt reading of the spec. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toDigits } from '../test/helpers/permit-factory.js';
import { bytesToDigits, digitsToBytes } from './digits.js';

const ALLOWED_LAST = [3, 5, 8, 10, 13, 15];
const BYTES_OF: Record<number, number> = { 3: 1, 5: 2, 8: 3, 10: 4, 13: 5, 15: 6, 17: 7 };

describe('digits codec (§3)', () => {
  it.each([
    [[0], '000'],
    [[255], '255'],
    [[1, 2], '00258'],
    [[255, 255, 255], '16777215'],
    [[0, 0, 0, 0, 0, 0, 0], '00000000000000000'],
    [[255, 255, 255, 255, 255, 255, 255], '72057594037927935'],
    [[0xd2, 0x84, 0x4d, 0xa2, 0x01, 0x27, 0x04], '59255214074570500'],
    [[1, 2, 3, 4, 5, 6, 7, 8], '00283686952306183008'],
  ])('%j ↔ %s', (bytes, digits) => {
    expect(bytesToDigits(Uint8Array.from(bytes))).toBe(digits);
    expect(digitsToBytes(digits)).toEqual(Uint8Array.from(bytes));
  });

  it('writes what the spec says for any byte string of 0–400 bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 0, maxLength: 400 }), (bytes) => {
        expect(bytesToDigits(bytes)).toBe(toDigits(bytes));
      }),
      { numRuns: 500 },
    );
  });

  it('round-trips any byte string of 1–400 bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 400 }), (bytes) => {
        expect(digitsToBytes(bytesToDigits(bytes))).toEqual(bytes);
      }),
      { numRuns: 500 },
    );
  });

  it('empty digits are refused (a permit is never empty)', () => {
    expect(bytesToDigits(new Uint8Array(0))).toBe('');
    expect(digitsToBytes('')).toBeNull();
  });

  it('at each group length, the largest value is read and the next one refused', () => {
    for (const [len, k] of Object.entries(BYTES_OF).map(([d, b]) => [Number(d), b] as const)) {
      const max = 2n ** BigInt(8 * k) - 1n;
      const ok = max.toString().padStart(len, '0');
      expect(digitsToBytes(ok), ok).toEqual(new Uint8Array(k).fill(255));
      const tooLarge = (max + 1n).toString().padStart(len, '0');
      if (tooLarge.length === len) expect(digitsToBytes(tooLarge), tooLarge).toBeNull();
      expect(digitsToBytes('9'.repeat(len))).toBeNull();
      // The same after full groups.
      expect(digitsToBytes(`00000000000000000${'9'.repeat(len)}`)).toBeNull();
    }
  });

  it('refuses a last group of any length the spec does not allow', () => {
    fc.assert(
      fc.property(
        fc
          .tuple(
            fc.integer({ min: 0, max: 20 }),
            fc.integer({ min: 1, max: 16 }).filter((r) => !ALLOWED_LAST.includes(r)),
          )
          .chain(([groups, rest]) =>
            fc.string({
              unit: fc.constantFrom(...'0123456789'),
              minLength: groups * 17 + rest,
              maxLength: groups * 17 + rest,
            }),
          ),
        (digits) => {
          expect(digitsToBytes(digits)).toBeNull();
        },
      ),
      { numRuns: 500 },
    );
  });

  it('refuses any full group of 2^56 or more', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 2n ** 56n, max: 10n ** 17n - 1n }), fc.uint8Array({ maxLength: 30 }), (v, after) => {
        expect(digitsToBytes(v.toString() + bytesToDigits(after))).toBeNull();
        const fullGroups = after.slice(0, after.length - (after.length % 7));
        expect(digitsToBytes(bytesToDigits(fullGroups) + v.toString())).toBeNull();
      }),
      { numRuns: 300 },
    );
  });

  it('refuses anything but ASCII digits, wherever it stands', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 1, maxLength: 60 }),
        fc.nat(),
        fc.constantFrom('a', ' ', '-', '+', '.', '٣', '５', '\u0000', '/', ':'),
        (bytes, at, bad) => {
          const digits = bytesToDigits(bytes);
          const i = at % digits.length;
          expect(digitsToBytes(digits.slice(0, i) + bad + digits.slice(i + 1))).toBeNull();
        },
      ),
      { numRuns: 500 },
    );
  });

  it('every digit string it reads is the one way of writing those bytes', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{1,120}$/), (digits) => {
        const bytes = digitsToBytes(digits);
        if (bytes !== null) expect(bytesToDigits(bytes)).toBe(digits);
      }),
      { numRuns: 1000 },
    );
  });
});
