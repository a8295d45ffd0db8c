import {
  type CryptoProvider,
  loadRevocationList,
  loadTrustList,
  type RevocationList,
  type TrustList,
} from '@thonghanh/core';

/** Where lists are kept between visits: small JSON documents, so localStorage will do. */
export interface ListCache {
  get(key: string): string | null;
  set(key: string, value: string): void;
}

export const localStorageCache: ListCache = {
  get: (key) => {
    try {
      return globalThis.localStorage?.getItem(key) ?? null;
    } catch {
      return null;
    }
  },
  set: (key, value) => {
    try {
      globalThis.localStorage?.setItem(key, value);
    } catch {
      // Private mode or a full quota: the lists still work for this visit.
    }
  },
};

interface Cached {
  fetchedAt: number;
  etag: string | null;
  body: unknown;
}

export interface Lists {
  trust: TrustList;
  revoked: RevocationList;
  /** When each list was last fetched from the server (ms), null if never. */
  trustFetchedAt: number | null;
  revokedFetchedAt: number | null;
  /** True when this visit could not reach the server and used cached lists. */
  offline: boolean;
}

const EMPTY_TRUST: TrustList = { updated: 0, keys: [], ignored: [] };
const EMPTY_REVOKED: RevocationList = { version: 0, updated: 0, revoked: new Set() };

async function fetchList(
  url: string,
  key: string,
  cache: ListCache,
): Promise<{ cached: Cached | null; fresh: boolean }> {
  const raw = cache.get(key);
  let cached: Cached | null = null;
  try {
    cached = raw ? (JSON.parse(raw) as Cached) : null;
  } catch {
    cached = null;
  }
  try {
    const headers: Record<string, string> = {};
    if (cached?.etag) headers['if-none-match'] = cached.etag;
    const res = await fetch(url, { headers, cache: 'no-cache', credentials: 'omit' });
    if (res.status === 304 && cached) {
      cached = { ...cached, fetchedAt: Date.now() };
    } else if (res.ok) {
      cached = { fetchedAt: Date.now(), etag: res.headers.get('etag'), body: await res.json() };
    } else {
      return { cached, fresh: false };
    }
    cache.set(key, JSON.stringify(cached));
    return { cached, fresh: true };
  } catch {
    return { cached, fresh: false };
  }
}

/**
 * The trust and revocation lists of a deployment (base = its ORIGIN): fetched when the
 * network answers, otherwise the copies kept from the last visit.
 */
export async function loadLists(
  base: string,
  crypto: CryptoProvider,
  cache: ListCache = localStorageCache,
): Promise<Lists> {
  const [t, r] = await Promise.all([
    fetchList(`${base}/.well-known/thonghanh/trust.json`, `thonghanh:trust:${base}`, cache),
    fetchList(`${base}/.well-known/thonghanh/revoked.json`, `thonghanh:revoked:${base}`, cache),
  ]);
  const trust = t.cached ? await loadTrustList(t.cached.body, crypto) : null;
  const revoked = r.cached ? loadRevocationList(r.cached.body) : null;
  return {
    trust: trust?.ok ? trust.value : EMPTY_TRUST,
    revoked: revoked?.ok ? revoked.value : EMPTY_REVOKED,
    trustFetchedAt: trust?.ok ? (t.cached?.fetchedAt ?? null) : null,
    revokedFetchedAt: revoked?.ok ? (r.cached?.fetchedAt ?? null) : null,
    offline: !t.fresh || !r.fresh,
  };
}
