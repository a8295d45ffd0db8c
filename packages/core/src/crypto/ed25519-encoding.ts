/** 2^255 − 19, the field prime of Curve25519. */
const P = 2n ** 255n - 19n;
/** The order of the base point (RFC 8032 §5.1). */
const L = 2n ** 252n + 27742317777372353535851937790883648493n;

const littleEndian = (bytes: Uint8Array): bigint => {
  let n = 0n;
  for (let i = bytes.length - 1; i >= 0; i--) n = (n << 8n) | BigInt(bytes[i] as number);
  return n;
};

/**
 * Whether a 64-byte Ed25519 signature is encoded as RFC 8032 §5.1.7 requires before any
 * curve arithmetic: R's y below p and S below L. Checked here, not left to the provider,
 * because providers differ: Node 24's OpenSSL accepts an R with y ≥ p that Node 20's, noble
 * (`zip215: false`) and the spec refuse, and a permit must get the same verdict everywhere.
 */
export function isCanonicalEd25519Signature(signature: Uint8Array): boolean {
  if (signature.length !== 64) return false;
  const r = signature.slice(0, 32);
  r[31] = (r[31] as number) & 0x7f; // the top bit is x's sign, not part of y
  return littleEndian(r) < P && littleEndian(signature.subarray(32)) < L;
}
