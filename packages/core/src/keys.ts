import { sha256 } from '@noble/hashes/sha2.js';
import { base64urlDecode } from './bytes.js';
import type { Alg, PrivateJwk, PublicJwk } from './crypto/provider.js';

/**
 * The raw public key the kid is computed over: 32 bytes for Ed25519, the 65-byte
 * uncompressed point 04‖x‖y for P-256. Null when the JWK does not fit the algorithm.
 */
export function rawPublicKey(alg: Alg, jwk: unknown): Uint8Array | null {
  if (typeof jwk !== 'object' || jwk === null) return null;
  const j = jwk as Record<string, unknown>;
  if (alg === 'EdDSA') {
    if (j.kty !== 'OKP' || j.crv !== 'Ed25519' || typeof j.x !== 'string') return null;
    const x = base64urlDecode(j.x);
    return x && x.length === 32 ? x : null;
  }
  if (j.kty !== 'EC' || j.crv !== 'P-256' || typeof j.x !== 'string' || typeof j.y !== 'string') return null;
  const x = base64urlDecode(j.x);
  const y = base64urlDecode(j.y);
  if (!x || !y || x.length !== 32 || y.length !== 32) return null;
  const raw = new Uint8Array(65);
  raw[0] = 4;
  raw.set(x, 1);
  raw.set(y, 33);
  return raw;
}

/** kid: the first 8 bytes of SHA-256 over the raw public key (spec §2). */
export function keyId(rawKey: Uint8Array): Uint8Array {
  return sha256(rawKey).slice(0, 8);
}

/** The public half of a private JWK, with only the members the trust list carries. */
export function publicJwk(jwk: PrivateJwk | PublicJwk): PublicJwk {
  return jwk.kty === 'OKP' ? { kty: 'OKP', crv: 'Ed25519', x: jwk.x } : { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y };
}

export function algOfJwk(jwk: { kty?: unknown; crv?: unknown }): Alg | null {
  if (jwk.kty === 'OKP' && jwk.crv === 'Ed25519') return 'EdDSA';
  if (jwk.kty === 'EC' && jwk.crv === 'P-256') return 'ES256';
  return null;
}
