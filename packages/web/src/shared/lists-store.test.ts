import { describe, expect, it } from 'vitest';
import { OFFLINE_COPY_HEADER } from './lists.js';
import { ListsStore } from './lists-store.js';
import {
  crypto,
  fakeListServer,
  manualTimers,
  memoryListCache,
  NOW,
  ORIGIN,
  revokedJson,
  trustJson,
} from './test-support.js';

/** Flushes the promise chains a fired timer starts (fetch, list import, cache write). */
const settle = async () => {
  for (let i = 0; i < 20; i++) await new Promise<void>((r) => setImmediate(r));
};

function storeWith(server = fakeListServer(), cache = memoryListCache()) {
  const t = manualTimers();
  const store = new ListsStore({
    base: ORIGIN,
    crypto,
    cache,
    fetch: server.fetch,
    timers: t.timers,
    random: () => 1,
    now: () => NOW,
  });
  return { store, server, cache, t };
}

describe('ListsStore', () => {
  it('retries every few seconds, doubling up to a minute, while the lists cannot be fetched; then polls every minute', async () => {
    const { store, server, t } = storeWith();
    server.fail = 503;
    const first = await store.start();
    expect(first.trustFetchedAt).toBeNull();
    expect(first.trust.keys).toHaveLength(0);
    const delays = [t.delays()];
    for (let i = 0; i < 7; i++) {
      t.fire();
      await settle();
      delays.push(t.delays());
    }
    expect(delays.flat()).toEqual([2000, 4000, 8000, 16000, 32000, 60000, 60000, 60000]);
    expect(store.status.failures).toBe(8);
    // The server recovers: the next try gets both lists, and from then on it polls every minute.
    server.fail = null;
    t.fire();
    await settle();
    expect(store.lists?.trust.keys).toHaveLength(1);
    expect(store.lists?.trustFetchedAt).toBe(NOW);
    expect(store.lists?.revokedFetchedAt).toBe(NOW);
    expect(store.status.failures).toBe(0);
    expect(t.delays()).toEqual([60_000]);
    store.stop();
    expect(t.pending.size).toBe(0);
  });

  it('polls with If-None-Match (304) and publishes a new revocation at the next poll', async () => {
    const { store, server, t } = storeWith();
    const seen: number[] = [];
    store.subscribe((l) => seen.push(l.revoked.revoked.size));
    await store.start();
    t.fire();
    await settle();
    // Nothing changed: both answered 304 to the ETag the first answers gave.
    expect(server.requests.slice(2).map((r) => [r.status, r.ifNoneMatch !== null])).toEqual([
      [304, true],
      [304, true],
    ]);
    server.revoked = revokedJson([new Uint8Array(16).fill(9)], 2);
    t.fire();
    await settle();
    expect(server.requests.slice(4).map((r) => r.status)).toEqual([304, 200]);
    expect(seen).toEqual([0, 0, 1]);
    expect(store.lists?.revoked.version).toBe(2);
    store.stop();
  });

  it('fetches at once when the network returns, cancelling the back-off', async () => {
    const { store, server, t } = storeWith();
    server.fail = 'network';
    await store.start();
    t.fire();
    await settle();
    expect(t.delays()).toEqual([4000]);
    server.fail = null;
    await store.online();
    expect(store.lists?.trustFetchedAt).not.toBeNull();
    expect(t.delays()).toEqual([60_000]);
    store.stop();
  });

  it('reads the copies kept on the device without the network, and keeps them when a fetch fails', async () => {
    const cache = memoryListCache();
    const online = storeWith(fakeListServer(), cache);
    await online.store.refresh();
    const kept = online.store.lists;
    const offline = storeWith(fakeListServer(), cache);
    offline.server.fail = 'network';
    const cached = await offline.store.loadCached();
    expect(offline.server.requests).toHaveLength(0);
    expect(cached.trust.keys).toHaveLength(1);
    expect(cached.trustFetchedAt).toBe(kept?.trustFetchedAt);
    const after = await offline.store.refresh();
    expect(after).toMatchObject({ offline: true, trustFetchedAt: kept?.trustFetchedAt });
  });

  it('never takes a service worker’s offline copy for a fresh answer', async () => {
    const server = fakeListServer();
    const fetchedAt = Date.parse('2021-08-14T03:00:00Z');
    const copy = (url: string) =>
      new Response(JSON.stringify(url.endsWith('/trust.json') ? trustJson() : revokedJson()), {
        headers: { [OFFLINE_COPY_HEADER]: String(fetchedAt), etag: '"kept"' },
      });
    const t = manualTimers();
    const cache = memoryListCache();
    const store = new ListsStore({
      base: ORIGIN,
      crypto,
      cache,
      fetch: async (url) => copy(url),
      timers: t.timers,
      now: () => NOW,
    });
    // Nothing kept by the page: the worker's copy is used, with the worker's age, as offline.
    const lists = await store.refresh();
    expect(lists).toMatchObject({ offline: true, trustFetchedAt: fetchedAt, revokedFetchedAt: fetchedAt });
    expect(lists.trust.keys).toHaveLength(1);
    // The page's own copy, fetched later, wins over the worker's.
    const online = new ListsStore({
      base: ORIGIN,
      crypto,
      cache,
      fetch: server.fetch,
      timers: t.timers,
      now: () => NOW,
    });
    const fresh = await online.refresh();
    expect(fresh.trustFetchedAt).toBe(NOW);
    const again = await new ListsStore({
      base: ORIGIN,
      crypto,
      cache,
      fetch: async (url) => copy(url),
      timers: t.timers,
      now: () => NOW,
    }).refresh();
    expect(again.trustFetchedAt).toBe(fresh.trustFetchedAt);
  });
});
