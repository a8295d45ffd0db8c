import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject, sign, verify } from 'node:crypto';
import type { Alg, CryptoProvider, PrivateJwk, PublicJwk } from '@thonghanh/core';

/** OpenSSL imports Ed448 and P-384 JWKs too: only the curve of the algorithm may pass. */
function checked(alg: Alg, key: KeyObject): KeyObject {
  const ok =
    alg === 'EdDSA'
      ? key.asymmetricKeyType === 'ed25519'
      : key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1';
  if (!ok) throw new TypeError(`khóa không phải ${alg === 'EdDSA' ? 'Ed25519' : 'P-256'}`);
  return key;
}

/**
 * The server's provider: node:crypto (OpenSSL). Keys become KeyObjects once; ES256
 * signatures use the IEEE P1363 form r‖s that COSE wants.
 */
export const nodeCryptoProvider: CryptoProvider = {
  name: 'node:crypto',
  importPublicKey: (alg: Alg, jwk: PublicJwk) => checked(alg, createPublicKey({ key: { ...jwk }, format: 'jwk' })),
  importPrivateKey: (alg: Alg, jwk: PrivateJwk) => checked(alg, createPrivateKey({ key: { ...jwk }, format: 'jwk' })),
  verify: (alg, key, data, signature) =>
    alg === 'EdDSA'
      ? verify(null, data, key as KeyObject, signature)
      : verify('sha256', data, { key: key as KeyObject, dsaEncoding: 'ieee-p1363' }, signature),
  sign: (alg, key, data) =>
    new Uint8Array(
      alg === 'EdDSA'
        ? sign(null, data, key as KeyObject)
        : sign('sha256', data, { key: key as KeyObject, dsaEncoding: 'ieee-p1363' }),
    ),
  generateKey: (alg) => {
    const { privateKey } =
      alg === 'EdDSA' ? generateKeyPairSync('ed25519') : generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const jwk = privateKey.export({ format: 'jwk' });
    return alg === 'EdDSA'
      ? { kty: 'OKP', crv: 'Ed25519', x: jwk.x as string, d: jwk.d as string }
      : { kty: 'EC', crv: 'P-256', x: jwk.x as string, y: jwk.y as string, d: jwk.d as string };
  },
};
