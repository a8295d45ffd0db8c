import { base64urlDecode, base64urlEncode, bytesEqual } from './bytes.js';
import type { Alg, CryptoProvider, KeyHandle, PublicJwk } from './crypto/provider.js';
import { keyId, rawPublicKey } from './keys.js';
import { fail, ok, type Result } from './result.js';
import { parseIsoSeconds } from './time.js';

export const TRUST_FORMAT = 'thonghanh-trust/1';

/** One trust-list entry as the JSON of spec §4 writes it. */
export interface TrustEntryJson {
  kid: string;
  alg: Alg;
  jwk: PublicJwk;
  issuer: string;
  issuerName?: string;
  notBefore: string;
  notAfter: string;
}

export interface TrustListJson {
  format: typeof TRUST_FORMAT;
  updated: string;
  keys: TrustEntryJson[];
}

/** An entry ready for verification: key imported once, times in seconds. */
export interface TrustedKey {
  kid: Uint8Array;
  alg: Alg;
  issuer: string;
  issuerName: string | undefined;
  notBefore: number;
  notAfter: number;
  key: KeyHandle;
  json: TrustEntryJson;
}

export interface TrustList {
  /** Seconds since the epoch of the list's `updated`. */
  updated: number;
  keys: TrustedKey[];
  /** Entries left out, with why: an entry that cannot be read is ignored, never fatal. */
  ignored: Array<{ index: number; reason: string }>;
}

export type TrustListError = 'trust_list_format' | 'trust_list_invalid';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads a trust list and imports its keys. A list whose format is unknown is refused whole. */
export async function loadTrustList(
  input: unknown,
  crypto: CryptoProvider,
): Promise<Result<TrustList, TrustListError>> {
  if (!isObject(input)) return fail('trust_list_invalid', 'Danh sách tin cậy không phải đối tượng JSON');
  if (input.format !== TRUST_FORMAT) {
    return fail('trust_list_format', `Danh sách tin cậy có định dạng không hỗ trợ: ${String(input.format)}`);
  }
  const updated = parseIsoSeconds(input.updated);
  if (updated === null) return fail('trust_list_invalid', 'Danh sách tin cậy thiếu thời điểm cập nhật (updated)');
  if (!Array.isArray(input.keys)) return fail('trust_list_invalid', 'Danh sách tin cậy thiếu mảng keys');
  const list: TrustList = { updated, keys: [], ignored: [] };
  for (let index = 0; index < input.keys.length; index++) {
    const entry = await readEntry(input.keys[index], crypto);
    if (typeof entry === 'string') list.ignored.push({ index, reason: entry });
    else list.keys.push(entry);
  }
  return ok(list);
}

async function readEntry(e: unknown, crypto: CryptoProvider): Promise<TrustedKey | string> {
  if (!isObject(e)) return 'not an object';
  const alg = e.alg;
  if (alg !== 'EdDSA' && alg !== 'ES256') return 'unknown alg';
  if (typeof e.issuer !== 'string' || typeof e.kid !== 'string') return 'issuer or kid missing';
  const kid = base64urlDecode(e.kid);
  if (kid?.length !== 8) return 'kid is not 8 bytes of base64url';
  const raw = rawPublicKey(alg, e.jwk);
  if (!raw) return 'jwk does not fit alg';
  if (!bytesEqual(keyId(raw), kid)) return 'kid is not the one the jwk gives';
  const notBefore = parseIsoSeconds(e.notBefore);
  const notAfter = parseIsoSeconds(e.notAfter);
  if (notBefore === null || notAfter === null) return 'notBefore or notAfter unreadable';
  if (e.issuerName !== undefined && typeof e.issuerName !== 'string') return 'issuerName is not text';
  const jwk = e.jwk as PublicJwk;
  let key: KeyHandle;
  try {
    key = await crypto.importPublicKey(alg, jwk);
  } catch {
    return 'key cannot be imported';
  }
  return {
    kid,
    alg,
    issuer: e.issuer,
    issuerName: e.issuerName,
    notBefore,
    notAfter,
    key,
    json: e as unknown as TrustEntryJson,
  };
}

/** The trust-list entry for a public key (spec §4). */
export function trustEntry(
  alg: Alg,
  jwk: PublicJwk,
  issuer: string,
  validity: { notBefore: string; notAfter: string },
  issuerName?: string,
): TrustEntryJson {
  const raw = rawPublicKey(alg, jwk);
  if (!raw) throw new TypeError('the JWK does not fit the algorithm');
  const entry: TrustEntryJson = { kid: base64urlEncode(keyId(raw)), alg, jwk, issuer } as TrustEntryJson;
  if (issuerName !== undefined) entry.issuerName = issuerName;
  entry.notBefore = validity.notBefore;
  entry.notAfter = validity.notAfter;
  return entry;
}

/** Of two trust lists, the one with the later `updated` wins. */
export function newerTrustList<T extends { updated: number }>(a: T, b: T): T {
  return b.updated > a.updated ? b : a;
}
