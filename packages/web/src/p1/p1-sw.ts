/**
 * The /p1 page's service worker (scope /p1), so that a phone which opened one permit
 * verifies the next with no network:
 * - the page and its scripts (listed at build time by p1-sw-plugin.ts) are kept and served
 *   from the cache; a new build installs a new cache and takes over at the next opening;
 * - the trust and revocation lists go to the network, revalidated with the worker's own
 *   ETag, and are kept; when the network does not answer the kept copy is answered with the
 *   `x-thonghanh-offline-copy` header holding when it was fetched, so the page shows its
 *   true age and never takes it for a fresh answer (shared/lists.ts). The page keeps its own
 *   copy too (localStorage): this one serves when that one is gone.
 * Nothing else is touched: the API and other pages go to the network as usual.
 *
 * Built into dist/p1-sw.js as a classic script (types stripped, no imports).
 */

interface SwEvent extends Event {
  waitUntil(p: Promise<unknown>): void;
}
interface SwFetchEvent extends SwEvent {
  request: Request;
  respondWith(r: Response | Promise<Response>): void;
}
interface SwScope {
  addEventListener(type: 'install' | 'activate', listener: (e: SwEvent) => void): void;
  addEventListener(type: 'fetch', listener: (e: SwFetchEvent) => void): void;
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  location: Location;
}

const sw = self as unknown as SwScope;
/** Replaced at build time: the build's hash and the page's files. */
const P1_VERSION = '__P1_VERSION__';
const P1_FILES: string[] = JSON.parse('__P1_FILES__');
const P1_CACHE = `thonghanh-p1-${P1_VERSION}`;
const P1_LISTS = 'thonghanh-p1-lists';
const P1_PAGE = '/p1.html';
const LIST_PATH = /^\/\.well-known\/thonghanh\/(trust|revoked)\.json$/;
const OFFLINE_COPY = 'x-thonghanh-offline-copy';
const FETCHED_AT = 'x-thonghanh-fetched-at';

sw.addEventListener('install', (e) => {
  e.waitUntil(
    caches
      .open(P1_CACHE)
      .then((c) => c.addAll(P1_FILES))
      .then(() => sw.skipWaiting()),
  );
});

sw.addEventListener('activate', (e) => {
  e.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys
            .filter((k) => k.startsWith('thonghanh-p1-') && k !== P1_CACHE && k !== P1_LISTS)
            .map((k) => caches.delete(k)),
        ),
      )
      .then(() => sw.clients.claim()),
  );
});

sw.addEventListener('fetch', (e) => {
  const url = new URL(e.request.url);
  if (url.origin !== sw.location.origin || e.request.method !== 'GET') return;
  if (LIST_PATH.test(url.pathname)) {
    e.respondWith(listAnswer(e.request, url.pathname));
    return;
  }
  const page = e.request.mode === 'navigate' && (url.pathname === '/p1' || url.pathname === P1_PAGE);
  if (page || P1_FILES.includes(url.pathname)) e.respondWith(fromCache(page ? P1_PAGE : url.pathname, e.request));
});

/** The kept file, else the network (a file missing from the cache is fetched as usual). */
async function fromCache(path: string, request: Request): Promise<Response> {
  const hit = await caches.match(path, { cacheName: P1_CACHE });
  return hit ?? fetch(request);
}

/**
 * The lists through the worker. It keeps its own copy and revalidates it with its own ETag
 * (the page's If-None-Match names the page's copy, which may differ), then answers the page:
 * 304 when the page already has this list, else the list. With no answer from the network
 * (offline, or an error status) the kept copy is answered, marked as an offline copy.
 */
async function listAnswer(request: Request, path: string): Promise<Response> {
  const cache = await caches.open(P1_LISTS);
  let kept = await cache.match(path);
  const keptEtag = kept?.headers.get('etag');
  let res: Response;
  try {
    res = await fetch(request.url, {
      headers: keptEtag ? { 'if-none-match': keptEtag } : {},
      cache: 'no-cache',
      credentials: 'omit',
    });
  } catch (err) {
    if (!kept) throw err;
    return offlineCopy(kept);
  }
  if (res.status === 200 || (res.status === 304 && kept)) {
    const source = res.status === 200 ? res : (kept as Response);
    const headers = new Headers(source.headers);
    headers.set(FETCHED_AT, String(Date.now()));
    kept = new Response(await source.arrayBuffer(), { status: 200, headers });
    await cache.put(path, kept.clone());
  } else {
    return kept ? offlineCopy(kept) : res;
  }
  const etag = kept.headers.get('etag');
  if (etag && request.headers.get('if-none-match') === etag) {
    return new Response(null, { status: 304, headers: { etag } });
  }
  return kept;
}

function offlineCopy(kept: Response): Response {
  const headers = new Headers(kept.headers);
  headers.set(OFFLINE_COPY, headers.get(FETCHED_AT) ?? '0');
  return new Response(kept.body, { status: 200, headers });
}

export {};
