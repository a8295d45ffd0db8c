import {
  type CryptoProvider,
  loadRevocationList,
  loadTrustList,
  REVOKED_FORMAT,
  type RevocationList,
  TRUST_FORMAT,
  type TrustList,
} from '@thonghanh/core';

/**
 * Where lists are kept between visits: small JSON documents, so localStorage will do for
 * /p1; the checkpoint app keeps them in IndexedDB (hence the optional promises).
 */
export interface ListCache {
  get(key: string): string | null | Promise<string | null>;
  set(key: string, value: string): void | Promise<void>;
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

/** What the loader needs of `fetch` (tests pass a fake). */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

/**
 * The /p1 page's service worker answers a list request it could not pass to the network
 * with its own copy and this header, holding when that copy was fetched (ms): the loader
 * must not take it for a fresh answer (the age shown would be a lie).
 */
export const OFFLINE_COPY_HEADER = 'x-thonghanh-offline-copy';

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

async function readCached(key: string, cache: ListCache): Promise<Cached | null> {
  try {
    const raw = await cache.get(key);
    return raw ? (JSON.parse(raw) as Cached) : null;
  } catch {
    return null;
  }
}

/** Of the kept and the fetched list, which to keep: the fetched one unless it is unreadable or older (spec §4). */
type Prefer = (fetched: unknown, kept: unknown) => boolean;

const field = (body: unknown, name: string): unknown =>
  typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[name] : undefined;

const preferTrust: Prefer = (fetched, kept) =>
  field(fetched, 'format') === TRUST_FORMAT &&
  !(Date.parse(String(field(kept, 'updated'))) > Date.parse(String(field(fetched, 'updated'))));

const preferRevoked: Prefer = (fetched, kept) =>
  field(fetched, 'format') === REVOKED_FORMAT && !(Number(field(kept, 'version')) > Number(field(fetched, 'version')));

async function fetchList(
  url: string,
  key: string,
  cache: ListCache,
  prefer: Prefer,
  fetchFn: FetchLike,
  now: () => number,
): Promise<{ cached: Cached | null; fresh: boolean }> {
  let cached = await readCached(key, cache);
  try {
    const headers: Record<string, string> = {};
    if (cached?.etag) headers['if-none-match'] = cached.etag;
    const res = await fetchFn(url, { headers, cache: 'no-cache', credentials: 'omit' });
    const offlineCopy = res.headers.get(OFFLINE_COPY_HEADER);
    if (offlineCopy !== null) {
      // The network did not answer: a kept copy of our own wins; else the worker's, with its age.
      const fetchedAt = Number(offlineCopy);
      if (cached || !res.ok || !Number.isFinite(fetchedAt)) return { cached, fresh: false };
      cached = { fetchedAt, etag: res.headers.get('etag'), body: await res.json() };
      await Promise.resolve(cache.set(key, JSON.stringify(cached))).catch(() => {});
      return { cached, fresh: false };
    }
    if (res.status === 304 && cached) {
      cached = { ...cached, fetchedAt: now() };
    } else if (res.ok) {
      const body: unknown = await res.json();
      if (cached && !prefer(body, cached.body)) return { cached, fresh: false };
      cached = { fetchedAt: now(), etag: res.headers.get('etag'), body };
    } else {
      return { cached, fresh: false };
    }
    try {
      await cache.set(key, JSON.stringify(cached));
    } catch {
      // A full quota: the lists still work for this visit.
    }
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
  fetchFn: FetchLike = (url, init) => fetch(url, init),
  now: () => number = Date.now,
): Promise<Lists> {
  const [t, r] = await Promise.all([
    fetchList(`${base}/.well-known/thonghanh/trust.json`, `thonghanh:trust:${base}`, cache, preferTrust, fetchFn, now),
    fetchList(
      `${base}/.well-known/thonghanh/revoked.json`,
      `thonghanh:revoked:${base}`,
      cache,
      preferRevoked,
      fetchFn,
      now,
    ),
  ]);
  return buildLists(t, r, crypto);
}

/**
 * The lists kept from the last fetch, without touching the network: what an app that must
 * be ready at once (the checkpoint scanner) uses while `loadLists` refreshes them.
 */
export async function cachedLists(
  base: string,
  crypto: CryptoProvider,
  cache: ListCache = localStorageCache,
): Promise<Lists> {
  const [t, r] = await Promise.all([
    readCached(`thonghanh:trust:${base}`, cache),
    readCached(`thonghanh:revoked:${base}`, cache),
  ]);
  return buildLists({ cached: t, fresh: false }, { cached: r, fresh: false }, crypto);
}

async function buildLists(
  t: { cached: Cached | null; fresh: boolean },
  r: { cached: Cached | null; fresh: boolean },
  crypto: CryptoProvider,
): Promise<Lists> {
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
