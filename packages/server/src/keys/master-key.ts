import type { Config } from '../config.js';
import { keyIdOf, readKeyFile } from './key-file.js';

/** The key that encrypts the wards' private signing keys, and where it came from. */
export interface MasterKey {
  /** 32 bytes. */
  key: Buffer;
  /** First 8 bytes of SHA-256 of the key, hex: stored beside each sealed key to name the master key it needs. */
  id: string;
  source: 'env' | 'file';
}

export const MASTER_KEY_FILE = 'master.key';

/** Thrown when the master key is missing, unreadable or not 32 bytes. */
export class MasterKeyError extends Error {
  override name = 'MasterKeyError';
}

const loaded = new Map<string, MasterKey>();

/**
 * The master key of a deployment: THONGHANH_MASTER_KEY (base64 of 32 bytes), else the file
 * `<dataDir>/keys/master.key` (base64, one line), created with 32 random bytes and mode 0600
 * the first time it is needed. Read once per process and kept.
 *
 * Losing it makes every ward key unusable (a new key per ward is then the only way on:
 * `thonghanh keys rotate`, after restoring the file from backup failed); keep a copy of it
 * apart from database backups, which hold only ciphertext.
 */
export function loadMasterKey(config: Pick<Config, 'masterKey' | 'keysDir'>): MasterKey {
  const cacheKey = config.masterKey ? `env:${config.masterKey}` : `file:${config.keysDir}`;
  const cached = loaded.get(cacheKey);
  if (cached) return cached;
  const master = config.masterKey ? fromBase64(config.masterKey, 'env') : fromFile(config.keysDir);
  loaded.set(cacheKey, master);
  return master;
}

function fromBase64(text: string, source: MasterKey['source']): MasterKey {
  const key = Buffer.from(text.trim(), 'base64');
  if (key.length !== 32) {
    throw new MasterKeyError(
      source === 'env'
        ? 'THONGHANH_MASTER_KEY phải là base64 của đúng 32 byte'
        : `tệp ${MASTER_KEY_FILE} phải chứa base64 của đúng 32 byte`,
    );
  }
  return { key, id: masterKeyId(key), source };
}

function fromFile(keysDir: string): MasterKey {
  return fromBase64(readKeyFile(keysDir, MASTER_KEY_FILE, { create: true }) as string, 'file');
}

/**
 * The master key if one is configured or on disk, without making one: start-up uses it to
 * tell "missing" from "another key" before anything could create a fresh, useless one.
 */
export function findMasterKey(config: Pick<Config, 'masterKey' | 'keysDir'>): MasterKey | null {
  if (config.masterKey) return loadMasterKey(config);
  const text = readKeyFile(config.keysDir, MASTER_KEY_FILE, { create: false });
  if (text === null) return null;
  // Read afresh: the operator may have just put the right file back (and a start retried).
  const master = fromBase64(text, 'file');
  loaded.set(`file:${config.keysDir}`, master);
  return master;
}

export const masterKeyId = keyIdOf;
