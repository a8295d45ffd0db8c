import { base64urlEncode } from '../bytes.js';
import type { Alg, CryptoProvider, PrivateJwk, PublicJwk } from './provider.js';

/**
 * The provider over WebCrypto (`crypto.subtle`): browsers and Node alike. Ed25519 needs a
 * browser that has it (Chromium 137+, Firefox 129+, Safari 17+); `isEd25519Supported`
 * tells, and the noble provider stands in where it is missing.
 */
export function webCryptoProvider(subtle: SubtleCrypto = globalThis.crypto.subtle): CryptoProvider {
  const params = (alg: Alg) => (alg === 'EdDSA' ? { name: 'Ed25519' } : { name: 'ECDSA', namedCurve: 'P-256' });
  const signParams = (alg: Alg) => (alg === 'EdDSA' ? { name: 'Ed25519' } : { name: 'ECDSA', hash: 'SHA-256' });
  return {
    name: 'webcrypto',
    importPublicKey: (alg, jwk: PublicJwk) =>
      subtle.importKey('jwk', { ...jwk, ext: true } as JsonWebKey, params(alg), true, ['verify']),
    importPrivateKey: (alg, jwk: PrivateJwk) =>
      subtle.importKey('jwk', { ...jwk, ext: true } as JsonWebKey, params(alg), false, ['sign']),
    verify: (alg, key, data, signature) =>
      subtle.verify(signParams(alg), key as CryptoKey, signature as BufferSource, data as BufferSource),
    sign: async (alg, key, data) =>
      new Uint8Array(await subtle.sign(signParams(alg), key as CryptoKey, data as BufferSource)),
    generateKey: async (alg) => {
      const pair = (await subtle.generateKey(params(alg), true, ['sign', 'verify'])) as CryptoKeyPair;
      const jwk = await subtle.exportKey('jwk', pair.privateKey);
      return alg === 'EdDSA'
        ? { kty: 'OKP', crv: 'Ed25519', x: jwk.x as string, d: jwk.d as string }
        : { kty: 'EC', crv: 'P-256', x: jwk.x as string, y: jwk.y as string, d: jwk.d as string };
    },
  };
}

/** Whether this platform's WebCrypto verifies Ed25519 (checked by importing a key). */
export async function isEd25519Supported(subtle: SubtleCrypto = globalThis.crypto.subtle): Promise<boolean> {
  try {
    const x = base64urlEncode(new Uint8Array(32).fill(0x3b));
    await subtle.importKey('jwk', { kty: 'OKP', crv: 'Ed25519', x, ext: true }, { name: 'Ed25519' }, true, ['verify']);
    return true;
  } catch {
    return false;
  }
}
