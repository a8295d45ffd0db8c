import type { BatchResult, ScanRecord } from './api.js';

/**
 * The scan log on the device and its sync to the server. Every scan is stored first, then
 * sent in batches; a scan is marked sent only after the server has answered for it, and the
 * server deduplicates on the scan's id (a UUID made on the device), so a batch that is sent
 * again after a lost answer is counted once: exactly once, however often the network drops.
 */

export interface QueuedScan {
  checkpointId: string;
  scan: ScanRecord;
  /** 0 while waiting, 1 once the server answered for it (IndexedDB cannot index booleans). */
  sent: 0 | 1;
  queuedAt: number;
  sentAt?: number;
}

/** Where queued scans live: IndexedDB in the app, memory in tests. Oldest first. */
export interface ScanStore {
  add(entry: QueuedScan): Promise<void>;
  unsent(limit: number): Promise<QueuedScan[]>;
  markSent(ids: readonly string[], sentAt: number): Promise<void>;
  countUnsent(): Promise<number>;
}

export type SendBatch = (checkpointId: string, scans: ScanRecord[]) => Promise<BatchResult>;

/** Why a batch did not go: `retryable` failures are tried again after a back-off. */
export interface SendFailure {
  message: string;
  status: number | null;
  retryable: boolean;
}

export interface QueueStatus {
  pending: number;
  sending: boolean;
  /** Failed attempts in a row (0 after a success). */
  failures: number;
  nextRetryAt: number | null;
  lastError: string | null;
  lastSyncAt: number | null;
  /** The server said 401: scans wait until the officer signs in again. */
  needsLogin: boolean;
}

export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export interface QueueOptions {
  store: ScanStore;
  send: SendBatch;
  batchSize?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  now?: () => number;
  random?: () => number;
  timers?: Timers;
}

/**
 * Delay before retry number `failures` (1, 2, …): doubling from `baseMs` up to `maxMs`,
 * with jitter between half and all of it so that many phones do not retry in step.
 */
export function backoffDelay(failures: number, baseMs = 2_000, maxMs = 300_000, random: () => number = Math.random) {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, Math.min(failures - 1, 30)));
  return Math.round(ceiling * (0.5 + 0.5 * random()));
}

const realTimers: Timers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

function describe(e: unknown): SendFailure {
  if (e && typeof e === 'object' && 'retryable' in e) {
    const x = e as { message?: unknown; status?: unknown; retryable?: unknown };
    return {
      message: String(x.message ?? 'lỗi'),
      status: typeof x.status === 'number' ? x.status : null,
      retryable: x.retryable === true,
    };
  }
  return { message: e instanceof Error ? e.message : String(e), status: null, retryable: true };
}

export class ScanQueue {
  private readonly store: ScanStore;
  private readonly send: SendBatch;
  private readonly batchSize: number;
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly timers: Timers;
  private running: Promise<void> | null = null;
  private again = false;
  private timer: unknown = null;
  private listeners = new Set<(s: QueueStatus) => void>();
  private state: QueueStatus = {
    pending: 0,
    sending: false,
    failures: 0,
    nextRetryAt: null,
    lastError: null,
    lastSyncAt: null,
    needsLogin: false,
  };

  constructor(options: QueueOptions) {
    this.store = options.store;
    this.send = options.send;
    this.batchSize = options.batchSize ?? 200;
    this.baseDelayMs = options.baseDelayMs ?? 2_000;
    this.maxDelayMs = options.maxDelayMs ?? 300_000;
    this.now = options.now ?? Date.now;
    this.random = options.random ?? Math.random;
    this.timers = options.timers ?? realTimers;
  }

  get status(): QueueStatus {
    return this.state;
  }

  subscribe(listener: (s: QueueStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private update(patch: Partial<QueueStatus>) {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l(this.state);
  }

  /** Reads the number of waiting scans from the store (at start-up). */
  async refresh(): Promise<void> {
    this.update({ pending: await this.store.countUnsent() });
  }

  /**
   * Logs a scan on the device, then tries to send it unless a back-off is running (a new
   * scan does not hammer a failing server; `syncNow` does, e.g. when the network returns).
   */
  async log(checkpointId: string, scan: ScanRecord): Promise<void> {
    await this.store.add({ checkpointId, scan, sent: 0, queuedAt: this.now() });
    this.update({ pending: this.state.pending + 1 });
    if (this.timer === null && !this.state.needsLogin) void this.flush();
  }

  /** Sends now, cancelling any back-off (the network came back, the officer signed in). */
  syncNow(): Promise<void> {
    if (this.timer !== null) {
      this.timers.clear(this.timer);
      this.timer = null;
    }
    this.update({ needsLogin: false, nextRetryAt: null });
    return this.flush();
  }

  /** Sends every waiting scan, batch after batch; one run at a time; not during a back-off. */
  flush(): Promise<void> {
    if (this.timer !== null || this.state.needsLogin) return this.running ?? Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          await this.drain();
        } while (this.again && this.timer === null && !this.state.needsLogin);
      } finally {
        this.running = null;
        this.update({ sending: false });
      }
    })();
    return this.running;
  }

  private async drain(): Promise<void> {
    for (;;) {
      const waiting = await this.store.unsent(this.batchSize);
      if (waiting.length === 0) {
        this.update({ pending: 0, failures: 0, lastError: null, nextRetryAt: null });
        return;
      }
      // One batch is one checkpoint's scans (an officer may have moved between checkpoints).
      const checkpointId = (waiting[0] as QueuedScan).checkpointId;
      const batch = waiting.filter((q) => q.checkpointId === checkpointId).map((q) => q.scan);
      this.update({ sending: true });
      try {
        const answer = await this.send(checkpointId, batch);
        if (
          !answer ||
          typeof answer.stored !== 'number' ||
          typeof answer.duplicates !== 'number' ||
          answer.stored + answer.duplicates !== batch.length
        ) {
          // The server did not account for every scan: send them again (ids make it safe).
          throw { message: 'Máy chủ không xác nhận đủ số lượt quét', status: null, retryable: true };
        }
        await this.store.markSent(
          batch.map((s) => s.id),
          this.now(),
        );
        this.update({
          pending: await this.store.countUnsent(),
          failures: 0,
          lastError: null,
          lastSyncAt: this.now(),
          nextRetryAt: null,
        });
      } catch (e) {
        const failure = describe(e);
        const failures = this.state.failures + 1;
        const needsLogin = failure.status === 401;
        const delay = backoffDelay(failures, this.baseDelayMs, this.maxDelayMs, this.random);
        this.update({
          failures,
          lastError: failure.message,
          needsLogin,
          nextRetryAt: needsLogin ? null : this.now() + delay,
        });
        // Not retryable (a 4xx the app cannot fix) still waits and retries at the longest
        // delay: scans are never dropped on the device.
        if (!needsLogin) this.schedule(failure.retryable ? delay : this.maxDelayMs);
        return;
      }
    }
  }

  private schedule(ms: number) {
    if (this.timer !== null) this.timers.clear(this.timer);
    this.update({ nextRetryAt: this.now() + ms });
    this.timer = this.timers.set(() => {
      this.timer = null;
      void this.flush();
    }, ms);
  }

  /** Stops the retry timer (the app is closing, tests). */
  dispose() {
    if (this.timer !== null) this.timers.clear(this.timer);
    this.timer = null;
    this.listeners.clear();
  }
}

/** A ScanStore in memory, for tests and for browsers without IndexedDB. */
export function memoryScanStore(): ScanStore & { all(): QueuedScan[] } {
  const rows: QueuedScan[] = [];
  return {
    all: () => rows,
    async add(entry) {
      if (rows.some((r) => r.scan.id === entry.scan.id)) return;
      rows.push(structuredClone(entry));
    },
    async unsent(limit) {
      return rows
        .filter((r) => r.sent === 0)
        .slice(0, limit)
        .map((r) => structuredClone(r));
    },
    async markSent(ids, sentAt) {
      const set = new Set(ids);
      for (const r of rows) {
        if (set.has(r.scan.id)) {
          r.sent = 1;
          r.sentAt = sentAt;
        }
      }
    },
    async countUnsent() {
      return rows.filter((r) => r.sent === 0).length;
    },
  };
}

/** A random UUID v4: the scan's idempotency key. */
export function newScanId(): string {
  if (typeof globalThis.crypto?.randomUUID === 'function') return globalThis.crypto.randomUUID();
  const b = globalThis.crypto.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] as number) & 0x0f) | 0x40;
  b[8] = ((b[8] as number) & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
