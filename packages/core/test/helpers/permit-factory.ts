/**
 * Builds permit QR texts for tests from the spec alone (claim keys, header, Sig_structure,
 * digits), signing with node:crypto KeyObjects: nothing here calls the code under test, so
 * a test can tamper with any part and still be signed correctly, and the verdict it
 * expects comes from the spec, not from the implementation.
 */
import { createECDH, createHash, createPrivateKey, type KeyObject, sign as nodeSign } from 'node:crypto';
import {
  type CryptoProvider,
  loadTrustList,
  type PrivateJwk,
  type PublicJwk,
  type TrustList,
  type VerifyOptions,
  type VerifyResult,
  verify,
} from '../../src/index.js';
import { cbor, concat, fromHex, type Item, raw, tagged } from './cbor-writer.js';

export const ORIGIN = 'https://giaydiduong.longbien.example';
export const ISSUER = 'VN-01-004-00124';
export const CTI = fromHex('00112233445566778899aabbccddeeff');

/** Claim keys, permit fields and unit fields of spec §1. */
export const CLAIM = { iss: 1, exp: 4, nbf: 5, iat: 6, cti: 7, permit: -65537, unit: -65538 } as const;
export const PERMIT = {
  serial: 1,
  holder: 2,
  idType: 3,
  idNumber: 4,
  unitTaxCode: 5,
  unitName: 6,
  position: 7,
  routeFrom: 8,
  routeTo: 9,
  routeWards: 10,
  schedule: 11,
  purpose: 12,
} as const;
export const UNIT = { unitTaxCode: 1, unitName: 2, address: 3, staffCount: 4, approvalRef: 5 } as const;

/** Whole seconds of an ISO time. */
export const sec = (iso: string): number => {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`bad time ${iso}`);
  return ms / 1000;
};

/** The default times: the key's life, the permit's, and when it is checked (inside all). */
export const TIMES = {
  keyNotBefore: '2021-08-01T00:00:00Z',
  keyNotAfter: '2022-08-01T00:00:00Z',
  iat: sec('2021-08-15T03:00:00Z'),
  nbf: sec('2021-08-15T17:00:00Z'),
  exp: sec('2021-09-06T17:00:00Z'),
  at: sec('2021-08-18T01:15:00Z'),
} as const;

export interface TestKey {
  alg: 'EdDSA' | 'ES256';
  cose: -8 | -7;
  privateJwk: PrivateJwk;
  publicJwk: PublicJwk;
  /** 32 bytes (Ed25519) or the 65-byte uncompressed point (P-256). */
  raw: Uint8Array;
  kid: Uint8Array;
  keyObject: KeyObject;
  /** The Ed25519 seed or the P-256 scalar. */
  secret: Uint8Array;
}

export const b64u = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64url');
const fromB64u = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'base64url'));

/** kid of spec §2: the first 8 bytes of SHA-256 over the raw public key. */
export const kidOf = (raw: Uint8Array): Uint8Array =>
  new Uint8Array(createHash('sha256').update(raw).digest()).slice(0, 8);

/** An Ed25519 key whose 32-byte seed is `seedByte` repeated. */
export function ed25519Key(seedByte: number): TestKey {
  const secret = new Uint8Array(32).fill(seedByte);
  const pkcs8 = concat(fromHex('302e020100300506032b657004220420'), secret);
  const keyObject = createPrivateKey({ key: Buffer.from(pkcs8), format: 'der', type: 'pkcs8' });
  const x = keyObject.export({ format: 'jwk' }).x as string;
  const raw = fromB64u(x);
  return {
    alg: 'EdDSA',
    cose: -8,
    privateJwk: { kty: 'OKP', crv: 'Ed25519', x, d: b64u(secret) },
    publicJwk: { kty: 'OKP', crv: 'Ed25519', x },
    raw,
    kid: kidOf(raw),
    keyObject,
    secret,
  };
}

/** A P-256 key whose 32-byte scalar is `scalarByte` repeated. */
export function p256Key(scalarByte: number): TestKey {
  const secret = new Uint8Array(32).fill(scalarByte);
  const ecdh = createECDH('prime256v1');
  ecdh.setPrivateKey(secret);
  const raw = new Uint8Array(ecdh.getPublicKey());
  const x = b64u(raw.slice(1, 33));
  const y = b64u(raw.slice(33, 65));
  const privateJwk: PrivateJwk = { kty: 'EC', crv: 'P-256', x, y, d: b64u(secret) };
  return {
    alg: 'ES256',
    cose: -7,
    privateJwk,
    publicJwk: { kty: 'EC', crv: 'P-256', x, y },
    raw,
    kid: kidOf(raw),
    keyObject: createPrivateKey({ key: { ...privateJwk }, format: 'jwk' }),
    secret,
  };
}

/** The ward's trusted keys and a stranger's. */
export const KEYS = {
  ed: ed25519Key(0x11),
  es: p256Key(0x22),
  stranger: ed25519Key(0x33),
} as const;

/** Signs bytes as the algorithm does (ES256: r‖s, as COSE writes it). */
export function rawSign(key: TestKey, data: Uint8Array): Uint8Array {
  return new Uint8Array(
    key.alg === 'EdDSA'
      ? nodeSign(null, data, key.keyObject)
      : nodeSign('sha256', data, { key: key.keyObject, dsaEncoding: 'ieee-p1363' }),
  );
}

/** Sig_structure of RFC 9052 §4.4 with empty external_aad. */
export const toBeSigned = (protectedBytes: Uint8Array, payload: Uint8Array): Uint8Array =>
  cbor(['Signature1', protectedBytes, new Uint8Array(0), payload]);

/** A valid permit's fields (spec §1 keys), without the optional ones. */
export function permitFields(): Map<Item, Item> {
  return new Map<Item, Item>([
    [PERMIT.serial, '0125/GĐĐ'],
    [PERMIT.holder, 'Nguyễn Thị Quỳnh Anh'],
    [PERMIT.idType, 1],
    [PERMIT.idNumber, '001190012345'],
    [PERMIT.unitTaxCode, '0100233488'],
    [PERMIT.routeFrom, 'Số 12 ngõ 45 phố Ngọc Lâm, Long Biên'],
    [PERMIT.routeTo, 'KCN Sài Đồng B, phường Thạch Bàn'],
    [PERMIT.routeWards, ['00133', '00142', '00148']],
  ]);
}

/** A valid unit credential's fields. */
export function unitFields(): Map<Item, Item> {
  return new Map<Item, Item>([
    [UNIT.unitTaxCode, '0100233488'],
    [UNIT.unitName, 'Công ty TNHH Thực phẩm Đức Giang'],
    [UNIT.staffCount, 37],
    [UNIT.approvalRef, '85/UBND-DG'],
  ]);
}

export interface Build {
  /** Signs and names the key in the header; default the trusted Ed25519 key. */
  key?: TestKey;
  kind?: 'permit' | 'unit';
  /** Edits the permit (or unit) map; it is already inside the claims. */
  fields?: (fields: Map<Item, Item>) => void;
  /** Edits the claims map. */
  claims?: (claims: Map<Item, Item>) => void;
  /** The payload bytes as carried, instead of the encoded claims. */
  payload?: Uint8Array;
  /** The protected header, as a value or as bytes; default {1: alg, 4: kid}. */
  protectedHeader?: Item;
  protectedBytes?: Uint8Array;
  unprotected?: Item;
  /** Changes the signature after signing. */
  signature?: (signature: Uint8Array) => Uint8Array;
  /** Signs other bytes than the Sig_structure of what is carried (a forgery). */
  signOver?: Uint8Array;
  /** Writes the COSE array without tag 18, or with another tag. */
  tag?: number | null;
  /** Bytes after the COSE item. */
  trailing?: Uint8Array;
  origin?: string;
}

/** The claims map of a default credential, with the edits of `b` applied. */
export function claimsOf(b: Build = {}): Map<Item, Item> {
  const kind = b.kind ?? 'permit';
  const fields = kind === 'permit' ? permitFields() : unitFields();
  const claims = new Map<Item, Item>([
    [CLAIM.iss, ISSUER],
    [CLAIM.exp, TIMES.exp],
    [CLAIM.nbf, TIMES.nbf],
    [CLAIM.iat, TIMES.iat],
    [CLAIM.cti, CTI],
    [kind === 'permit' ? CLAIM.permit : CLAIM.unit, fields],
  ]);
  b.fields?.(fields);
  b.claims?.(claims);
  return claims;
}

/** COSE_Sign1 bytes of a credential built by `b`. */
export function coseOf(b: Build = {}): Uint8Array {
  const key = b.key ?? KEYS.ed;
  const payload = b.payload ?? cbor(claimsOf(b));
  const protectedBytes =
    b.protectedBytes ??
    cbor(
      b.protectedHeader ??
        new Map<Item, Item>([
          [1, key.cose],
          [4, key.kid],
        ]),
    );
  let signature = rawSign(key, b.signOver ?? toBeSigned(protectedBytes, payload));
  if (b.signature) signature = b.signature(signature);
  const body = cbor([protectedBytes, b.unprotected ?? new Map(), payload, signature]);
  const tag = b.tag === undefined ? 18 : b.tag;
  const message = tag === null ? body : cbor(tagged(tag, raw(body)));
  return b.trailing ? concat(message, b.trailing) : message;
}

/** Digits of spec §3: groups of 7 bytes as 17 digits; a last group of k bytes as 3…15 digits. */
export function toDigits(bytes: Uint8Array): string {
  const width = [0, 3, 5, 8, 10, 13, 15, 17];
  let out = '';
  for (let i = 0; i < bytes.length; i += 7) {
    const group = bytes.subarray(i, i + 7);
    let v = 0n;
    for (const byte of group) v = v * 256n + BigInt(byte);
    out += v.toString().padStart(width[group.length] as number, '0');
  }
  return out;
}

/** The inverse of toDigits for well-formed digits. */
export function fromDigits(digits: string): Uint8Array {
  const bytesOf: Record<number, number> = { 3: 1, 5: 2, 8: 3, 10: 4, 13: 5, 15: 6, 17: 7 };
  const out: number[] = [];
  for (let i = 0; i < digits.length; i += 17) {
    const group = digits.slice(i, i + 17);
    const k = bytesOf[group.length];
    if (k === undefined) throw new Error(`bad group length ${group.length}`);
    let v = BigInt(group);
    const bytes: number[] = [];
    for (let j = 0; j < k; j++) {
      bytes.unshift(Number(v & 0xffn));
      v >>= 8n;
    }
    out.push(...bytes);
  }
  return Uint8Array.from(out);
}

export const textOf = (cose: Uint8Array, origin = ORIGIN): string => `${origin}/p1#${toDigits(cose)}`;

/** The QR text of a credential built by `b`. */
export const permitText = (b: Build = {}): string => textOf(coseOf(b), b.origin ?? ORIGIN);

export interface EntryOptions {
  issuer?: string;
  issuerName?: string;
  notBefore?: string;
  notAfter?: string;
  kid?: string;
  alg?: string;
  jwk?: unknown;
}

/** A trust-list entry (spec §4) for a key. */
export function entryFor(key: TestKey, o: EntryOptions = {}): Record<string, unknown> {
  return {
    kid: o.kid ?? b64u(key.kid),
    alg: o.alg ?? key.alg,
    jwk: o.jwk ?? key.publicJwk,
    issuer: o.issuer ?? ISSUER,
    issuerName: o.issuerName ?? 'UBND phường Đức Giang',
    notBefore: o.notBefore ?? TIMES.keyNotBefore,
    notAfter: o.notAfter ?? TIMES.keyNotAfter,
  };
}

export const trustJson = (...entries: unknown[]) => ({
  format: 'thonghanh-trust/1',
  updated: '2021-08-15T00:00:00Z',
  keys: entries,
});

/** Loads a trust list with the provider; fails the test when the list is refused. */
export async function trustOf(crypto: CryptoProvider, ...entries: unknown[]): Promise<TrustList> {
  const loaded = await loadTrustList(trustJson(...entries), crypto);
  if (!loaded.ok) throw new Error(`trust list refused: ${loaded.message}`);
  return loaded.value;
}

/** The default trust list: the ward's Ed25519 and P-256 keys. */
export const defaultTrust = (crypto: CryptoProvider): Promise<TrustList> =>
  trustOf(crypto, entryFor(KEYS.ed), entryFor(KEYS.es));

export type Check = (text: unknown, options?: Partial<VerifyOptions>) => Promise<VerifyResult>;

/** verify() with the provider and trust list, at the default time unless told. */
export const checker =
  (crypto: CryptoProvider, trust: TrustList): Check =>
  (text, options = {}) =>
    verify(text, { crypto, trust, at: TIMES.at * 1000, ...options });
