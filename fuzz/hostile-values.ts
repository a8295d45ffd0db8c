import fc from 'fast-check';

/**
 * Values a careless or hostile client sends: control and invisible characters, lone
 * surrogates, huge and fractional numbers, wrong types, prototype keys, very long and very
 * deep input. Each one answered with a 4xx is a pass; a 5xx or a crash is a finding.
 */
const HOSTILE_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\u0007\u001b[31m',
  '\t\r\n',
  '\u202e\u200b\ufeff',
  '\ud800',
  '\udfff\ud800',
  '😀',
  'Đức Giang',
  'e\u0301',
  "'; drop table users; --",
  '" or 1=1 --',
  '%00',
  '%FF%FE',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  `$${'{7*7}'}`,
  '__proto__',
  'constructor',
  'NaN',
  'Infinity',
  '-0',
  '1e400',
  '0x10',
  ' 12 ',
  '2147483648',
  '9223372036854775808',
  '99999999999999999999999',
  '-2147483649',
  '2021-02-30',
  '2021-08-15T03:00:00.000Z',
  '9999-12-31',
  '00124',
  'true',
  'null',
  '[]',
  '{}',
];

const HOSTILE_NUMBERS = [
  0,
  -0,
  -1,
  0.5,
  1e-300,
  2 ** 31 - 1,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 32,
  2 ** 53,
  Number.MAX_SAFE_INTEGER,
  Number.MAX_SAFE_INTEGER + 2,
  -Number.MAX_SAFE_INTEGER,
  1e21,
  1e308,
  -1e308,
];

/**
 * An array (or object) nested `depth` levels: the character check and zod walk it. Deeper
 * than a few hundred levels JSON.stringify (and fast-check printing a case) overflow, so deeper bodies are sent as raw text
 * (`deepJsonText`).
 */
export function nested(depth: number, kind: 'array' | 'object'): unknown {
  let v: unknown = 0;
  for (let i = 0; i < depth; i++) v = kind === 'array' ? [v] : { a: v };
  return v;
}

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 200_000 }).map((n) => 'x'.repeat(n)) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 2000 }).map((n) => 'Ư\u0300'.repeat(n)) },
);

export const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_NUMBERS) },
  { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
  { weight: 1, arbitrary: fc.integer() },
);

/** Any JSON value a client could send in place of the expected one. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  { weight: 3, arbitrary: hostileNumber },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, [], {}, [null], { __proto__: null }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.integer({ min: 10, max: 200 }), fc.constantFrom('array' as const, 'object' as const))
      .map(([d, k]) => nested(d, k)),
  },
  {
    weight: 1,
    arbitrary: fc.integer({ min: 1, max: 50_000 }).map((n) => Array.from({ length: n }, (_, i) => i)),
  },
);

/** Property names that must never reach an object's prototype. */
export const hostileKey: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', '', ' ', '\u0000', 'toString', 'hasOwnProperty'),
  fc.string({ maxLength: 12 }),
);

/** JSON text nested `depth` levels (up to the 1 MB body limit): `[[[…0…]]]` or `{"a":{"a":…}}`. */
export function deepJsonText(depth: number, kind: 'array' | 'object'): string {
  return kind === 'array'
    ? `${'['.repeat(depth)}0${']'.repeat(depth)}`
    : `${'{"a":'.repeat(depth)}0${'}'.repeat(depth)}`;
}
