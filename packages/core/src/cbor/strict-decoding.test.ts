/** The strict CBOR decoder: what RFC 8949 says an item is, and what the permit format refuses. */
import { describe, expect, it } from 'vitest';
import { fromHex } from '../../test/helpers/cbor-writer.js';
import { CborError, decodeCbor } from './decode.js';
import { CborFloat, CborMap, CborSimple, CborTag, type CborValue } from './types.js';

const decode = (hex: string, options?: Parameters<typeof decodeCbor>[1]) => decodeCbor(fromHex(hex), options);

/** The reason the decoder gives, or 'ok'. Only CborError counts: anything else is a bug. */
function refusal(hex: string, options?: Parameters<typeof decodeCbor>[1]): string {
  try {
    decode(hex, options);
    return 'ok';
  } catch (e) {
    if (!(e instanceof CborError)) throw e;
    return e.reason;
  }
}

describe('RFC 8949 Appendix A examples decode', () => {
  it.each([
    ['00', 0],
    ['01', 1],
    ['0a', 10],
    ['17', 23],
    ['1818', 24],
    ['1819', 25],
    ['1864', 100],
    ['1903e8', 1000],
    ['1a000f4240', 1000000],
    ['1b000000e8d4a51000', 1000000000000],
    ['1bffffffffffffffff', 18446744073709551615n],
    ['3bffffffffffffffff', -18446744073709551616n],
    ['20', -1],
    ['29', -10],
    ['3863', -100],
    ['3903e7', -1000],
    ['f4', false],
    ['f5', true],
    ['f6', null],
    ['f7', undefined],
    ['60', ''],
    ['6161', 'a'],
    ['6449455446', 'IETF'],
    ['62225c', '"\\'],
    ['62c3bc', '\u00fc'],
    ['63e6b0b4', '\u6c34'],
    ['64f0908591', '\u{10151}'],
    ['40', new Uint8Array(0)],
    ['4401020304', Uint8Array.of(1, 2, 3, 4)],
    ['80', []],
    ['83010203', [1, 2, 3]],
    ['8301820203820405', [1, [2, 3], [4, 5]]],
    ['98190102030405060708090a0b0c0d0e0f101112131415161718181819', Array.from({ length: 25 }, (_, i) => i + 1)],
    ['826161a161626163', ['a', new CborMap([['b', 'c']])]],
  ] as Array<[string, CborValue]>)('%s', (hex, value) => {
    expect(decode(hex)).toEqual(value);
  });

  it('maps keep their entries and integer keys are found by get()', () => {
    const m = decode('a201020304');
    expect(m).toBeInstanceOf(CborMap);
    const map = m as CborMap;
    expect(map.entries).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(map.get(3)).toBe(4);
    expect(map.has(2)).toBe(false);
    expect(decode('a0')).toEqual(new CborMap([]));
  });

  it('1, "1" and h\'01\' are three different keys', () => {
    const map = decode('a30101613102410103') as CborMap;
    expect(map.size).toBe(3);
    expect(map.get(1)).toBe(1);
  });

  it('floats are kept as CborFloat, so 5.0 is never the integer 5', () => {
    expect(decode('f90000')).toEqual(new CborFloat(0));
    expect(Object.is((decode('f98000') as CborFloat).value, -0)).toBe(true);
    expect(decode('f93c00')).toEqual(new CborFloat(1));
    expect(decode('f93e00')).toEqual(new CborFloat(1.5));
    expect(decode('f94500')).toEqual(new CborFloat(5));
    expect(decode('f97bff')).toEqual(new CborFloat(65504));
    expect(decode('f90001')).toEqual(new CborFloat(2 ** -24));
    expect(decode('f90400')).toEqual(new CborFloat(0.00006103515625));
    expect(decode('f9c400')).toEqual(new CborFloat(-4));
    expect(decode('f97c00')).toEqual(new CborFloat(Number.POSITIVE_INFINITY));
    expect(decode('f9fc00')).toEqual(new CborFloat(Number.NEGATIVE_INFINITY));
    expect(Number.isNaN((decode('f97e00') as CborFloat).value)).toBe(true);
    expect(decode('fa47c35000')).toEqual(new CborFloat(100000));
    expect(decode('fa7f7fffff')).toEqual(new CborFloat(3.4028234663852886e38));
    expect(decode('fb3ff199999999999a')).toEqual(new CborFloat(1.1));
    expect(decode('fbc010666666666666')).toEqual(new CborFloat(-4.1));
    expect(decode('fb7e37e43c8800759c')).toEqual(new CborFloat(1e300));
  });

  it('simple values: 0–19 in the short form, 32–255 in the one-byte form', () => {
    expect(decode('f0')).toEqual(new CborSimple(16));
    expect(decode('f820')).toEqual(new CborSimple(32));
    expect(decode('f8ff')).toEqual(new CborSimple(255));
  });
});

describe('integers beyond 2^53 − 1 become bigints', () => {
  it.each([
    ['1b001fffffffffffff', 9007199254740991],
    ['1b0020000000000000', 9007199254740992n],
    ['1b0020000000000001', 9007199254740993n],
    ['3b001ffffffffffffe', -9007199254740991],
    ['3b001fffffffffffff', -9007199254740992n],
    ['1affffffff', 4294967295],
    ['3affffffff', -4294967296],
  ] as Array<[string, number | bigint]>)('%s', (hex, value) => {
    const decoded = decode(hex);
    expect(typeof decoded).toBe(typeof value);
    expect(decoded).toBe(value);
  });

  it('non-shortest integers are accepted (the signature covers the bytes as received)', () => {
    expect(decode('1800')).toBe(0);
    expect(decode('190001')).toBe(1);
    expect(decode('1b0000000000000017')).toBe(23);
    expect(decode('3900ff')).toBe(-256);
  });
});

describe('what the strict decoder refuses', () => {
  it.each([
    ['a duplicate integer key', 'a2010201 03'],
    ['a duplicate key written non-shortest', 'a2010218010 3'],
    ['a duplicate text key', 'a2616101616102'],
    ['a duplicate byte-string key written two ways', 'a241070158010702'],
    ['a duplicate array key', 'a28101018118010 2'],
    ['a duplicate map key inside a map key', 'a2a1010201a10118020 2'],
    ['a duplicate float key in two widths', 'a2f93c0001fa3f80000002'],
    ['a duplicate key in a nested map', '81a2010101 02'],
  ])('%s', (_, hex) => {
    expect(refusal(hex.replace(/ /g, ''))).toBe('duplicate map key');
  });

  it('keys that only look alike are not duplicates', () => {
    expect(refusal('a2f93c0001 0102'.replace(/ /g, ''))).toBe('ok'); // 1.0 and 1
    expect(refusal('a2f9000001 f9800002'.replace(/ /g, ''))).toBe('ok'); // 0.0 and −0.0
    expect(refusal('a2 8261616162 01 816461 2c7462 02'.replace(/ /g, ''))).toBe('ok'); // ["a","b"] and ["a,tb"]
    expect(refusal('a2 01 00 4101 00'.replace(/ /g, ''))).toBe('ok'); // 1 and h'01'
    expect(refusal('a2 6131 00 4131 00'.replace(/ /g, ''))).toBe('ok'); // "1" and h'31'
  });

  it.each([
    ['byte string', '5f4101ff'],
    ['text string', '7f6161ff'],
    ['array', '9f01ff'],
    ['map', 'bf0101ff'],
    ['array inside a definite array', '819fff'],
  ])('indefinite-length %s', (_, hex) => {
    expect(refusal(hex)).toBe('indefinite length');
  });

  it.each(['1c', '1d', '1e', '3c', '5d', '7e', '9c', 'bd', 'dc', 'fc', 'fd', 'fe'])(
    'reserved additional information (28–30): %s',
    (hex) => {
      expect(refusal(hex)).toBe('reserved additional information');
    },
  );

  it('additional information 31 where no indefinite length exists', () => {
    for (const hex of ['1f', '3f', 'df00']) expect(refusal(hex), hex).not.toBe('ok');
  });

  it('a break byte outside an indefinite item', () => {
    expect(refusal('ff')).toBe('unexpected break');
    expect(refusal('82ff01')).toBe('unexpected break');
  });

  it.each(['f800', 'f813', 'f814', 'f817', 'f818', 'f81f'])('simple value below 32 in the one-byte form: %s', (hex) => {
    expect(refusal(hex)).toBe('simple value not well-formed');
  });

  it.each([
    ['tag 1 (epoch time)', 'c11a61194810'],
    ['tag 18 nested in an array', '81d280'],
    ['tag 24 (encoded CBOR)', 'd818420100'],
  ])('a tag inside: %s', (_, hex) => {
    expect(refusal(hex)).toBe('tag not allowed');
  });

  it('outer tags only when asked, and only those named', () => {
    expect(refusal('d280')).toBe('tag not allowed');
    expect(decode('d280', { outerTags: [18] })).toEqual(new CborTag(18, []));
    expect(decode('d81280', { outerTags: [18] })).toEqual(new CborTag(18, []));
    expect(refusal('d862 80', { outerTags: [18] })).toBe('tag not allowed');
    expect(refusal('d2d280', { outerTags: [18] })).toBe('tag not allowed');
    expect(refusal('db000000000000001280'.replace(/ /g, ''), { outerTags: [18] })).toBe('ok');
  });

  it.each([
    ['lone continuation byte', '6180'],
    ['truncated sequence', '61c3'],
    ['overlong encoding of /', '62c0af'],
    ['encoded surrogate', '63eda080'],
    ['beyond U+10FFFF', '64f4908080'],
    ['byte FF', '61ff'],
  ])('invalid UTF-8: %s', (_, hex) => {
    expect(refusal(hex)).toBe('invalid UTF-8');
  });

  it('a byte order mark is text like any other (kept, not stripped)', () => {
    expect(decode('63efbbbf')).toBe('\uFEFF');
  });

  it.each([
    ['trailing bytes', '0000', 'trailing bytes'],
    ['two items', '8001', 'trailing bytes'],
    ['empty input', '', 'unexpected end'],
    ['truncated argument', '19 01', 'unexpected end'],
    ['truncated array element', '820119', 'unexpected end'],
    ['an array count beyond the input', '830102', 'length beyond the input'],
    ['truncated float', 'fa3f80', 'unexpected end'],
    ['a length beyond the input', '5affffffff00', 'length beyond the input'],
    ['a 64-bit length', '5bffffffffffffffff00', 'length beyond the input'],
    ['a huge array count', '9b000000010000000000', 'length beyond the input'],
  ])('%s', (_, hex, reason) => {
    expect(refusal(hex.replace(/ /g, ''))).toBe(reason);
  });

  it('nesting deeper than the limit is refused (default 32), not a stack overflow', () => {
    const nested = (n: number) => `${'81'.repeat(n)}00`;
    expect(refusal(nested(32))).toBe('ok');
    expect(refusal(nested(33))).toBe('nested too deeply');
    expect(refusal(nested(100_000))).toBe('nested too deeply');
    expect(refusal(`${'a101'.repeat(40)}00`)).toBe('nested too deeply');
    expect(refusal(nested(4), { maxDepth: 3 })).toBe('nested too deeply');
    expect(refusal(nested(3), { maxDepth: 3 })).toBe('ok');
  });

  it('errors say where', () => {
    try {
      decode('820102ff');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(CborError);
      expect((e as CborError).offset).toBe(3);
    }
  });
});
