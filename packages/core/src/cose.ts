import { concatBytes } from './bytes.js';
import { decodeCbor } from './cbor/decode.js';
import { encodeCbor } from './cbor/encode.js';
import { CborMap, CborTag, type CborValue } from './cbor/types.js';
import { isCanonicalEd25519Signature } from './crypto/ed25519-encoding.js';
import { type Alg, algFromCose, type CryptoProvider, type KeyHandle } from './crypto/provider.js';
import { fail, ok, type Result } from './result.js';

/** COSE_Sign1 (RFC 9052 §4.2): tag 18 over [protected, unprotected, payload, signature]. */
export const COSE_SIGN1_TAG = 18;

export interface Sign1 {
  /** The protected header exactly as received: the signature covers these bytes. */
  protectedBytes: Uint8Array;
  protectedHeader: CborMap;
  unprotectedHeader: CborMap;
  payload: Uint8Array;
  signature: Uint8Array;
  tagged: boolean;
}

export type CoseErrorCode = 'malformed' | 'unsupported_alg' | 'bad_signature';

/** Decodes the COSE_Sign1 structure; the headers' contents are left to the caller's profile. */
export function decodeSign1(bytes: Uint8Array, options: { allowUntagged?: boolean } = {}): Result<Sign1, 'malformed'> {
  let item: CborValue;
  try {
    item = decodeCbor(bytes, { outerTags: [COSE_SIGN1_TAG] });
  } catch (e) {
    return fail('malformed', 'COSE_Sign1 không phải một mục CBOR hợp lệ', String((e as Error).message));
  }
  const tagged = item instanceof CborTag;
  if (!tagged && !options.allowUntagged) return fail('malformed', 'thiếu thẻ COSE_Sign1 (18)');
  const arr = tagged ? (item as CborTag).value : item;
  if (!Array.isArray(arr) || arr.length !== 4) return fail('malformed', 'COSE_Sign1 phải là mảng 4 phần tử');
  const [prot, unprot, payload, signature] = arr;
  if (!(prot instanceof Uint8Array) || !(unprot instanceof CborMap)) {
    return fail('malformed', 'tiêu đề COSE sai kiểu');
  }
  if (!(payload instanceof Uint8Array) || !(signature instanceof Uint8Array)) {
    return fail('malformed', 'nội dung hoặc chữ ký COSE sai kiểu');
  }
  let protectedHeader: CborValue;
  try {
    // A zero-length protected header stands for the empty map (RFC 9052 §3).
    protectedHeader = prot.length === 0 ? new CborMap([]) : decodeCbor(prot);
  } catch (e) {
    return fail('malformed', 'tiêu đề bảo vệ không phải CBOR hợp lệ', String((e as Error).message));
  }
  if (!(protectedHeader instanceof CborMap)) return fail('malformed', 'tiêu đề bảo vệ phải là map');
  return ok({ protectedBytes: prot, protectedHeader, unprotectedHeader: unprot, payload, signature, tagged });
}

/** Sig_structure = ["Signature1", protected, external_aad = h'', payload]. */
export function sigStructure(protectedBytes: Uint8Array, payload: Uint8Array): Uint8Array {
  // Written directly, one allocation: 0x84, text "Signature1", bstr protected, h'' (0x40), bstr payload.
  const ph = bstrHead(protectedBytes.length);
  const pl = bstrHead(payload.length);
  const out = new Uint8Array(SIG1_PREFIX.length + ph.length + protectedBytes.length + 1 + pl.length + payload.length);
  let o = 0;
  out.set(SIG1_PREFIX, o);
  o += SIG1_PREFIX.length;
  out.set(ph, o);
  o += ph.length;
  out.set(protectedBytes, o);
  o += protectedBytes.length;
  out[o++] = 0x40;
  out.set(pl, o);
  o += pl.length;
  out.set(payload, o);
  return out;
}

/** 0x84 (array of 4), then 0x6a "Signature1". */
const SIG1_PREFIX = new Uint8Array([0x84, 0x6a, 0x53, 0x69, 0x67, 0x6e, 0x61, 0x74, 0x75, 0x72, 0x65, 0x31]);

function bstrHead(n: number): number[] {
  if (n < 24) return [0x40 | n];
  if (n < 0x100) return [0x58, n];
  if (n < 0x10000) return [0x59, n >> 8, n & 0xff];
  return [0x5a, n >>> 24, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
}

export function encodeSign1(protectedBytes: Uint8Array, payload: Uint8Array, signature: Uint8Array): Uint8Array {
  // 0xd2 = tag 18; the array body is ordinary deterministic CBOR.
  return concatBytes(new Uint8Array([0xd2]), encodeCbor([protectedBytes, new Map(), payload, signature] as never));
}

/**
 * Generic COSE_Sign1 verification (any conforming message, not only our permits): the
 * algorithm may stand in either header, untagged messages may be allowed. Used for the
 * COSE working group's test vectors; permits go through the stricter `verify`.
 */
export async function verifySign1(
  bytes: Uint8Array,
  key: { alg: Alg; handle: KeyHandle },
  crypto: CryptoProvider,
  options: { allowUntagged?: boolean } = {},
): Promise<Result<{ payload: Uint8Array }, CoseErrorCode>> {
  const decoded = decodeSign1(bytes, options);
  if (!decoded.ok) return decoded;
  const s = decoded.value;
  const algValue = s.protectedHeader.has(1) ? s.protectedHeader.get(1) : s.unprotectedHeader.get(1);
  const alg = algFromCose(algValue);
  if (alg === null) return fail('unsupported_alg', `thuật toán không được hỗ trợ: ${String(algValue)}`);
  if (alg !== key.alg) return fail('unsupported_alg', `khóa dùng ${key.alg}, thông điệp dùng ${alg}`);
  // EdDSA (-8) names the curve by the key; a 114-byte signature is Ed448 (RFC 8032 §5.2.6).
  if (alg === 'EdDSA' && s.signature.length === 114)
    return fail('unsupported_alg', 'EdDSA với Ed448 không được hỗ trợ');
  if (s.signature.length !== 64) return fail('bad_signature', 'chữ ký phải dài 64 byte');
  // An empty protected map, even sent as h'a0', is signed as h'' (RFC 9052 §3, §4.4).
  const signedProtected = s.protectedHeader.size === 0 ? new Uint8Array(0) : s.protectedBytes;
  let good = false;
  try {
    if (alg === 'EdDSA' && !isCanonicalEd25519Signature(s.signature)) throw new Error('non-canonical');
    good = await crypto.verify(alg, key.handle, sigStructure(signedProtected, s.payload), s.signature);
  } catch {
    good = false;
  }
  return good ? ok({ payload: s.payload }) : fail('bad_signature', 'chữ ký không khớp');
}
