import { encodeCbor } from './cbor/encode.js';
import { type Claims, claimProblems, encodeClaims } from './claims.js';
import { encodeSign1, sigStructure } from './cose.js';
import { type Alg, COSE_ALG, type CryptoProvider, type KeyHandle, type PrivateJwk } from './crypto/provider.js';
import { algOfJwk, keyId, publicJwk, rawPublicKey } from './keys.js';
import { buildQrText } from './qr-text.js';

/** A private key ready to sign, with the kid the protected header carries. */
export interface Signer {
  alg: Alg;
  kid: Uint8Array;
  key: KeyHandle;
  /** The encoded protected header {1: alg, 4: kid}: the same bytes for every credential. */
  protectedBytes: Uint8Array;
}

export async function createSigner(jwk: PrivateJwk, crypto: CryptoProvider): Promise<Signer> {
  const alg = algOfJwk(jwk);
  if (!alg) throw new TypeError('khóa phải là Ed25519 (OKP) hoặc P-256 (EC)');
  const raw = rawPublicKey(alg, publicJwk(jwk));
  if (!raw) throw new TypeError('khóa công khai trong JWK không đọc được');
  const kid = keyId(raw);
  const key = await crypto.importPrivateKey(alg, jwk);
  const protectedBytes = encodeCbor(
    new Map<number, number | Uint8Array>([
      [1, COSE_ALG[alg]],
      [4, kid],
    ]),
  );
  return { alg, kid, key, protectedBytes };
}

/** Signs claims into COSE_Sign1 bytes (tag included). Throws on claims that break the spec. */
export async function signClaims(claims: Claims, signer: Signer, crypto: CryptoProvider): Promise<Uint8Array> {
  const problems = claimProblems(claims);
  if (problems.length > 0) {
    const p = problems[0] as { path: string; message: string };
    throw new TypeError(`claims không hợp lệ: ${p.path}: ${p.message}`);
  }
  const payload = encodeClaims(claims);
  let signature = await crypto.sign(signer.alg, signer.key, sigStructure(signer.protectedBytes, payload));
  if (signer.alg === 'ES256') signature = lowS(signature);
  return encodeSign1(signer.protectedBytes, payload, signature);
}

/** The QR text `<origin>/p1#<digits>` of signed claims. */
export async function signToQrText(
  claims: Claims,
  signer: Signer,
  crypto: CryptoProvider,
  origin: string,
): Promise<string> {
  return buildQrText(origin, await signClaims(claims, signer, crypto));
}

const P256_N = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n;

/** Rewrites an ECDSA r‖s signature with s ≤ n/2, the form issuers should write. */
export function lowS(signature: Uint8Array): Uint8Array {
  let s = 0n;
  for (let i = 32; i < 64; i++) s = (s << 8n) | BigInt(signature[i] as number);
  if (s <= P256_N >> 1n) return signature;
  let low = P256_N - s;
  const out = signature.slice();
  for (let i = 63; i >= 32; i--) {
    out[i] = Number(low & 0xffn);
    low >>= 8n;
  }
  return out;
}
