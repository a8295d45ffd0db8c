import { ed25519 } from '@noble/curves/ed25519.js';
import { p256 } from '@noble/curves/nist.js';
import { base64urlDecode, base64urlEncode } from '../bytes.js';
import { rawPublicKey } from '../keys.js';
import type { Alg, CryptoProvider, PrivateJwk, PublicJwk } from './provider.js';

function must(b: Uint8Array | null, what: string): Uint8Array {
  if (!b) throw new TypeError(`${what} không đọc được`);
  return b;
}

/**
 * Pure-JavaScript provider (@noble/curves): the fallback for browsers whose WebCrypto
 * lacks Ed25519. Correct everywhere, 12–40× slower than native code.
 */
export function nobleProvider(
  randomBytes: (n: number) => Uint8Array = (n) => globalThis.crypto.getRandomValues(new Uint8Array(n)),
): CryptoProvider {
  return {
    name: 'noble',
    importPublicKey: (alg: Alg, jwk: PublicJwk) => {
      const raw = must(rawPublicKey(alg, jwk), 'khóa công khai');
      // Like node:crypto and WebCrypto, refuse a P-256 point off the curve (it throws).
      if (alg === 'ES256') p256.Point.fromBytes(raw);
      return raw;
    },
    importPrivateKey: (_alg: Alg, jwk: PrivateJwk) => must(base64urlDecode(jwk.d), 'khóa bí mật'),
    verify: (alg, key, data, signature) => {
      try {
        // RFC 8032 §5.1.7 (spec §2): zip215 off, so non-canonical encodings of R and A fail.
        if (alg === 'EdDSA') return ed25519.verify(signature, data, key as Uint8Array, { zip215: false });
        return p256.verify(signature, data, key as Uint8Array, { lowS: false, prehash: true });
      } catch {
        return false;
      }
    },
    sign: (alg, key, data) =>
      alg === 'EdDSA'
        ? ed25519.sign(data, key as Uint8Array)
        : p256.sign(data, key as Uint8Array, { lowS: true, prehash: true }),
    generateKey: (alg) => {
      if (alg === 'EdDSA') {
        const d = randomBytes(32);
        return { kty: 'OKP', crv: 'Ed25519', x: base64urlEncode(ed25519.getPublicKey(d)), d: base64urlEncode(d) };
      }
      const d = p256.utils.randomSecretKey(randomBytes(48));
      const pub = p256.getPublicKey(d, false);
      return {
        kty: 'EC',
        crv: 'P-256',
        x: base64urlEncode(pub.slice(1, 33)),
        y: base64urlEncode(pub.slice(33, 65)),
        d: base64urlEncode(d),
      };
    },
  };
}
