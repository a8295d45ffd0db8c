/**
 * Signature algorithms of the format: EdDSA (Ed25519, COSE -8) and ES256 (P-256, COSE -7).
 * The core never touches a crypto library itself: the caller injects a provider
 * (node:crypto on the server, WebCrypto or @noble/curves in a browser).
 */
export type Alg = 'EdDSA' | 'ES256';

export const COSE_ALG: Readonly<Record<Alg, number>> = { EdDSA: -8, ES256: -7 };

export function algFromCose(value: unknown): Alg | null {
  if (value === -8) return 'EdDSA';
  if (value === -7) return 'ES256';
  return null;
}

export interface OkpPublicJwk {
  kty: 'OKP';
  crv: 'Ed25519';
  x: string;
}
export interface EcPublicJwk {
  kty: 'EC';
  crv: 'P-256';
  x: string;
  y: string;
}
export type PublicJwk = OkpPublicJwk | EcPublicJwk;
export type PrivateJwk = (OkpPublicJwk & { d: string }) | (EcPublicJwk & { d: string });

/** An imported key: opaque to the core, owned by the provider that made it. */
export type KeyHandle = unknown;

export interface CryptoProvider {
  readonly name: string;
  /** Imports a public key; rejects or throws when the JWK is not a usable key. */
  importPublicKey(alg: Alg, jwk: PublicJwk): Promise<KeyHandle> | KeyHandle;
  importPrivateKey(alg: Alg, jwk: PrivateJwk): Promise<KeyHandle> | KeyHandle;
  /** ES256 signatures are r‖s (64 bytes), both low-S and high-S accepted. */
  verify(alg: Alg, key: KeyHandle, data: Uint8Array, signature: Uint8Array): Promise<boolean> | boolean;
  /** ES256 signatures are r‖s (64 bytes); the core makes them low-S. */
  sign(alg: Alg, key: KeyHandle, data: Uint8Array): Promise<Uint8Array> | Uint8Array;
  /** A new private key of the algorithm, as a JWK. */
  generateKey(alg: Alg): Promise<PrivateJwk> | PrivateJwk;
}
