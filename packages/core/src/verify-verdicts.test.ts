/**
 * Every verdict of spec §5, built by signing with test keys and tampering, in the spec's
 * order; one suite, run by every crypto provider.
 */
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { cbor, concat, type Item, pairs, raw, tagged } from '../test/helpers/cbor-writer.js';
import {
  type Build,
  b64u,
  type Check,
  CLAIM,
  CTI,
  checker,
  claimsOf,
  coseOf,
  defaultTrust,
  entryFor,
  ISSUER,
  KEYS,
  kidOf,
  ORIGIN,
  permitText,
  rawSign,
  sec,
  type TestKey,
  TIMES,
  textOf,
  toBeSigned,
  trustJson,
  trustOf,
} from '../test/helpers/permit-factory.js';
import { PROVIDERS } from '../test/helpers/providers.js';
import { loadRevocationList } from './revocation-list.js';
import { loadTrustList, type TrustList } from './trust-list.js';
import { VERDICTS } from './verdicts.js';

const VALID_TEXT = permitText();
const DIGITS = VALID_TEXT.slice(`${ORIGIN}/p1#`.length);

/** The protected header {1: alg, 4: kid} of a key, as a value. */
const header = (key: TestKey, extra: Array<[Item, Item]> = []): Map<Item, Item> =>
  new Map<Item, Item>([[1, key.cose], [4, key.kid], ...extra]);

/** A COSE_Sign1 written by hand (any structure), signed over the given protected bytes and payload. */
function handMade(parts: (p: { prot: Uint8Array; payload: Uint8Array; sig: Uint8Array }) => Item): string {
  const prot = cbor(header(KEYS.ed));
  const payload = cbor(claimsOf());
  const sig = rawSign(KEYS.ed, toBeSigned(prot, payload));
  return textOf(cbor(parts({ prot, payload, sig })));
}

/** An ES256 entry whose JWK is a point off the curve, with the kid that JWK gives. */
function offCurveEntry(): Record<string, unknown> {
  const y = new Uint8Array(32).fill(1);
  const jwk = { ...KEYS.es.publicJwk, y: b64u(y) };
  const rawKey = concat(Uint8Array.of(4), KEYS.es.raw.slice(1, 33), y);
  return entryFor(KEYS.es, { jwk, kid: b64u(kidOf(rawKey)) });
}

const revokedList = (...ctis: Uint8Array[]) => {
  const loaded = loadRevocationList({
    format: 'thonghanh-revoked/1',
    updated: '2021-08-16T09:30:00Z',
    version: 42,
    revoked: ctis.map(b64u),
  });
  if (!loaded.ok) throw new Error(loaded.message);
  return loaded.value;
};

const L = 2n ** 252n + 27742317777372353535851937790883648493n;
const P = 2n ** 255n - 19n;
const P256_N = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n;
const le = (bytes: Uint8Array) => bytes.reduceRight((n, b) => (n << 8n) | BigInt(b), 0n);
const leBytes = (n: bigint, size = 32) =>
  Uint8Array.from({ length: size }, (_, i) => Number((n >> BigInt(8 * i)) & 0xffn));
const be = (bytes: Uint8Array) => bytes.reduce((n, b) => (n << 8n) | BigInt(b), 0n);
const beBytes = (n: bigint, size = 32) => leBytes(n, size).reverse();
const withS = (sig: Uint8Array, s: bigint) => concat(sig.slice(0, 32), beBytes(s));
const withR = (sig: Uint8Array, r: bigint) => concat(beBytes(r), sig.slice(32));

/**
 * An Ed25519 signature by `key` whose R is the neutral point written as `rBytes`: S = k·a,
 * so [S]B = R + [k]A holds; only the encoding of R decides (RFC 8032 §5.1.3 decoding).
 */
function identityRSignature(key: TestKey, rBytes: Uint8Array, message: Uint8Array): Uint8Array {
  const h = createHash('sha512').update(key.secret).digest();
  const a = new Uint8Array(h.subarray(0, 32));
  a[0] = (a[0] as number) & 248;
  a[31] = ((a[31] as number) & 127) | 64;
  const k = le(new Uint8Array(createHash('sha512').update(rBytes).update(key.raw).update(message).digest())) % L;
  return concat(rBytes, leBytes((k * le(a)) % L));
}

describe.each(PROVIDERS)('verdicts with $name', (crypto) => {
  let trust: TrustList;
  let check: Check;
  beforeAll(async () => {
    trust = await defaultTrust(crypto);
    check = checker(crypto, trust);
  });

  const verdictOf = async (text: unknown, options = {}) => (await check(text, options)).verdict;

  it('the untampered permit and unit credential are valid (the baseline of every case)', async () => {
    const permit = await check(VALID_TEXT);
    expect(permit).toMatchObject({ verdict: 'valid', warnings: [], kind: 'permit', origin: ORIGIN });
    expect(permit.claims?.permit?.holder).toBe('Nguyễn Thị Quỳnh Anh');
    expect(permit.claims?.iss).toBe(ISSUER);
    expect(permit.issuerName).toBe('UBND phường Đức Giang');
    expect(await check(permitText({ kind: 'unit' }))).toMatchObject({ verdict: 'valid', kind: 'unit' });
    expect(await verdictOf(permitText({ key: KEYS.es }))).toBe('valid');
  });

  describe('not_permit_qr', () => {
    const cases: Array<[string, unknown]> = [
      ['a CCCD card', '001190012345|012345678|Nguyễn Thị Quỳnh Anh|01011990|Nữ|Ngọc Lâm, Long Biên, Hà Nội|15042021'],
      ['a web link', 'https://giaydiduong.longbien.example/huong-dan?p=1#p1'],
      ['plain text', 'Giấy đi đường số 0125/GĐĐ'],
      ['empty text', ''],
      ['white space only', ' \t\r\n\u3000'],
      ['white space in the origin', `https://giaydiduong longbien.example/p1#${DIGITS}`],
      ['an ideographic space in the origin', `https://giaydiduong\u3000longbien.example/p1#${DIGITS}`],
      ['/p2# instead of /p1#', `${ORIGIN}/p2#${DIGITS}`],
      ['/P1# in capitals', `${ORIGIN}/P1#${DIGITS}`],
      ['no # after /p1', `${ORIGIN}/p1${DIGITS}`],
      ['no / before p1#', `${ORIGIN}p1#${DIGITS}`],
      ['an empty origin', `/p1#${DIGITS}`],
      ['a line feed inside the digits', `${ORIGIN}/p1#${DIGITS.slice(0, 40)}\n${DIGITS.slice(40)}`],
      ['a line separator inside the digits', `${ORIGIN}/p1#${DIGITS.slice(0, 40)}\u2028${DIGITS.slice(40)}`],
      ['not a string', undefined],
      ['a number', 42],
    ];
    it.each(cases)('%s', async (_, text) => {
      const result = await check(text);
      expect(result).toMatchObject({ verdict: 'not_permit_qr', warnings: [], claims: null, origin: null });
    });

    it('surrounding white space (Unicode White_Space, U+0085 and U+3000 too) is ignored', async () => {
      for (const pad of [' ', '\r\n', '\t', '\u0085', '\u3000', '\u00a0\u2029']) {
        const result = await check(`${pad}${VALID_TEXT}${pad}`);
        expect(result.verdict, JSON.stringify(pad)).toBe('valid');
        expect(result.origin).toBe(ORIGIN);
      }
    });

    it('ORIGIN is everything before the last /p1#', async () => {
      const origin = 'https://a.example/p1#b';
      const result = await check(textOf(coseOf(), origin));
      expect(result).toMatchObject({ verdict: 'valid', origin });
    });

    it('any ORIGIN without white space is accepted (it only feeds untrusted_origin)', async () => {
      for (const origin of ['x', 'http://localhost:8080/giay', 'Đức-Giang']) {
        expect(await check(textOf(coseOf(), origin))).toMatchObject({ verdict: 'valid', origin });
      }
    });
  });

  describe('malformed: digits (§3)', () => {
    const lastGroup = DIGITS.length % 17 || 17;
    const cases: Array<[string, string]> = [
      ['empty digits', ''],
      ['a letter among the digits', `${DIGITS.slice(0, 30)}a${DIGITS.slice(31)}`],
      ['a full-width digit', `${DIGITS.slice(0, 30)}５${DIGITS.slice(31)}`],
      ['a space among the digits', `${DIGITS.slice(0, 30)} ${DIGITS.slice(30)}`],
      ['a last group one digit short', DIGITS.slice(0, -1)],
      ['a last group one digit long', `${DIGITS}0`],
      ['a full group too large for 7 bytes', `99999999999999999${DIGITS.slice(17)}`],
      ['a full group of exactly 2^56', `72057594037927936${DIGITS.slice(17)}`],
      ['a last group too large for its bytes', DIGITS.slice(0, -lastGroup) + '9'.repeat(lastGroup)],
    ];
    it.each(cases)('%s', async (_, digits) => {
      const result = await check(`${ORIGIN}/p1#${digits}`);
      expect(result).toMatchObject({ verdict: 'malformed', origin: ORIGIN, claims: null, warnings: [] });
    });
  });

  describe('malformed: COSE_Sign1 (§2, §5)', () => {
    const ed = KEYS.ed;
    const cases: Array<[string, Build]> = [
      ['untagged COSE_Sign1', { tag: null }],
      ['tag 98 (COSE_Sign) instead of 18', { tag: 98 }],
      ['trailing bytes after the COSE item', { trailing: Uint8Array.of(0) }],
      ['trailing bytes in the protected header', { protectedBytes: concat(cbor(header(ed)), Uint8Array.of(0)) }],
      ['trailing bytes in the payload', { payload: concat(cbor(claimsOf()), Uint8Array.of(0)) }],
      ['an empty payload', { payload: new Uint8Array(0) }],
      ['a protected header that is not a map', { protectedBytes: cbor([1, -8, 4, ed.kid]) }],
      ['an empty protected header', { protectedBytes: new Uint8Array(0) }],
      [
        'alg -35 (ES384)',
        {
          protectedHeader: new Map<Item, Item>([
            [1, -35],
            [4, ed.kid],
          ]),
        },
      ],
      [
        'alg as text',
        {
          protectedHeader: new Map<Item, Item>([
            [1, 'EdDSA'],
            [4, ed.kid],
          ]),
        },
      ],
      ['no alg', { protectedHeader: new Map<Item, Item>([[4, ed.kid]]) }],
      [
        'a kid of 7 bytes',
        {
          protectedHeader: new Map<Item, Item>([
            [1, -8],
            [4, ed.kid.slice(0, 7)],
          ]),
        },
      ],
      [
        'a kid of 9 bytes',
        {
          protectedHeader: new Map<Item, Item>([
            [1, -8],
            [4, concat(ed.kid, Uint8Array.of(0))],
          ]),
        },
      ],
      [
        'a kid as text',
        {
          protectedHeader: new Map<Item, Item>([
            [1, -8],
            [4, b64u(ed.kid)],
          ]),
        },
      ],
      ['no kid', { protectedHeader: new Map<Item, Item>([[1, -8]]) }],
      ['an extra protected key', { protectedHeader: header(ed, [[3, 0]]) }],
      ['an extra protected text key', { protectedHeader: header(ed, [['x', 0]]) }],
      ['a duplicate key in the protected header', { protectedHeader: pairs([1, -8], [4, ed.kid], [1, -8]) }],
      [
        'a tag in the protected header',
        {
          protectedHeader: new Map<Item, Item>([
            [1, -8],
            [4, tagged(64, ed.kid)],
          ]),
        },
      ],
      ['the kid in the unprotected header', { unprotected: new Map<Item, Item>([[4, ed.kid]]) }],
      ['a non-empty unprotected map', { unprotected: new Map<Item, Item>([[99, 0]]) }],
      ['an unprotected header that is not a map', { unprotected: [] }],
      ['a signature of 63 bytes', { signature: (s) => s.slice(0, 63) }],
      ['a signature of 65 bytes', { signature: (s) => concat(s, Uint8Array.of(0)) }],
      ['an empty signature', { signature: () => new Uint8Array(0) }],
    ];
    it.each(cases)('%s', async (_, build) => {
      const result = await check(permitText(build));
      expect(result).toMatchObject({ verdict: 'malformed', origin: ORIGIN, claims: null });
    });

    it('alg in the unprotected header instead of the protected one', async () => {
      const text = permitText({
        protectedHeader: new Map<Item, Item>([[4, ed.kid]]),
        unprotected: new Map<Item, Item>([[1, -8]]),
      });
      expect(await verdictOf(text)).toBe('malformed');
    });

    it('tag 18 nested in tag 18', async () => {
      const cose = coseOf();
      expect(await verdictOf(textOf(concat(Uint8Array.of(0xd2), cose)))).toBe('malformed');
    });

    it('an indefinite-length COSE array', async () => {
      const text = handMade(({ prot, payload, sig }) =>
        tagged(
          18,
          raw(concat(Uint8Array.of(0x9f), cbor(prot), cbor(new Map()), cbor(payload), cbor(sig), Uint8Array.of(0xff))),
        ),
      );
      expect(await verdictOf(text)).toBe('malformed');
    });

    it('an indefinite-length payload byte string', async () => {
      const text = handMade(({ prot, payload, sig }) =>
        tagged(18, [prot, new Map(), raw(concat(Uint8Array.of(0x5f), cbor(payload), Uint8Array.of(0xff))), sig]),
      );
      expect(await verdictOf(text)).toBe('malformed');
    });

    it('an array of 3 or 5 elements', async () => {
      expect(await verdictOf(handMade(({ prot, payload }) => tagged(18, [prot, new Map(), payload])))).toBe(
        'malformed',
      );
      expect(
        await verdictOf(handMade(({ prot, payload, sig }) => tagged(18, [prot, new Map(), payload, sig, sig]))),
      ).toBe('malformed');
    });

    it('a protected header as a map rather than a byte string', async () => {
      expect(
        await verdictOf(handMade(({ payload, sig }) => tagged(18, [header(KEYS.ed), new Map(), payload, sig]))),
      ).toBe('malformed');
    });

    it('a detached (nil) payload', async () => {
      expect(await verdictOf(handMade(({ prot, sig }) => tagged(18, [prot, new Map(), null, sig])))).toBe('malformed');
    });

    it('the payload wrapped in the CWT tag 61', async () => {
      expect(await verdictOf(permitText({ payload: cbor(tagged(61, claimsOf())) }))).toBe('malformed');
    });

    it('digits that decode to some other CBOR', async () => {
      for (const item of [0, 'p1', [], new Map(), tagged(18, [])] as Item[]) {
        expect(await verdictOf(textOf(cbor(item)))).toBe('malformed');
      }
    });

    it('deterministic encoding is not required: the signature covers the bytes as received', async () => {
      // Protected header with keys in reverse order and alg as a non-shortest integer.
      const protectedBytes = cbor(pairs([4, KEYS.ed.kid], [raw('01'), raw('3807')]));
      expect(await verdictOf(permitText({ protectedBytes }))).toBe('valid');
      // Claims in reverse key order, exp as a 64-bit integer, tag 18 in its two-byte form.
      const claims = [...claimsOf().entries()].reverse();
      const payload = cbor(
        pairs(
          ...claims.map(
            ([k, v]) =>
              [k, k === CLAIM.exp ? raw(concat(Uint8Array.of(0x1b), beBytes(BigInt(TIMES.exp), 8))) : v] as const,
          ),
        ),
      );
      expect(await verdictOf(permitText({ payload }))).toBe('valid');
      const cose = coseOf();
      expect(await verdictOf(textOf(concat(Uint8Array.of(0xd8, 18), cose.subarray(1))))).toBe('valid');
    });
  });

  describe('unknown_key', () => {
    it('another issuer signing with a trusted key', async () => {
      const text = permitText({ claims: (c) => c.set(CLAIM.iss, 'VN-01-004-00127') });
      expect(await check(text)).toMatchObject({ verdict: 'unknown_key', kind: 'permit' });
    });

    it('a key the list does not hold', async () => {
      expect(await verdictOf(permitText({ key: KEYS.stranger }))).toBe('unknown_key');
    });

    it('a kid the list does not hold, signed by a trusted key', async () => {
      const kid = Uint8Array.from(KEYS.ed.kid, (b) => b ^ 1);
      expect(
        await verdictOf(
          permitText({
            protectedHeader: new Map<Item, Item>([
              [1, -8],
              [4, kid],
            ]),
          }),
        ),
      ).toBe('unknown_key');
    });

    it('alg not matching the entry: ES256 named with the Ed25519 key kid, and the reverse', async () => {
      const esWithEdKid = permitText({
        key: KEYS.es,
        protectedHeader: new Map<Item, Item>([
          [1, -7],
          [4, KEYS.ed.kid],
        ]),
      });
      expect(await verdictOf(esWithEdKid)).toBe('unknown_key');
      const edWithAlgMinus7 = permitText({
        protectedHeader: new Map<Item, Item>([
          [1, -7],
          [4, KEYS.ed.kid],
        ]),
      });
      expect(await verdictOf(edWithAlgMinus7)).toBe('unknown_key');
    });

    it('an empty trust list', async () => {
      expect(await verdictOf(VALID_TEXT, { trust: { updated: 0, keys: [], ignored: [] } })).toBe('unknown_key');
    });

    it('entries that cannot be read, or whose kid is not the one their JWK gives, are ignored (§4)', async () => {
      const loaded = await loadTrustList(
        {
          format: 'thonghanh-trust/1',
          updated: '2021-08-15T00:00:00Z',
          keys: [
            entryFor(KEYS.ed, { kid: b64u(KEYS.stranger.kid) }), // kid of another key
            entryFor(KEYS.ed, { alg: 'ES256' }), // JWK does not fit alg
            entryFor(KEYS.ed, { alg: 'Ed25519' }), // unknown alg name
            entryFor(KEYS.ed, { notAfter: 'soon' }), // unreadable time
            entryFor(KEYS.ed, { kid: `${b64u(KEYS.ed.kid)}==` }), // padded base64url
            offCurveEntry(), // a P-256 point off the curve, named by its own kid
            'not an entry',
          ],
        },
        crypto,
      );
      if (!loaded.ok) throw new Error(loaded.message);
      expect(loaded.value.keys).toEqual([]);
      expect(loaded.value.ignored.map((i) => i.index)).toEqual([0, 1, 2, 3, 4, 5, 6]);
      expect(await verdictOf(VALID_TEXT, { trust: loaded.value })).toBe('unknown_key');
    });

    it('a trust list whose format is unknown is refused whole', async () => {
      const loaded = await loadTrustList({ ...trustJson(entryFor(KEYS.ed)), format: 'thonghanh-trust/2' }, crypto);
      expect(loaded.ok ? 'ok' : loaded.code).toBe('trust_list_format');
    });
  });

  describe('bad_signature', () => {
    it.each([0, 1, 31, 32, 63])('one flipped bit in signature byte %i', async (i) => {
      const text = permitText({
        signature: (s) => {
          const t = s.slice();
          t[i] = (t[i] as number) ^ 0x10;
          return t;
        },
      });
      expect(await check(text)).toMatchObject({ verdict: 'bad_signature', kind: 'permit' });
    });

    it('one changed payload byte, re-encoded as digits (Anh → Cnh)', async () => {
      const cose = coseOf();
      const at = Buffer.from(cose).indexOf('Anh');
      expect(at).toBeGreaterThan(0);
      const tampered = cose.slice();
      tampered[at] = (tampered[at] as number) ^ 0x02;
      const result = await check(textOf(tampered));
      expect(result.verdict).toBe('bad_signature');
      expect(result.claims?.permit?.holder).toBe('Nguyễn Thị Quỳnh Cnh');
    });

    it('a signature by another key under the trusted kid', async () => {
      const prot = cbor(header(KEYS.ed));
      const payload = cbor(claimsOf());
      const forged = rawSign(KEYS.stranger, toBeSigned(prot, payload));
      expect(await verdictOf(permitText({ signature: () => forged }))).toBe('bad_signature');
    });

    it('a protected header re-encoded after signing (same map, other bytes)', async () => {
      const signedOver = toBeSigned(cbor(header(KEYS.ed)), cbor(claimsOf()));
      const protectedBytes = cbor(pairs([4, KEYS.ed.kid], [1, -8]));
      expect(await verdictOf(permitText({ protectedBytes, signOver: signedOver }))).toBe('bad_signature');
    });

    it('Ed25519: S + L (S out of range, RFC 8032 §5.1.7) does not verify', async () => {
      const text = permitText({ signature: (s) => concat(s.slice(0, 32), leBytes(le(s.slice(32)) + L)) });
      expect(await verdictOf(text)).toBe('bad_signature');
    });

    it('Ed25519: R written non-canonically (y ≥ p, RFC 8032 §5.1.3) does not verify', async () => {
      const message = toBeSigned(cbor(header(KEYS.ed)), cbor(claimsOf()));
      const canonical = identityRSignature(KEYS.ed, leBytes(1n), message);
      // The same signature with R written canonically: valid by RFC 8032, which noble and
      // Node 20's OpenSSL follow; OpenSSL 3.5 (Node 24) refuses a small-order R outright, so
      // there the baseline is refused too. The encoding check comes first on every platform.
      const smallOrderR = await crypto.verify(
        'EdDSA',
        await crypto.importPublicKey('EdDSA', KEYS.ed.publicJwk),
        message,
        canonical,
      );
      expect(await verdictOf(permitText({ signature: () => canonical }))).toBe(smallOrderR ? 'valid' : 'bad_signature');
      if (crypto.name === 'noble') expect(smallOrderR).toBe(true);
      const nonCanonical = identityRSignature(KEYS.ed, leBytes(P + 1n), message);
      expect(await verdictOf(permitText({ signature: () => nonCanonical }))).toBe('bad_signature');
    });

    it('ES256: a high-S signature is accepted (§2)', async () => {
      const text = permitText({ key: KEYS.es, signature: (sig) => withS(sig, P256_N - be(sig.slice(32))) });
      expect(await verdictOf(text)).toBe('valid');
    });

    it.each([
      ['r = 0', (sig: Uint8Array) => withR(sig, 0n)],
      ['s = 0', (sig: Uint8Array) => withS(sig, 0n)],
      ['r = n', (sig: Uint8Array) => withR(sig, P256_N)],
      ['s = n', (sig: Uint8Array) => withS(sig, P256_N)],
      ['s + n', (sig: Uint8Array) => withS(sig, be(sig.slice(32)) + P256_N)],
      ['all bits set', () => new Uint8Array(64).fill(0xff)],
    ])('ES256: %s is simply a signature that does not verify', async (_, change) => {
      const text = permitText({ key: KEYS.es, signature: change });
      expect(await verdictOf(text)).toBe('bad_signature');
    });
  });

  describe('key_not_valid: iat against notBefore–notAfter, both inclusive', () => {
    const nb = '2021-08-10T00:00:00Z';
    const na = '2021-08-20T00:00:00Z';
    /** A permit signed at iat, valid from iat for a day, checked an hour later. */
    const signedAt = async (iat: number, entries = [entryFor(KEYS.ed, { notBefore: nb, notAfter: na })]) => {
      const text = permitText({
        claims: (c) => {
          c.set(CLAIM.iat, iat);
          c.set(CLAIM.nbf, iat);
          c.set(CLAIM.exp, iat + 86400);
        },
      });
      return verdictOf(text, { trust: await trustOf(crypto, ...entries), at: (iat + 3600) * 1000 });
    };

    it('iat = notBefore is valid; one second earlier is not', async () => {
      expect(await signedAt(sec(nb))).toBe('valid');
      expect(await signedAt(sec(nb) - 1)).toBe('key_not_valid');
    });

    it('iat = notAfter is valid; one second later is not', async () => {
      expect(await signedAt(sec(na))).toBe('valid');
      expect(await signedAt(sec(na) + 1)).toBe('key_not_valid');
    });

    it('any matching entry whose key verifies may hold iat', async () => {
      const entries = [
        entryFor(KEYS.ed, { notBefore: '2021-01-01T00:00:00Z', notAfter: '2021-02-01T00:00:00Z' }),
        entryFor(KEYS.ed, { notBefore: nb, notAfter: na, issuerName: 'UBND phường Đức Giang (khóa mới)' }),
      ];
      expect(await signedAt(sec('2021-08-15T00:00:00Z'), entries)).toBe('valid');
      expect(await signedAt(sec('2021-05-01T00:00:00Z'), entries)).toBe('key_not_valid');
    });
  });

  describe('revoked', () => {
    it('a cti on the revocation list', async () => {
      expect(await check(VALID_TEXT, { revoked: revokedList(CTI) })).toMatchObject({
        verdict: 'revoked',
        kind: 'permit',
      });
    });

    it('a list holding other ctis only', async () => {
      expect(await verdictOf(VALID_TEXT, { revoked: revokedList(new Uint8Array(16).fill(7)) })).toBe('valid');
    });
  });

  describe('not_yet_valid and expired: t in whole seconds, fractions dropped', () => {
    const at = (seconds: number, extraMs = 0) => ({ at: seconds * 1000 + extraMs });
    it('t = nbf − 1 is not yet valid, t = nbf is valid', async () => {
      expect(await verdictOf(VALID_TEXT, at(TIMES.nbf - 1))).toBe('not_yet_valid');
      expect(await verdictOf(VALID_TEXT, at(TIMES.nbf))).toBe('valid');
    });

    it('t = exp − 1 is valid, t = exp is expired', async () => {
      expect(await verdictOf(VALID_TEXT, at(TIMES.exp - 1))).toBe('valid');
      expect(await verdictOf(VALID_TEXT, at(TIMES.exp))).toBe('expired');
    });

    it('fractions of a second are dropped, not rounded', async () => {
      expect(await verdictOf(VALID_TEXT, at(TIMES.exp - 1, 999))).toBe('valid');
      expect(await verdictOf(VALID_TEXT, at(TIMES.nbf - 1, 999))).toBe('not_yet_valid');
      expect(await verdictOf(VALID_TEXT, { at: new Date(TIMES.exp * 1000 - 1) })).toBe('valid');
      expect(await verdictOf(VALID_TEXT, { at: new Date(TIMES.nbf * 1000 - 1) })).toBe('not_yet_valid');
    });

    it('expired and not_yet_valid still show the claims', async () => {
      const result = await check(VALID_TEXT, at(TIMES.exp));
      expect(result.claims?.exp).toBe('2021-09-06T17:00:00Z');
    });
  });

  describe('the first failure in the spec order is the verdict', () => {
    it('malformed before unknown_key: an untrusted issuer that also breaks the pattern', async () => {
      expect(await verdictOf(permitText({ claims: (c) => c.set(CLAIM.iss, 'VN-01-004-0012') }))).toBe('malformed');
    });

    it('malformed before bad_signature: a 63-byte signature of a stranger', async () => {
      expect(await verdictOf(permitText({ key: KEYS.stranger, signature: (s) => s.slice(1) }))).toBe('malformed');
    });

    it('unknown_key before bad_signature and expired', async () => {
      const text = permitText({ key: KEYS.stranger, signature: (s) => s.reverse() });
      expect(await verdictOf(text, { at: TIMES.exp * 1000 })).toBe('unknown_key');
      const otherIssuer = permitText({ claims: (c) => c.set(CLAIM.iss, 'VN-79-760-26734') });
      expect(await verdictOf(otherIssuer, { at: TIMES.exp * 1000 })).toBe('unknown_key');
    });

    it('bad_signature before key_not_valid and revoked', async () => {
      const text = permitText({ signature: (s) => s.reverse() });
      const late = await trustOf(
        crypto,
        entryFor(KEYS.ed, { notBefore: '2030-01-01T00:00:00Z', notAfter: '2031-01-01T00:00:00Z' }),
      );
      expect(await verdictOf(text, { trust: late, revoked: revokedList(CTI) })).toBe('bad_signature');
    });

    it('key_not_valid before revoked and expired', async () => {
      const late = await trustOf(
        crypto,
        entryFor(KEYS.ed, { notBefore: '2030-01-01T00:00:00Z', notAfter: '2031-01-01T00:00:00Z' }),
      );
      expect(await verdictOf(VALID_TEXT, { trust: late, revoked: revokedList(CTI), at: TIMES.exp * 1000 })).toBe(
        'key_not_valid',
      );
    });

    it('revoked before expired and not_yet_valid', async () => {
      expect(await verdictOf(VALID_TEXT, { revoked: revokedList(CTI), at: TIMES.exp * 1000 })).toBe('revoked');
      expect(await verdictOf(VALID_TEXT, { revoked: revokedList(CTI), at: (TIMES.nbf - 1) * 1000 })).toBe('revoked');
    });

    it('every verdict is one of the spec', () => {
      expect(VERDICTS).toEqual([
        'not_permit_qr',
        'malformed',
        'unknown_key',
        'bad_signature',
        'key_not_valid',
        'revoked',
        'not_yet_valid',
        'expired',
        'valid',
      ]);
    });
  });
});

describe('trust list: an entry that cannot be read is ignored the same way by every provider', () => {
  it('a P-256 JWK whose point is not on the curve', async () => {
    for (const crypto of PROVIDERS) {
      const loaded = await loadTrustList(trustJson(offCurveEntry()), crypto);
      if (!loaded.ok) throw new Error(loaded.message);
      expect(loaded.value.keys, crypto.name).toEqual([]);
    }
  });
});
