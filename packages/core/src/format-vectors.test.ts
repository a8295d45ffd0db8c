import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hexEncode } from './bytes.js';
import { encodeClaims } from './claims.js';
import { claimsFromJson } from './claims-json.js';
import { nobleProvider } from './crypto/noble.js';
import type { PrivateJwk } from './crypto/provider.js';
import { webCryptoProvider } from './crypto/webcrypto.js';
import { buildQrText } from './qr-text.js';
import { createSigner, signClaims } from './sign.js';
import { loadTrustList } from './trust-list.js';
import { verify } from './verify.js';

// docs/permit-format.md is the contract other teams build from: its vectors must hold.
const doc = readFileSync(new URL('../../../docs/permit-format.md', import.meta.url), 'utf8');
const jsonBlocks = [...doc.matchAll(/```json( vector)?\n([\s\S]*?)\n```/g)].map((m) => ({
  vector: m[1] !== undefined,
  value: JSON.parse(m[2] as string),
}));
// The last three plain JSON blocks: the EdDSA key, the ES256 key, their trust list.
const [edKey, ecKey, trustJson] = jsonBlocks
  .filter((b) => !b.vector)
  .slice(-3)
  .map((b) => b.value);
const vectors = jsonBlocks
  .filter((b) => b.vector)
  .map((b) => b.value as { name: string; claims: unknown; claimsCborHex: string; coseHex: string; text: string });
const ORIGIN = 'https://giaydiduong.longbien.example';
const AT = Date.parse('2021-08-18T08:15:00+07:00');

describe.each([
  ['webcrypto', webCryptoProvider()],
  ['noble', nobleProvider()],
])('docs/permit-format.md vectors with %s', (_name, crypto) => {
  it('has the two keys, the trust list and four vectors', () => {
    expect(edKey.kty).toBe('OKP');
    expect(ecKey.kty).toBe('EC');
    expect(trustJson.format).toBe('thonghanh-trust/1');
    expect(vectors.map((v) => v.name)).toEqual(['reference', 'minimal', 'unit', 'reference-es256']);
  });

  it.each(vectors.map((v) => [v.name, v] as const))(
    '%s: claims encode, sign and verify as documented',
    async (_n, v) => {
      const claims = claimsFromJson(v.claims, () => new Uint8Array(16));
      if (!claims.ok) throw new Error(claims.message);
      expect(hexEncode(encodeClaims(claims.value))).toBe(v.claimsCborHex);
      expect(v.text).toBe(`${ORIGIN}/p1#${v.text.split('#')[1]}`);
      const trust = await loadTrustList(trustJson, crypto);
      if (!trust.ok) throw new Error(trust.message);
      const result = await verify(v.text, { crypto, trust: trust.value, at: AT });
      expect(result.verdict).toBe('valid');
      expect(result.warnings).toEqual([]);
      const key = (v.name.endsWith('es256') ? ecKey : edKey) as PrivateJwk;
      const cose = await signClaims(claims.value, await createSigner(key, crypto), crypto);
      if (key.kty === 'OKP') {
        expect(hexEncode(cose)).toBe(v.coseHex);
        expect(buildQrText(ORIGIN, cose)).toBe(v.text);
      } else {
        expect((await verify(buildQrText(ORIGIN, cose), { crypto, trust: trust.value, at: AT })).verdict).toBe('valid');
      }
    },
  );
});
