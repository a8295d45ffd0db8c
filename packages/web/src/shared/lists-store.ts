import type { CryptoProvider } from '@thonghanh/core';
import { backoffDelay, realTimers, type Timers } from './backoff.js';
import { cachedLists, type FetchLike, type ListCache, type Lists, loadLists } from './lists.js';

/**
 * The trust and revocation lists an open page verifies with, kept current: read from the
 * device's cache at once, then fetched again and again. While a fetch fails (no list yet
 * on a first run, the server down, no network) it retries after 2 s, 4 s, 8 s … up to a
 * minute; once the lists come, it polls every minute (ETag: a 304 of a few bytes), so a
 * revocation reaches an open app within a minute while it is online. The `online` event
 * fetches at once. Used by the checkpoint app (IndexedDB cache) and /p1 (localStorage).
 */

export interface ListsStoreOptions {
  /** The deployment's ORIGIN: lists are at `<base>/.well-known/thonghanh/`. */
  base: string;
  crypto: CryptoProvider;
  cache: ListCache;
  fetch?: FetchLike;
  timers?: Timers;
  random?: () => number;
  /** Between two fetches that succeeded (default 60 s). */
  pollMs?: number;
  /** First retry after a failed fetch (default 2 s), doubling up to `retryMaxMs`. */
  retryBaseMs?: number;
  /** Longest wait between retries (default: `pollMs`, at most 60 s). */
  retryMaxMs?: number;
  /** The clock the lists' ages are measured with (default Date.now). */
  now?: () => number;
}

export interface ListsStatus {
  refreshing: boolean;
  /** Failed fetches in a row (0 after one that succeeded). */
  failures: number;
  /** When the next fetch is planned (ms), null when none is. */
  nextAt: number | null;
}

export const LISTS_POLL_MS = 60_000;

export class ListsStore {
  private readonly o: Required<Omit<ListsStoreOptions, 'fetch'>> & { fetch: FetchLike | undefined };
  private current: Lists | null = null;
  private running: Promise<Lists> | null = null;
  private timer: unknown = null;
  private started = false;
  private listeners = new Set<(lists: Lists) => void>();
  status: ListsStatus = { refreshing: false, failures: 0, nextAt: null };

  constructor(options: ListsStoreOptions) {
    const pollMs = options.pollMs ?? LISTS_POLL_MS;
    this.o = {
      timers: realTimers,
      random: Math.random,
      retryBaseMs: Math.min(2_000, pollMs),
      retryMaxMs: Math.min(60_000, pollMs),
      now: Date.now,
      ...options,
      pollMs,
      fetch: options.fetch,
    };
  }

  /** The lists now: null until `loadCached` or a fetch has run. */
  get lists(): Lists | null {
    return this.current;
  }

  /** Called with the lists each time they are read or fetched. */
  subscribe(listener: (lists: Lists) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private publish(lists: Lists) {
    this.current = lists;
    for (const l of this.listeners) l(lists);
  }

  /** The copies kept on the device, without the network: enough to verify at once. */
  async loadCached(): Promise<Lists> {
    const lists = await cachedLists(this.o.base, this.o.crypto, this.o.cache);
    // A fetch that finished meanwhile knows better.
    if (!this.current) this.publish(lists);
    return this.current ?? lists;
  }

  /** Fetches both lists now (one fetch at a time), then plans the next one if started. */
  refresh(): Promise<Lists> {
    if (this.running) return this.running;
    this.cancel();
    this.status = { ...this.status, refreshing: true, nextAt: null };
    this.running = (async () => {
      try {
        const fetched = await loadLists(this.o.base, this.o.crypto, this.o.cache, this.o.fetch, this.o.now);
        // A failed fetch with nothing kept gives empty lists: keep what this page already has.
        const keep = this.current && fetched.trustFetchedAt === null && fetched.revokedFetchedAt === null;
        const lists = keep && this.current ? { ...this.current, offline: true } : fetched;
        this.status = { ...this.status, failures: fetched.offline ? this.status.failures + 1 : 0 };
        this.publish(lists);
        return lists;
      } finally {
        this.running = null;
        this.status = { ...this.status, refreshing: false };
        this.plan();
      }
    })();
    return this.running;
  }

  /** Starts fetching now and keeps the lists current until `stop`. */
  start(): Promise<Lists> {
    this.started = true;
    return this.refresh();
  }

  /** The network is back: fetch at once, whatever the back-off said. */
  online(): Promise<Lists> {
    this.status = { ...this.status, failures: 0 };
    return this.refresh();
  }

  stop(): void {
    this.started = false;
    this.cancel();
    this.listeners.clear();
  }

  private plan() {
    if (!this.started) return;
    const failures = this.status.failures;
    const delay =
      failures === 0 ? this.o.pollMs : backoffDelay(failures, this.o.retryBaseMs, this.o.retryMaxMs, this.o.random);
    this.status = { ...this.status, nextAt: this.o.now() + delay };
    this.timer = this.o.timers.set(() => {
      this.timer = null;
      void this.refresh();
    }, delay);
  }

  private cancel() {
    if (this.timer !== null) this.o.timers.clear(this.timer);
    this.timer = null;
    this.status = { ...this.status, nextAt: null };
  }
}
