import { describe, expect, it } from 'vitest';
import { isCanonicalEd25519Signature } from './ed25519-encoding.js';

const P = 2n ** 255n - 19n;
const L = 2n ** 252n + 27742317777372353535851937790883648493n;
const le = (n: bigint) => Uint8Array.from({ length: 32 }, (_, i) => Number((n >> BigInt(8 * i)) & 0xffn));
const sig = (r: Uint8Array, s: bigint) => Uint8Array.from([...r, ...le(s)]);

describe('isCanonicalEd25519Signature (RFC 8032 §5.1.7)', () => {
  it('R with y = p − 1 and S = L − 1: canonical', () => {
    expect(isCanonicalEd25519Signature(sig(le(P - 1n), L - 1n))).toBe(true);
  });
  it('R with y = p or p + 1: refused', () => {
    expect(isCanonicalEd25519Signature(sig(le(P), 1n))).toBe(false);
    expect(isCanonicalEd25519Signature(sig(le(P + 1n), 1n))).toBe(false);
  });
  it("R's top bit is x's sign: y = 1 with the sign bit set is canonical", () => {
    const r = le(1n);
    r[31] = 0x80;
    expect(isCanonicalEd25519Signature(sig(r, 1n))).toBe(true);
  });
  it('S = L: refused; wrong length: refused', () => {
    expect(isCanonicalEd25519Signature(sig(le(1n), L))).toBe(false);
    expect(isCanonicalEd25519Signature(new Uint8Array(63))).toBe(false);
  });
});
