/**
 * The public examples of test/fixtures/permit-v1, made by an independent implementation:
 * the project must read them, encode their claims to the same bytes and, for Ed25519
 * (deterministic), sign them to the same text, with every provider.
 */
import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../test/helpers/cbor-writer.js';
import { exampleTrust, PERMIT_EXAMPLES, permitExample } from '../test/helpers/fixtures.js';
import { b64u, kidOf } from '../test/helpers/permit-factory.js';
import { PROVIDERS } from '../test/helpers/providers.js';
import { decodeClaims, encodeClaims } from './claims.js';
import { claimsFromJson, claimsToJson } from './claims-json.js';
import { decodeSign1 } from './cose.js';
import { digitsToBytes } from './digits.js';
import { keyId, rawPublicKey } from './keys.js';
import { buildQrText, splitQrText } from './qr-text.js';
import { createSigner, signClaims, signToQrText } from './sign.js';
import { loadTrustList } from './trust-list.js';
import { verify } from './verify.js';

const noRandom = (): Uint8Array => {
  throw new Error('the example has a cti: no random cti may be drawn');
};

function claimsOf(name: string) {
  const parsed = claimsFromJson(permitExample(name).claims, noRandom);
  if (!parsed.ok) throw new Error(`${name}: ${parsed.message}`);
  return parsed.value;
}

const P256_N = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n;
const sOf = (signature: Uint8Array) => BigInt(`0x${toHex(signature.slice(32, 64))}`);

describe('permit examples: claims', () => {
  it.each(PERMIT_EXAMPLES)('%s: claimsFromJson encodes to exactly claimsCborHex', (name) => {
    expect(toHex(encodeClaims(claimsOf(name)))).toBe(permitExample(name).claimsCborHex);
  });

  it.each(PERMIT_EXAMPLES)('%s: the CBOR decodes back to the claims JSON', (name) => {
    const example = permitExample(name);
    const decoded = decodeClaims(fromHex(example.claimsCborHex));
    if (!decoded.ok) throw new Error(decoded.message);
    expect(claimsToJson(decoded.value)).toEqual(example.claims);
  });

  it.each(PERMIT_EXAMPLES)('%s: the text carries coseHex, whose payload is claimsCborHex', (name) => {
    const example = permitExample(name);
    const split = splitQrText(example.text);
    expect(split?.origin).toBe(example.origin);
    const bytes = digitsToBytes(split?.digits ?? '');
    expect(bytes && toHex(bytes)).toBe(example.coseHex);
    const sign1 = decodeSign1(fromHex(example.coseHex));
    if (!sign1.ok) throw new Error(sign1.message);
    expect(toHex(sign1.value.payload)).toBe(example.claimsCborHex);
    expect(buildQrText(example.origin, fromHex(example.coseHex))).toBe(example.text);
  });

  it('the example trust list names the example keys by the kid their JWK gives', () => {
    const trust = exampleTrust();
    for (const entry of trust.keys) {
      const raw = rawPublicKey(entry.alg, entry.jwk);
      if (!raw) throw new Error(`unreadable ${entry.kid}`);
      expect(b64u(kidOf(raw))).toBe(entry.kid);
      expect(b64u(keyId(raw))).toBe(entry.kid);
    }
  });
});

describe.each(PROVIDERS)('permit examples with $name', (crypto) => {
  it.each(PERMIT_EXAMPLES)('%s verifies to its expected verdict at verifyAt', async (name) => {
    const example = permitExample(name);
    const trust = await loadTrustList(exampleTrust(), crypto);
    if (!trust.ok) throw new Error(trust.message);
    expect(trust.value.keys).toHaveLength(2);
    const result = await verify(example.text, { crypto, trust: trust.value, at: new Date(example.verifyAt) });
    expect({ verdict: result.verdict, warnings: result.warnings }).toEqual(example.expect);
    expect(result.claims).toEqual(example.claims);
    expect(result.kind).toBe(example.claims.permit ? 'permit' : 'unit');
    expect(result.origin).toBe(example.origin);
    expect(result.issuerName).toBe('UBND phường Đức Giang');
  });

  it.each(PERMIT_EXAMPLES.filter((n) => permitExample(n).alg === 'EdDSA'))(
    '%s: signing reproduces coseHex and the text byte for byte',
    async (name) => {
      const example = permitExample(name);
      const signer = await createSigner(example.privateJwk, crypto);
      const claims = claimsOf(name);
      expect(toHex(await signClaims(claims, signer, crypto))).toBe(example.coseHex);
      expect(await signToQrText(claims, signer, crypto, example.origin)).toBe(example.text);
    },
  );

  it('ES256: a fresh signature is low-S and verifies', async () => {
    const example = permitExample('reference-permit-es256.json');
    const signer = await createSigner(example.privateJwk, crypto);
    const trust = await loadTrustList(exampleTrust(), crypto);
    if (!trust.ok) throw new Error(trust.message);
    for (let i = 0; i < 4; i++) {
      const cose = await signClaims(claimsOf('reference-permit-es256.json'), signer, crypto);
      const sign1 = decodeSign1(cose);
      if (!sign1.ok) throw new Error(sign1.message);
      // {1: -7, 4: kid}, the kid trust.json gives the ES256 key.
      const kid = exampleTrust().keys.find((k) => k.alg === 'ES256')?.kid ?? '';
      expect(toHex(sign1.value.protectedBytes)).toBe(
        `a201260448${toHex(new Uint8Array(Buffer.from(kid, 'base64url')))}`,
      );
      expect(sOf(sign1.value.signature) <= P256_N / 2n).toBe(true);
      const result = await verify(buildQrText(example.origin, cose), {
        crypto,
        trust: trust.value,
        at: new Date(example.verifyAt),
      });
      expect(result.verdict).toBe('valid');
      expect(result.claims).toEqual(example.claims);
    }
  });
});
