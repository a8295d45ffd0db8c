/**
 * The COSE working group's Sign1 vectors (test/fixtures/cose-wg) against the generic
 * verifySign1, with every crypto provider; then the same messages offered as permits.
 */
import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../test/helpers/cbor-writer.js';
import { type CoseWgVector, readFixture } from '../test/helpers/fixtures.js';
import { b64u, ORIGIN, textOf } from '../test/helpers/permit-factory.js';
import { PROVIDERS } from '../test/helpers/providers.js';
import { decodeSign1, sigStructure, verifySign1 } from './cose.js';
import type { Alg, CryptoProvider, PublicJwk } from './crypto/provider.js';
import { verify } from './verify.js';

const vector = (path: string) => readFixture<CoseWgVector>(`cose-wg/${path}`);
const bytesOf = (v: CoseWgVector) => fromHex(v.output.cbor);
const plaintextOf = (v: CoseWgVector) =>
  v.input.plaintext_hex !== undefined ? fromHex(v.input.plaintext_hex) : new TextEncoder().encode(v.input.plaintext);

/** The vector's public key as a JWK: `x_hex`/`y_hex` made base64url, or `x`/`y` as given. */
function jwkOf(v: CoseWgVector): PublicJwk {
  const k = v.input.sign0.key;
  const coord = (b64: string | undefined, hex: string | undefined) => b64 ?? b64u(fromHex(hex as string));
  if (k.kty === 'OKP') return { kty: 'OKP', crv: k.crv as 'Ed25519', x: coord(k.x, k.x_hex) };
  return { kty: 'EC', crv: k.crv as 'P-256', x: coord(k.x, k.x_hex), y: coord(k.y, k.y_hex) };
}

async function keyOf(v: CoseWgVector, crypto: CryptoProvider) {
  const alg: Alg = v.input.sign0.key.kty === 'OKP' ? 'EdDSA' : 'ES256';
  return { alg, handle: await crypto.importPublicKey(alg, jwkOf(v)) };
}

const PASSING = [
  'eddsa-examples/eddsa-sig-01.json',
  'ecdsa-examples/ecdsa-sig-01.json',
  'sign1-tests/sign-pass-01.json',
  'CWT/A_3.json',
];

/** What each failing vector breaks, and the code verifySign1 must give. */
const FAILING: Array<[string, string]> = [
  ['sign1-tests/sign-fail-01.json', 'malformed'], // tag 998 instead of 18
  ['sign1-tests/sign-fail-02.json', 'bad_signature'], // payload changed
  ['sign1-tests/sign-fail-03.json', 'unsupported_alg'], // alg -999
  ['sign1-tests/sign-fail-04.json', 'unsupported_alg'], // alg "unknown"
  ['sign1-tests/sign-fail-06.json', 'bad_signature'], // protected attribute added
  ['sign1-tests/sign-fail-07.json', 'bad_signature'], // protected attribute removed
];

const ALL = [
  ...PASSING,
  'sign1-tests/sign-pass-02.json',
  'sign1-tests/sign-pass-03.json',
  'eddsa-examples/eddsa-sig-02.json',
  'ecdsa-examples/ecdsa-sig-02.json',
  ...FAILING.map(([path]) => path),
];

describe.each(PROVIDERS)('COSE WG Sign1 vectors with $name', (crypto) => {
  it.each(PASSING)('%s verifies and yields its plaintext', async (path) => {
    const v = vector(path);
    const result = await verifySign1(bytesOf(v), await keyOf(v, crypto), crypto);
    expect(result).toEqual({ ok: true, value: { payload: plaintextOf(v) } });
  });

  it('sign-pass-03 (no tag 18) verifies only when untagged messages are allowed', async () => {
    const v = vector('sign1-tests/sign-pass-03.json');
    const key = await keyOf(v, crypto);
    const allowed = await verifySign1(bytesOf(v), key, crypto, { allowUntagged: true });
    expect(allowed).toEqual({ ok: true, value: { payload: plaintextOf(v) } });
    const strict = await verifySign1(bytesOf(v), key, crypto);
    expect(strict.ok ? 'ok' : strict.code).toBe('malformed');
  });

  it('sign-pass-02 was signed with external data: without it the signature does not verify', async () => {
    const v = vector('sign1-tests/sign-pass-02.json');
    const key = await keyOf(v, crypto);
    const result = await verifySign1(bytesOf(v), key, crypto);
    expect(result.ok ? 'ok' : result.code).toBe('bad_signature');
    // The vector itself is sound: its Sig_structure (with the external data) verifies.
    const decoded = decodeSign1(bytesOf(v));
    if (!decoded.ok) throw new Error(decoded.message);
    const good = await crypto.verify(
      key.alg,
      key.handle,
      fromHex(v.intermediates.ToBeSign_hex),
      decoded.value.signature,
    );
    expect(good).toBe(true);
  });

  it.each(FAILING)('%s is rejected with %s', async (path, code) => {
    const v = vector(path);
    const result = await verifySign1(bytesOf(v), await keyOf(v, crypto), crypto);
    expect(result.ok ? 'ok' : result.code).toBe(code);
  });

  it('Ed448 (eddsa-sig-02) is rejected cleanly as unsupported, not as a bad signature', async () => {
    // A verifier of this format holds Ed25519 keys only: use the Ed25519 vector's key.
    const key = await keyOf(vector('eddsa-examples/eddsa-sig-01.json'), crypto);
    const result = await verifySign1(bytesOf(vector('eddsa-examples/eddsa-sig-02.json')), key, crypto);
    expect(result.ok ? 'ok' : result.code).toBe('unsupported_alg');
  });

  it('ES384 (ecdsa-sig-02) is rejected cleanly as unsupported', async () => {
    const key = await keyOf(vector('ecdsa-examples/ecdsa-sig-01.json'), crypto);
    const result = await verifySign1(bytesOf(vector('ecdsa-examples/ecdsa-sig-02.json')), key, crypto);
    expect(result.ok ? 'ok' : result.code).toBe('unsupported_alg');
  });

  it('a key of the other algorithm is refused as unsupported', async () => {
    const ed = await keyOf(vector('eddsa-examples/eddsa-sig-01.json'), crypto);
    const result = await verifySign1(bytesOf(vector('ecdsa-examples/ecdsa-sig-01.json')), ed, crypto);
    expect(result.ok ? 'ok' : result.code).toBe('unsupported_alg');
  });
});

describe('Sig_structure', () => {
  it.each([...PASSING, 'sign1-tests/sign-pass-03.json'])('%s: ToBe_Signed equals the vector', (path) => {
    const v = vector(path);
    const decoded = decodeSign1(bytesOf(v), { allowUntagged: true });
    if (!decoded.ok) throw new Error(decoded.message);
    // RFC 9052 §4.4: no protected header parameters are signed as h'' (sign-pass-01 sends h'a0').
    const { protectedHeader, protectedBytes, payload } = decoded.value;
    const signedProtected = protectedHeader.size === 0 ? new Uint8Array(0) : protectedBytes;
    expect(toHex(sigStructure(signedProtected, payload))).toBe(v.intermediates.ToBeSign_hex.toLowerCase());
  });
});

describe('COSE WG messages offered as permits', () => {
  it('decodeSign1 refuses the wrong tag and the missing tag', () => {
    for (const path of ['sign1-tests/sign-fail-01.json', 'sign1-tests/sign-pass-03.json']) {
      const decoded = decodeSign1(bytesOf(vector(path)));
      expect(decoded.ok ? 'ok' : decoded.code, path).toBe('malformed');
    }
  });

  it.each(ALL)('%s is malformed as a permit, whatever the provider', async (path) => {
    const text = textOf(bytesOf(vector(path)));
    for (const crypto of PROVIDERS) {
      const result = await verify(text, { crypto, trust: { updated: 0, keys: [], ignored: [] } });
      expect(result.verdict, crypto.name).toBe('malformed');
      expect(result.origin).toBe(ORIGIN);
      expect(result.claims).toBeNull();
    }
  });
});
