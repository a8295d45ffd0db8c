/**
 * Properties over random input (fast-check): any valid claims sign and verify as `valid`
 * and round-trip; no single changed digit and no random text is ever `valid`, and verify
 * never fails inside (its catch-all is never what answers).
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { cbor, type Item } from '../test/helpers/cbor-writer.js';
import { permitExample } from '../test/helpers/fixtures.js';
import {
  CLAIM,
  coseOf,
  entryFor,
  ISSUER,
  KEYS,
  ORIGIN,
  PERMIT,
  sec,
  TIMES,
  textOf,
  trustOf,
  UNIT,
} from '../test/helpers/permit-factory.js';
import { PROVIDERS } from '../test/helpers/providers.js';
import { type Claims, decodeClaims, encodeClaims, type PermitFields, type UnitFields } from './claims.js';
import { claimsFromJson, claimsToJson } from './claims-json.js';
import { decodeSign1 } from './cose.js';
import { bytesToDigits } from './digits.js';
import { buildQrText } from './qr-text.js';
import { createSigner, signClaims } from './sign.js';
import type { TrustList } from './trust-list.js';
import { VERDICTS } from './verdicts.js';
import { type VerifyResult, verify } from './verify.js';

// ---------------------------------------------------------------------------------------
// Arbitraries: claims that follow every rule of spec §1.

const VN = 'aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ';
const UNITS = [...VN, ...VN.toUpperCase(), ...'0123456789/-,.()&', ' ', ' ', '\u00a0', '\u3000', '😀', '漢'];

const text = (max: number) => fc.string({ unit: fc.constantFrom(...UNITS), maxLength: max });
const requiredText = (max: number) => text(max).filter((s) => /\P{White_Space}/u.test(s));
const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

const WEIGHTS = [31, 29, 23, 19, 17, 13, 7, 5, 3];
const taxCode = fc
  .tuple(
    fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 9, maxLength: 9 }),
    optional(fc.integer({ min: 1, max: 999 })),
  )
  .filter(([d]) => d.reduce((s, x, i) => s + x * (WEIGHTS[i] as number), 0) % 11 !== 0)
  .map(([d, branch]) => {
    const r = d.reduce((s, x, i) => s + x * (WEIGHTS[i] as number), 0) % 11;
    const base = `${d.join('')}${10 - r}`;
    return branch === undefined ? base : `${base}-${String(branch).padStart(3, '0')}`;
  });

const identity = fc.oneof(
  fc.stringMatching(/^[0-9]{12}$/).map((n) => [1, n] as const),
  fc.stringMatching(/^(?:[0-9]{9}|[0-9]{12})$/).map((n) => [2, n] as const),
  fc.stringMatching(/^[A-Z0-9]{6,12}$/).map((n) => [3, n] as const),
);

const schedule = fc
  .tuple(fc.integer({ min: 1, max: 127 }), fc.integer({ min: 0, max: 1439 }))
  .chain(([mask, start]) => fc.integer({ min: start + 1, max: 1440 }).map((end) => ({ mask, start, end })));

/** Drops members whose value is undefined, as an issuer leaves optional fields out. */
const defined = <T extends object>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

const permit: fc.Arbitrary<PermitFields> = fc
  .record({
    serial: requiredText(24),
    holder: requiredText(64),
    identity,
    unitTaxCode: taxCode,
    unitName: optional(text(80)),
    position: optional(text(40)),
    routeFrom: requiredText(80),
    routeTo: requiredText(80),
    routeWards: fc.array(fc.stringMatching(/^[0-9]{5}$/), { maxLength: 6 }),
    schedule: optional(schedule),
    purpose: optional(text(80)),
  })
  .map(({ identity: [idType, idNumber], ...f }) => defined({ ...f, idType, idNumber }));

const unit: fc.Arbitrary<UnitFields> = fc
  .record({
    unitTaxCode: taxCode,
    unitName: requiredText(80),
    address: optional(text(120)),
    staffCount: fc.oneof(fc.nat(5000), fc.constant(Number.MAX_SAFE_INTEGER)),
    approvalRef: requiredText(32),
  })
  .map(defined);

/** Claims and a verification time inside their validity (t in [nbf, exp)). */
const claimsAndTime: fc.Arbitrary<{ claims: Claims; t: number }> = fc
  .record({
    iat: fc.integer({ min: sec('2000-01-01T00:00:00Z'), max: sec('2100-01-01T00:00:00Z') }),
    life: fc.integer({ min: -1_000_000, max: 7_948_800 }),
    before: fc.integer({ min: 1, max: 20_000_000 }),
    into: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
    cti: fc.uint8Array({ minLength: 16, maxLength: 16 }),
    body: fc.oneof(
      permit.map((p) => ({ permit: p })),
      unit.map((u) => ({ unit: u })),
    ),
  })
  .map(({ iat, life, before, into, cti, body }) => {
    const exp = iat + life;
    const nbf = Math.max(0, exp - before);
    const t = nbf + Math.floor(into * (exp - nbf));
    return { claims: { iss: ISSUER, iat, exp, nbf, cti, ...body }, t };
  });

// ---------------------------------------------------------------------------------------
// Independent oracles.

/** The claims as the spec's CBOR map, written by the test's own deterministic writer. */
function claimsItem(c: Claims): Map<Item, Item> {
  const m = new Map<Item, Item>([
    [CLAIM.iss, c.iss],
    [CLAIM.exp, c.exp],
    [CLAIM.nbf, c.nbf],
    [CLAIM.iat, c.iat],
    [CLAIM.cti, c.cti],
  ]);
  const put = (target: Map<Item, Item>, key: number, v: Item) => {
    if (v !== undefined) target.set(key, v);
  };
  if (c.permit) {
    const p = c.permit;
    const f = new Map<Item, Item>();
    for (const [name, key] of Object.entries(PERMIT)) {
      const v = p[name as keyof PermitFields];
      if (name === 'schedule') put(f, key, p.schedule && [p.schedule.mask, p.schedule.start, p.schedule.end]);
      else put(f, key, v as Item);
    }
    m.set(CLAIM.permit, f);
  }
  if (c.unit) {
    const u = c.unit;
    const f = new Map<Item, Item>();
    for (const [name, key] of Object.entries(UNIT)) put(f, key, u[name as keyof UnitFields] as Item);
    m.set(CLAIM.unit, f);
  }
  return m;
}

/** Spec §5 outside_schedule: L = t + 25,200; weekday of L (1970-01-01 was a Thursday). */
function inSchedule(s: { mask: number; start: number; end: number }, t: number): boolean {
  const local = t + 25_200;
  const weekday = (Math.floor(local / 86_400) + 3) % 7; // 0 = Monday
  const minute = Math.floor((local % 86_400) / 60);
  return (s.mask & (1 << weekday)) !== 0 && minute >= s.start && minute < s.end;
}

/** The catch-all of verify answers `malformed` with the exception as detail: never wanted. */
function expectHandled(result: VerifyResult): void {
  expect(VERDICTS).toContain(result.verdict);
  expect(result.detail ?? '').not.toMatch(/^\w*Error\b/);
}

const WIDE_TRUST = [
  entryFor(KEYS.ed, { notBefore: '1970-01-01T00:00:00Z', notAfter: '2200-01-01T00:00:00Z' }),
  entryFor(KEYS.es, { notBefore: '1970-01-01T00:00:00Z', notAfter: '2200-01-01T00:00:00Z' }),
];

describe.each(PROVIDERS.map((crypto, i) => ({ crypto, name: crypto.name, runs: i === 0 ? 150 : 30 })))(
  'random valid claims with $name',
  ({ crypto, runs }) => {
    let trust: TrustList;
    beforeAll(async () => {
      trust = await trustOf(crypto, ...WIDE_TRUST);
    });

    it('sign → verify is valid, and the claims round-trip', async () => {
      const signers = {
        EdDSA: await createSigner(KEYS.ed.privateJwk, crypto),
        ES256: await createSigner(KEYS.es.privateJwk, crypto),
      };
      await fc.assert(
        fc.asyncProperty(
          claimsAndTime,
          fc.constantFrom('EdDSA' as const, 'ES256' as const),
          async ({ claims, t }, alg) => {
            const cose = await signClaims(claims, signers[alg], crypto);
            const sign1 = decodeSign1(cose);
            if (!sign1.ok) throw new Error(sign1.message);
            // Deterministic CBOR, exactly as the test's own writer writes it.
            expect(sign1.value.payload).toEqual(cbor(claimsItem(claims)));
            expect(encodeClaims(claims)).toEqual(sign1.value.payload);
            const decoded = decodeClaims(sign1.value.payload);
            expect(decoded.ok && decoded.value).toEqual(claims);

            const result = await verify(buildQrText(ORIGIN, cose), { crypto, trust, at: t * 1000 });
            expect(result.verdict).toBe('valid');
            const s = claims.permit?.schedule;
            expect(result.warnings).toEqual(s && !inSchedule(s, t) ? ['outside_schedule'] : []);
            expect(result.claims).toEqual(claimsToJson(claims));

            // The JSON shape round-trips too.
            const back = claimsFromJson(JSON.parse(JSON.stringify(claimsToJson(claims))), () => new Uint8Array(16));
            expect(back.ok && back.value).toEqual(claims);
          },
        ),
        { numRuns: runs },
      );
    });
  },
);

describe('nothing but the signed text is ever valid', () => {
  const crypto = PROVIDERS[0];
  if (!crypto) throw new Error('no provider');
  let trust: TrustList;
  beforeAll(async () => {
    trust = await trustOf(crypto, ...WIDE_TRUST);
  });
  const check = (text: string) => verify(text, { crypto, trust, at: TIMES.at * 1000 });

  const reference = permitExample('reference-permit.json');
  const texts = [
    { text: reference.text, at: Date.parse(reference.verifyAt), origin: reference.origin },
    { text: textOf(coseOf()), at: TIMES.at * 1000, origin: ORIGIN },
    { text: textOf(coseOf({ key: KEYS.es, kind: 'unit' })), at: TIMES.at * 1000, origin: ORIGIN },
  ];

  it('changing any single digit never yields valid', async () => {
    const referenceTrust = await trustOf(crypto, entryFor(KEYS.ed), entryFor(KEYS.es), {
      kid: 'NHUPmL1Z_Pw',
      alg: 'EdDSA',
      jwk: { kty: 'OKP', crv: 'Ed25519', x: 'iojj3XQJ8ZX9UtstPLpdcspnCb8dlBIb83SIAbQPb1w' },
      issuer: ISSUER,
      notBefore: '2021-08-01T00:00:00Z',
      notAfter: '2022-08-01T00:00:00Z',
    });
    for (const { text, at } of texts) {
      expect((await verify(text, { crypto, trust: referenceTrust, at })).verdict).toBe('valid');
    }
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...texts), fc.nat(), fc.integer({ min: 1, max: 9 }), async (c, pos, delta) => {
        const start = c.text.indexOf('/p1#') + 4;
        const i = start + (pos % (c.text.length - start));
        const digit = String((Number(c.text[i]) + delta) % 10);
        const changed = c.text.slice(0, i) + digit + c.text.slice(i + 1);
        const result = await verify(changed, { crypto, trust: referenceTrust, at: c.at });
        expectHandled(result);
        expect(result.verdict).not.toBe('valid');
      }),
      { numRuns: 600 },
    );
  });

  it('random text after a valid origin never throws and is never valid', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 300 }), async (rest) => {
        const result = await check(`${ORIGIN}/p1#${rest}`);
        expectHandled(result);
        expect(['not_permit_qr', 'malformed']).toContain(result.verdict);
      }),
      { numRuns: 500 },
    );
  });

  it('random digits after a valid origin never throw and are never valid', async () => {
    await fc.assert(
      fc.asyncProperty(fc.stringMatching(/^[0-9]{0,700}$/), async (digits) => {
        const result = await check(`${ORIGIN}/p1#${digits}`);
        expectHandled(result);
        expect(result.verdict).toBe('malformed');
      }),
      { numRuns: 500 },
    );
  });

  it('random bytes, bare or behind a COSE_Sign1 head, never throw and are never valid', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('', 'd2', 'd284', 'd2844da2012704', 'd2844da20127044834750f98bd59fcfca0'),
        fc.uint8Array({ minLength: 1, maxLength: 300 }),
        async (head, tail) => {
          const bytes = Uint8Array.from([...Buffer.from(head, 'hex'), ...tail]);
          const result = await check(`${ORIGIN}/p1#${bytesToDigits(bytes)}`);
          expectHandled(result);
          expect(result.verdict).toBe('malformed');
        },
      ),
      { numRuns: 500 },
    );
  });

  it('one byte of a valid COSE_Sign1 replaced, inserted or removed is never valid', async () => {
    const cose = coseOf();
    await fc.assert(
      fc.asyncProperty(
        fc.nat(cose.length - 1),
        fc.integer({ min: 1, max: 255 }),
        fc.constantFrom('replace', 'insert', 'remove'),
        async (at, byte, how) => {
          const b = [...cose];
          if (how === 'replace') b[at] = ((b[at] as number) + byte) & 0xff;
          else if (how === 'insert') b.splice(at, 0, byte);
          else b.splice(at, 1);
          const result = await check(textOf(Uint8Array.from(b)));
          expectHandled(result);
          expect(result.verdict).not.toBe('valid');
        },
      ),
      { numRuns: 600 },
    );
  });
});
