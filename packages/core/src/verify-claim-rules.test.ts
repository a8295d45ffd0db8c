/**
 * Every rule of spec §1 as `malformed` (with the claim named in `detail`), the values just
 * inside each rule as `valid`, and the CBOR rules of §5 inside the payload. Claim rules are
 * checked before any signature, so one provider suffices (the valid cases use node:crypto).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { cbor, concat, float, type Item, pairs, raw, tagged } from '../test/helpers/cbor-writer.js';
import {
  type Build,
  type Check,
  CLAIM,
  checker,
  claimsOf,
  defaultTrust,
  PERMIT,
  permitText,
  TIMES,
  UNIT,
} from '../test/helpers/permit-factory.js';
import { PROVIDERS } from '../test/helpers/providers.js';

const DROP = Symbol('drop');
type Value = Item | typeof DROP;
const put = (m: Map<Item, Item>, key: Item, value: Value) => (value === DROP ? m.delete(key) : m.set(key, value));

const claim = (key: Item, value: Value): Build => ({ claims: (c) => put(c, key, value) });
const field = (key: Item, value: Value): Build => ({ fields: (f) => put(f, key, value) });
const unitField = (key: Item, value: Value): Build => ({ kind: 'unit', fields: (f) => put(f, key, value) });
const both = (...builds: Build[]): Build => ({
  kind: builds.find((b) => b.kind)?.kind ?? 'permit',
  claims: (c) => {
    for (const b of builds) b.claims?.(c);
  },
  fields: (f) => {
    for (const b of builds) b.fields?.(f);
  },
});

/** A string of n code points, each one a surrogate pair in UTF-16 (so .length is 2n). */
const emoji = (n: number) => '😀'.repeat(n);
/** A string of n code points of precomposed Vietnamese letters. */
const viet = (n: number) => 'ễ'.repeat(n);

const TOO_LONG: Array<[string, number, number]> = [
  ['serial', PERMIT.serial, 24],
  ['holder', PERMIT.holder, 64],
  ['unitName', PERMIT.unitName, 80],
  ['position', PERMIT.position, 40],
  ['routeFrom', PERMIT.routeFrom, 80],
  ['routeTo', PERMIT.routeTo, 80],
  ['purpose', PERMIT.purpose, 80],
];
const UNIT_TOO_LONG: Array<[string, number, number]> = [
  ['unitName', UNIT.unitName, 80],
  ['address', UNIT.address, 120],
  ['approvalRef', UNIT.approvalRef, 32],
];

/** [case, build, the claim path `detail` must name] */
const MALFORMED: Array<[string, Build, string]> = [
  // Claims (§1 first table).
  ['iss missing', claim(CLAIM.iss, DROP), 'iss'],
  ['iss as an integer', claim(CLAIM.iss, 124), 'iss'],
  ...[
    'VN-01-004-0012',
    'VN-1-004-00124',
    'vn-01-004-00124',
    'VN-01-0004-00124',
    'VN-01-004-00124 ',
    ' VN-01-004-00124',
    'VN-01-004-00124\n',
    'VN-０1-004-00124',
    'VN_01_004_00124',
    '',
  ].map((iss): [string, Build, string] => [`iss ${JSON.stringify(iss)}`, claim(CLAIM.iss, iss), 'iss']),
  ['exp missing', claim(CLAIM.exp, DROP), 'exp'],
  ['exp as text', claim(CLAIM.exp, '1630947600'), 'exp'],
  ['exp negative', claim(CLAIM.exp, -1), 'exp'],
  ['exp as a float of an integral value', claim(CLAIM.exp, float(TIMES.exp)), 'exp'],
  ['exp as an epoch-time tag', claim(CLAIM.exp, tagged(1, TIMES.exp)), ''],
  ['exp = 2^53', claim(CLAIM.exp, 2n ** 53n), 'exp'],
  ['exp = 2^64 − 1', claim(CLAIM.exp, 2n ** 64n - 1n), 'exp'],
  ['nbf missing', claim(CLAIM.nbf, DROP), 'nbf'],
  ['iat missing', claim(CLAIM.iat, DROP), 'iat'],
  ['iat as null', claim(CLAIM.iat, null), 'iat'],
  ['nbf = exp', claim(CLAIM.nbf, TIMES.exp), 'nbf'],
  ['nbf > exp', claim(CLAIM.nbf, TIMES.exp + 1), 'nbf'],
  ['exp − iat = 7,948,801', claim(CLAIM.exp, TIMES.iat + 7_948_801), 'exp'],
  ['cti of 15 bytes', claim(CLAIM.cti, new Uint8Array(15)), 'cti'],
  ['cti of 17 bytes', claim(CLAIM.cti, new Uint8Array(17)), 'cti'],
  ['cti empty', claim(CLAIM.cti, new Uint8Array(0)), 'cti'],
  ['cti missing', claim(CLAIM.cti, DROP), 'cti'],
  ['cti as text', claim(CLAIM.cti, 'ABEiM0RVZneImaq7zN3u_w'), 'cti'],
  ['both permit and unit', claim(CLAIM.unit, claimsOf({ kind: 'unit' }).get(CLAIM.unit)), 'permit'],
  ['neither permit nor unit', claim(CLAIM.permit, DROP), 'permit'],
  ['permit as an array', claim(CLAIM.permit, []), 'permit'],
  ['permit as null', claim(CLAIM.permit, null), 'permit'],
  ['unit as text', { kind: 'unit', claims: (c) => c.set(CLAIM.unit, 'unit') }, 'unit'],
  // Permit fields: required, typed.
  ...(['serial', 'holder', 'idType', 'idNumber', 'unitTaxCode', 'routeFrom', 'routeTo', 'routeWards'] as const).map(
    (name): [string, Build, string] => [`permit.${name} missing`, field(PERMIT[name], DROP), `permit.${name}`],
  ),
  ['serial as an integer', field(PERMIT.serial, 125), 'permit.serial'],
  ['holder as bytes', field(PERMIT.holder, new TextEncoder().encode('An')), 'permit.holder'],
  ['idType as text', field(PERMIT.idType, '1'), 'permit.idType'],
  ['idType 0', field(PERMIT.idType, 0), 'permit.idType'],
  ['idType 4', field(PERMIT.idType, 4), 'permit.idType'],
  ['idType 2^64 − 1', field(PERMIT.idType, 2n ** 64n - 1n), 'permit.idType'],
  ['idNumber as an integer', field(PERMIT.idNumber, 1190012345), 'permit.idNumber'],
  ['routeWards as text', field(PERMIT.routeWards, '00133'), 'permit.routeWards'],
  ['routeWards holding an integer', field(PERMIT.routeWards, ['00133', 142]), 'permit.routeWards'],
  ['unitName (optional) as an integer', field(PERMIT.unitName, 1), 'permit.unitName'],
  ['position (optional) as null', field(PERMIT.position, null), 'permit.position'],
  ['purpose (optional) as undefined', field(PERMIT.purpose, undefined), 'permit.purpose'],
  ['schedule as a map', field(PERMIT.schedule, new Map<Item, Item>([[0, 63]])), 'permit.schedule'],
  ['schedule of two numbers', field(PERMIT.schedule, [63, 420]), 'permit.schedule'],
  ['schedule of four numbers', field(PERMIT.schedule, [63, 420, 1050, 0]), 'permit.schedule'],
  ['schedule with text', field(PERMIT.schedule, [63, '07:00', 1050]), 'permit.schedule'],
  ['schedule start −1', field(PERMIT.schedule, [63, -1, 1050]), 'permit.schedule'],
  ['schedule mask 0', field(PERMIT.schedule, [0, 420, 1050]), 'permit.schedule'],
  ['schedule mask 128', field(PERMIT.schedule, [128, 420, 1050]), 'permit.schedule'],
  ['schedule start = end', field(PERMIT.schedule, [63, 600, 600]), 'permit.schedule'],
  ['schedule start > end (across midnight)', field(PERMIT.schedule, [63, 1320, 360]), 'permit.schedule'],
  ['schedule end 1441', field(PERMIT.schedule, [63, 0, 1441]), 'permit.schedule'],
  // Text: NFC, required not all white space, lengths in code points.
  ['holder not NFC', field(PERMIT.holder, 'Nguyễn Thị Quỳnh Anh'.normalize('NFD')), 'permit.holder'],
  ['routeTo not NFC', field(PERMIT.routeTo, 'Thạch Bàn'.normalize('NFD')), 'permit.routeTo'],
  ['unitName (optional) not NFC', field(PERMIT.unitName, 'Đức Giang'.normalize('NFD')), 'permit.unitName'],
  ...['', ' ', '\t\r\n', '\u3000', '\u0085', '\u00a0\u2003\u202f', '\u2028\u3000'].map(
    (blank): [string, Build, string] => [
      `holder ${JSON.stringify(blank)} (white space only)`,
      field(PERMIT.holder, blank),
      'permit.holder',
    ],
  ),
  ['serial U+3000 only', field(PERMIT.serial, '\u3000'), 'permit.serial'],
  ['routeFrom U+0085 only', field(PERMIT.routeFrom, '\u0085'), 'permit.routeFrom'],
  ['routeTo empty', field(PERMIT.routeTo, ''), 'permit.routeTo'],
  ...TOO_LONG.map(([name, key, max]): [string, Build, string] => [
    `${name} of ${max + 1} code points`,
    field(key, emoji(max + 1)),
    `permit.${name}`,
  ]),
  ['holder of 65 Vietnamese letters', field(PERMIT.holder, viet(65)), 'permit.holder'],
  // idNumber per idType.
  ...[
    [1, '00119001234'],
    [1, '0011900123456'],
    [1, '00119001234a'],
    [1, '０01190012345'],
    [1, '012345678'],
    [2, '0123456789'],
    [2, '01234567'],
    [2, '0123456789012'],
    [3, 'b1234567'],
    [3, 'B1234'],
    [3, 'B123456789012'],
    [3, 'B-123456'],
    [3, 'Ç1234567'],
  ].map(([idType, idNumber]): [string, Build, string] => [
    `idType ${idType} with ${idNumber}`,
    both(field(PERMIT.idType, idType as number), field(PERMIT.idNumber, idNumber as string)),
    'permit.idNumber',
  ]),
  // Mã số thuế.
  ...[
    '0100233489',
    '010023348',
    '01002334888',
    '0100233488-000',
    '0100233488-01',
    '0100233488-0001',
    '0000000000',
    ' 0100233488',
    '0100233488 ',
    '0100233488–001',
  ].map((code): [string, Build, string] => [
    `tax code ${JSON.stringify(code)}`,
    field(PERMIT.unitTaxCode, code),
    'permit.unitTaxCode',
  ]),
  // Ward codes: five ASCII digits.
  ...['0013', '001333', '0013a', '００１３３', '', ' 00133'].map((ward): [string, Build, string] => [
    `ward code ${JSON.stringify(ward)}`,
    field(PERMIT.routeWards, ['00133', ward]),
    'permit.routeWards[1]',
  ]),
  // Unit fields.
  ['unit.unitTaxCode missing', unitField(UNIT.unitTaxCode, DROP), 'unit.unitTaxCode'],
  ['unit.unitTaxCode with a bad check digit', unitField(UNIT.unitTaxCode, '0100233480'), 'unit.unitTaxCode'],
  ['unit.unitName missing', unitField(UNIT.unitName, DROP), 'unit.unitName'],
  ['unit.unitName white space only', unitField(UNIT.unitName, '\u3000 '), 'unit.unitName'],
  ['unit.staffCount missing', unitField(UNIT.staffCount, DROP), 'unit.staffCount'],
  ['unit.staffCount −1', unitField(UNIT.staffCount, -1), 'unit.staffCount'],
  ['unit.staffCount as a float', unitField(UNIT.staffCount, float(37, 32)), 'unit.staffCount'],
  ['unit.staffCount as text', unitField(UNIT.staffCount, '37'), 'unit.staffCount'],
  ['unit.staffCount = 2^53', unitField(UNIT.staffCount, 2n ** 53n), 'unit.staffCount'],
  ['unit.approvalRef missing', unitField(UNIT.approvalRef, DROP), 'unit.approvalRef'],
  ['unit.address not NFC', unitField(UNIT.address, 'Số 5 phố Đức Giang'.normalize('NFD')), 'unit.address'],
  ...UNIT_TOO_LONG.map(([name, key, max]): [string, Build, string] => [
    `unit.${name} of ${max + 1} code points`,
    unitField(key, emoji(max + 1)),
    `unit.${name}`,
  ]),
];

/** Values at the edge of each rule, and unknown keys: all valid. */
const VALID: Array<[string, Build]> = [
  ['exp − iat = 7,948,800 exactly', claim(CLAIM.exp, TIMES.iat + 7_948_800)],
  [
    'exp before iat (only nbf < exp is required)',
    both(claim(CLAIM.iat, TIMES.at - 10), claim(CLAIM.exp, TIMES.at + 1), claim(CLAIM.nbf, TIMES.at - 100)),
  ],
  ...TOO_LONG.map(([name, key, max]): [string, Build] => [
    `${name} of ${max} emoji (${2 * max} UTF-16 units)`,
    field(key, emoji(max)),
  ]),
  ['holder of 64 Vietnamese letters', field(PERMIT.holder, viet(64))],
  ...UNIT_TOO_LONG.map(([name, key, max]): [string, Build] => [
    `unit.${name} of ${max} emoji`,
    unitField(key, emoji(max)),
  ]),
  ['holder U+FEFF (not White_Space, though JavaScript \\s has it)', field(PERMIT.holder, '\uFEFF')],
  ['holder U+200B (not White_Space)', field(PERMIT.holder, '\u200B')],
  [
    'optional text empty or white space (only required text must not be)',
    both(field(PERMIT.unitName, ''), field(PERMIT.position, '\u3000'), field(PERMIT.purpose, ' ')),
  ],
  ['CMND of 9 digits', both(field(PERMIT.idType, 2), field(PERMIT.idNumber, '012345678'))],
  ['CMND of 12 digits', both(field(PERMIT.idType, 2), field(PERMIT.idNumber, '001190012345'))],
  ['passport of 6', both(field(PERMIT.idType, 3), field(PERMIT.idNumber, 'B12345'))],
  ['passport of 12', both(field(PERMIT.idType, 3), field(PERMIT.idNumber, 'C0123456789X'))],
  ['tax code with branch 001', field(PERMIT.unitTaxCode, '0100233488-001')],
  ['tax code with branch 999', field(PERMIT.unitTaxCode, '0314409058-999')],
  ['tax code whose check digit is 0 (S = 5·2 = 10)', field(PERMIT.unitTaxCode, '0000000200')],
  ['schedule mask 1', field(PERMIT.schedule, [1, 420, 1050])],
  ['schedule mask 127, 00:00–24:00', field(PERMIT.schedule, [127, 0, 1440])],
  ['schedule of the last minute', field(PERMIT.schedule, [127, 1439, 1440])],
  ['no route wards', field(PERMIT.routeWards, [])],
  ['unit.staffCount 0', unitField(UNIT.staffCount, 0)],
  ['unit.staffCount 2^53 − 1', unitField(UNIT.staffCount, Number.MAX_SAFE_INTEGER)],
  ['unit without address', unitField(UNIT.address, DROP)],
  [
    'unknown claim keys of any kind are ignored',
    {
      claims: (c) => {
        c.set(8, new Map<Item, Item>([[1, 'cnf']]));
        c.set(999, 2n ** 64n - 1n);
        c.set(-65539, [float(1.5), null, undefined, true]);
        c.set('iss', 'VN-99-999-99999');
        c.set(new Uint8Array([1]), raw('f0'));
        c.set(2, float(-0.0, 32));
        c.set(-1, -(2n ** 64n));
      },
    },
  ],
  [
    'unknown permit keys are ignored',
    {
      fields: (f) => {
        f.set(13, 'thêm');
        f.set(99, 2n ** 60n);
        f.set('holder', 5);
        f.set(-1, [1, [2, [3]]]);
      },
    },
  ],
  ['unknown unit keys are ignored', { kind: 'unit', fields: (f) => f.set(6, new Map<Item, Item>([[1, 2]])) }],
];

const invalidUtf8 = (hex: string) =>
  raw(concat(Uint8Array.of(0x60 | (hex.length / 2)), Uint8Array.from(Buffer.from(hex, 'hex'))));

/** CBOR rules of §5 inside the payload: malformed wherever they are broken, unknown keys too. */
const CBOR_MALFORMED: Array<[string, Build]> = [
  ['a duplicate claim key', { payload: cbor(pairs(...claimsOf().entries(), [CLAIM.iss, 'VN-01-004-00124'])) }],
  [
    'a duplicate claim key written as a non-shortest integer',
    { payload: cbor(pairs(...claimsOf().entries(), [raw('1801'), 'VN-01-004-00124'])) },
  ],
  [
    'a duplicate permit key',
    {
      claims: (c) =>
        c.set(
          CLAIM.permit,
          pairs(...(claimsOf().get(CLAIM.permit) as Map<Item, Item>).entries(), [PERMIT.holder, 'An']),
        ),
    },
  ],
  ['a duplicate unknown key', { payload: cbor(pairs(...claimsOf().entries(), [8, 1], [8, 1])) }],
  ['a duplicate key inside an unknown claim', claim(8, pairs([1, 1], [1, 2]))],
  ['a duplicate byte-string key written two ways', claim(8, pairs([new Uint8Array([7]), 1], [raw('580107'), 2]))],
  ['invalid UTF-8 in holder', field(PERMIT.holder, invalidUtf8('4ec328'))],
  ['an overlong UTF-8 encoding', field(PERMIT.holder, invalidUtf8('c0ae'))],
  ['an encoded surrogate (CESU-8)', field(PERMIT.holder, invalidUtf8('eda080'))],
  ['a truncated UTF-8 sequence', field(PERMIT.routeTo, invalidUtf8('41e1bb'))],
  ['invalid UTF-8 under an unknown key', claim(8, invalidUtf8('ff'))],
  ['a tag under an unknown key', claim(8, tagged(0, '2021-08-15T00:00:00Z'))],
  ['a tag 18 inside the payload', claim(8, tagged(18, []))],
  [
    'an indefinite-length claims map',
    {
      payload: concat(
        Uint8Array.of(0xbf),
        ...[...claimsOf().entries()].flatMap(([k, v]) => [cbor(k), cbor(v)]),
        Uint8Array.of(0xff),
      ),
    },
  ],
  [
    'an indefinite-length holder',
    field(PERMIT.holder, raw(concat(Uint8Array.of(0x7f), cbor('Nguyễn '), cbor('An'), Uint8Array.of(0xff)))),
  ],
  [
    'an indefinite-length routeWards',
    field(PERMIT.routeWards, raw(concat(Uint8Array.of(0x9f), cbor('00133'), Uint8Array.of(0xff)))),
  ],
  ['a reserved additional information (28)', claim(8, raw('1c'))],
  ['a lone break byte', claim(8, raw('ff'))],
  ['a one-byte simple value below 32', claim(8, raw('f814'))],
  ['claims not a map', { payload: cbor([...claimsOf().entries()].flat()) }],
  ['two claims maps', { payload: concat(cbor(claimsOf()), cbor(claimsOf())) }],
];

describe('claim rules (§1) and CBOR rules (§5) inside the payload', () => {
  const crypto = PROVIDERS[0];
  if (!crypto) throw new Error('no provider');
  let check: Check;
  beforeAll(async () => {
    check = checker(crypto, await defaultTrust(crypto));
  });

  it('the default permit and unit are valid', async () => {
    expect((await check(permitText())).verdict).toBe('valid');
    expect((await check(permitText({ kind: 'unit' }))).verdict).toBe('valid');
  });

  it.each(MALFORMED)('%s → malformed', async (_, build, path) => {
    const result = await check(permitText(build));
    expect(result).toMatchObject({ verdict: 'malformed', claims: null, kind: null });
    if (path) expect(result.detail).toBe(path);
  });

  it.each(VALID)('%s → valid', async (_, build) => {
    const result = await check(permitText(build));
    expect(result.detail).toBeUndefined();
    expect(result.verdict).toBe('valid');
  });

  it.each(CBOR_MALFORMED)('%s → malformed', async (_, build) => {
    const result = await check(permitText(build));
    expect(result).toMatchObject({ verdict: 'malformed', claims: null });
  });
});
