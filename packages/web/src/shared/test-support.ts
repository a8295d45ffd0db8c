/**
 * What the unit tests of the lists and the checkpoint controller share: a fixed key (RFC 8032
 * test 1), its trust list, permits signed with it at a fixed time, a fake `fetch` serving the
 * lists with ETag (able to fail), timers run by hand, and a cache in memory. Deterministic:
 * no clock, no random key.
 */
import {
  base64urlEncode,
  buildQrText,
  type Claims,
  createSigner,
  hexDecode,
  nobleProvider,
  type PrivateJwk,
  publicJwk,
  REVOKED_FORMAT,
  type RevocationListJson,
  signClaims,
  TRUST_FORMAT,
  type TrustListJson,
  trustEntry,
} from '@thonghanh/core';
import type { Timers } from './backoff.js';
import type { FetchLike, ListCache } from './lists.js';

export const ORIGIN = 'https://thonghanh.example.vn';
export const ISSUER = 'VN-01-004-00124';
/** 10:00 on 15/08/2021 in Hà Nội: the tests' "now". */
export const NOW = Date.parse('2021-08-15T03:00:00Z');
const S = (ms: number) => Math.floor(ms / 1000);
const DAY = 86_400;

const hexToB64u = (hex: string) => base64urlEncode(hexDecode(hex) as Uint8Array);

/** RFC 8032 §7.1, test 1. */
export const KEY: PrivateJwk = {
  kty: 'OKP',
  crv: 'Ed25519',
  d: hexToB64u('9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60'),
  x: hexToB64u('d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a'),
};

export const crypto = nobleProvider();

export function trustJson(updated = NOW - 3600_000): TrustListJson {
  const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
  return {
    format: TRUST_FORMAT,
    updated: iso(updated),
    keys: [
      trustEntry(
        'EdDSA',
        publicJwk(KEY),
        ISSUER,
        { notBefore: iso(NOW - 60 * DAY * 1000), notAfter: iso(NOW + 300 * DAY * 1000) },
        'UBND phường Đức Giang',
      ),
    ],
  };
}

export function revokedJson(ctis: Uint8Array[] = [], version = 1): RevocationListJson {
  return {
    format: REVOKED_FORMAT,
    updated: new Date(NOW - 60_000 + version * 1000).toISOString().replace('.000Z', 'Z'),
    version,
    revoked: ctis.map((c) => base64urlEncode(c)).sort(),
  };
}

/** A permit valid from yesterday for 30 days, its cti made of `n`. */
export async function permitText(n: number): Promise<{ text: string; cti: Uint8Array }> {
  const cti = new Uint8Array(16).fill(n);
  const claims: Claims = {
    iss: ISSUER,
    iat: S(NOW) - DAY,
    nbf: S(NOW) - DAY,
    exp: S(NOW) + 30 * DAY,
    cti,
    permit: {
      serial: `${String(n).padStart(4, '0')}/GĐĐ`,
      holder: 'Nguyễn Thị Quỳnh Anh',
      idType: 1,
      idNumber: '001190012345',
      unitTaxCode: '0100233488',
      unitName: 'Công ty TNHH Thực phẩm Đức Giang',
      routeFrom: 'Số 12 ngõ 45 phố Ngọc Lâm',
      routeTo: 'KCN Sài Đồng B',
      routeWards: ['00124'],
    },
  };
  const signer = await createSigner(KEY, crypto);
  return { text: buildQrText(ORIGIN, await signClaims(claims, signer, crypto)), cti };
}

/**
 * The two lists as the server gives them: ETag, If-None-Match → 304. `fail` makes every
 * request fail: 'network' (fetch rejects, as offline) or an HTTP status (503); a list set to
 * null is answered 404.
 */
export function fakeListServer() {
  const state = {
    trust: trustJson() as unknown,
    revoked: revokedJson() as unknown,
    fail: null as null | 'network' | number,
    requests: [] as Array<{ url: string; ifNoneMatch: string | null; status: number | 'network' }>,
  };
  const fetch: FetchLike = async (url, init) => {
    const ifNoneMatch = new Headers(init.headers).get('if-none-match');
    if (state.fail === 'network') {
      state.requests.push({ url, ifNoneMatch, status: 'network' });
      throw new TypeError('Failed to fetch');
    }
    if (typeof state.fail === 'number') {
      state.requests.push({ url, ifNoneMatch, status: state.fail });
      return new Response('{"error":{"code":"database_unavailable"}}', { status: state.fail });
    }
    const list = url.endsWith('/trust.json') ? state.trust : state.revoked;
    if (list === null) {
      state.requests.push({ url, ifNoneMatch, status: 404 });
      return new Response('{"error":{"code":"not_found"}}', { status: 404 });
    }
    const body = JSON.stringify(list);
    const etag = `"${body.length}-${[...body].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) >>> 0, 7)}"`;
    const status = ifNoneMatch === etag ? 304 : 200;
    state.requests.push({ url, ifNoneMatch, status });
    return status === 304
      ? new Response(null, { status, headers: { etag } })
      : new Response(body, { status, headers: { etag, 'content-type': 'application/json' } });
  };
  return Object.assign(state, { fetch });
}

export function memoryListCache(): ListCache & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, get: (k) => data.get(k) ?? null, set: (k, v) => void data.set(k, v) };
}

/** Timers run by hand: the test decides when a wait is over. */
export function manualTimers() {
  const pending = new Map<number, { fn: () => void; ms: number }>();
  let next = 1;
  const timers: Timers = {
    set: (fn, ms) => {
      pending.set(next, { fn, ms });
      return next++;
    },
    clear: (h) => {
      pending.delete(h as number);
    },
  };
  return {
    timers,
    pending,
    /** The delays now waiting, in ms. */
    delays: () => [...pending.values()].map((t) => t.ms),
    fire() {
      const all = [...pending.values()];
      pending.clear();
      for (const t of all) t.fn();
    },
  };
}
