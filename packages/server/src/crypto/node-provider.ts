import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject, sign, verify } from 'node:crypto';
import type { Alg, CryptoProvider, PrivateJwk, PublicJwk } from '@thonghanh/core';

/**
 * The server's provider: node:crypto (OpenSSL). Keys become KeyObjects once; ES256
 * signatures use the IEEE P1363 form r‖s that COSE wants.
 */
export const nodeCryptoProvider: CryptoProvider = {
  name: 'node:crypto',
  importPublicKey: (_alg: Alg, jwk: PublicJwk) => createPublicKey({ key: { ...jwk }, format: 'jwk' }),
  importPrivateKey: (_alg: Alg, jwk: PrivateJwk) => createPrivateKey({ key: { ...jwk }, format: 'jwk' }),
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
