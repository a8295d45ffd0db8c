import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { PrivateJwk } from '@thonghanh/core';
import type { MasterKey } from './master-key.js';

const VERSION = 'v1';

/**
 * The associated data binds a sealed key to its row: a ciphertext copied to another ward's
 * row, or given another kid, does not open.
 */
const aad = (wardCode: string, kid: string) => Buffer.from(`thonghanh/ward-key/${VERSION}|${wardCode}|${kid}`);

/**
 * Encrypts a private JWK with AES-256-GCM under the master key: `v1.<iv>.<ciphertext>.<tag>`
 * (base64url; a 12-byte random IV per key). Only this text is stored, never the JWK.
 */
export function sealPrivateJwk(master: MasterKey, jwk: PrivateJwk, wardCode: string, kid: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', master.key, iv);
  cipher.setAAD(aad(wardCode, kid));
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(jwk), 'utf8'), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [VERSION, iv, ciphertext, tag].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
}

/** Decrypts what `sealPrivateJwk` wrote; throws when the master key or the row does not match. */
export function openPrivateJwk(master: MasterKey, sealed: string, wardCode: string, kid: string): PrivateJwk {
  const [version, iv, ciphertext, tag] = sealed.split('.');
  if (version !== VERSION || !iv || !ciphertext || !tag) throw new Error('khóa bí mật đã mã hóa có định dạng lạ');
  const decipher = createDecipheriv('aes-256-gcm', master.key, Buffer.from(iv, 'base64url'));
  decipher.setAAD(aad(wardCode, kid));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  const plain = Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]);
  return JSON.parse(plain.toString('utf8')) as PrivateJwk;
}
