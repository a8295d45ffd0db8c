import type { Selectable } from 'kysely';

export type WardKeyStatus = 'current' | 'retired';

/**
 * `ward_keys`: a ward's signing keys (khóa ký của UBND phường), current and retired. The
 * private JWK is stored only sealed under the master key (keys/seal-private-key.ts).
 */
export interface WardKeysTable {
  id: string;
  ward_code: string;
  /** `VN-<province>-<district>-<ward>`: the `iss` of everything the key signs. */
  issuer: string;
  alg: 'EdDSA' | 'ES256';
  /** base64url of the 8 kid bytes (spec §2). */
  kid: string;
  /** JSON of the public JWK, as the trust list carries it. */
  public_jwk: string;
  /** `v1.<iv>.<ciphertext>.<tag>`: AES-256-GCM of the private JWK. */
  private_jwk_sealed: string;
  /** Which master key sealed it (first 8 bytes of its SHA-256, hex). */
  master_key_id: string;
  status: WardKeyStatus;
  /** ISO, whole seconds: the trust list's notBefore. */
  not_before: string;
  /** ISO, whole seconds: planned end while current (rotated before it), the retirement time once retired. */
  not_after: string;
  retired_at: string | null;
  created_by: string | null;
  created_at: string;
}

/** `ward_current_keys`: which key a ward signs with now (one row per ward that has a key). */
export interface WardCurrentKeysTable {
  ward_code: string;
  key_id: string;
  updated_at: string;
}

export type WardKeyRow = Selectable<WardKeysTable>;

/**
 * `ward_document_keys`: the key and self-signed X.509 certificate a ward signs its PDF
 * documents with (PAdES). One per ward, made on first use (keys/document-key.ts).
 */
export interface WardDocumentKeysTable {
  ward_code: string;
  /** The certificate's SHA-256 fingerprint (hex): binds the sealed key to it. */
  kid: string;
  /** `v1.<iv>.<ciphertext>.<tag>`: AES-256-GCM of the private RSA JWK. */
  private_jwk_sealed: string;
  master_key_id: string;
  certificate_pem: string;
  not_before: string;
  not_after: string;
  created_at: string;
}

export type WardDocumentKeyRow = Selectable<WardDocumentKeysTable>;
