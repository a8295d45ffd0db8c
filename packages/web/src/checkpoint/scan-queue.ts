import { backoffDelay, realTimers, type Timers } from '../shared/backoff.js';
import type { BatchResult, ScanRecord } from './api.js';

export { backoffDelay, type Timers };

/**
 * The scan log on the device and its sync to the server. Every scan is stored first, then
 * sent in batches; a scan is marked sent only after the server has answered for it, and the
 * server deduplicates on the scan's id (a UUID made on the device), so a batch that is sent
 * again after a lost answer is counted once: exactly once, however often the network drops.
 * The server answers per scan: stored and duplicate scans are done, refused ones are done
 * too (kept on the device with the reason, never sent again), unanswered ones are retried.
 */

/** Why the server would not take a scan. */
export interface Refusal {
  /** The server's stable code (`scan_in_future`, …), or `refused_by_server` for a whole-request refusal. */
  code: string;
  message: string;
}

export interface QueuedScan {
  checkpointId: string;
  scan: ScanRecord;
  /** 0 while waiting, 1 once the server answered for it (IndexedDB cannot index booleans). */
  sent: 0 | 1;
  queuedAt: number;
  sentAt?: number;
  /** Set when the server refused the scan: it is not sent again, and the log shows why. */
  refused?: Refusal;
}

/** Where queued scans live: IndexedDB in the app, memory in tests. Oldest first. */
export interface ScanStore {
  add(entry: QueuedScan): Promise<void>;
  unsent(limit: number): Promise<QueuedScan[]>;
  markSent(ids: readonly string[], sentAt: number): Promise<void>;
  /** Marks scans answered as refused: done (not sent again), with the reason kept. */
  markRefused(refusals: ReadonlyArray<{ id: string } & Refusal>, at: number): Promise<void>;
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
  /** The server said 401 or 403: scans wait until the officer signs in again. */
  needsLogin: boolean;
  /** Scans the server refused since the app opened (kept in the log with the reason). */
  refused: number;
  lastRefusal: string | null;
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
    refused: 0,
    lastRefusal: null,
  };
  /** The batch size now: halved while the server refuses whole batches, back up after a success. */
  private size: number;

  constructor(options: QueueOptions) {
    this.store = options.store;
    this.send = options.send;
    this.batchSize = options.batchSize ?? 200;
    this.size = this.batchSize;
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
      const batch = waiting
        .filter((q) => q.checkpointId === checkpointId)
        .slice(0, this.size)
        .map((q) => q.scan);
      this.update({ sending: true });
      let answer: BatchResult;
      try {
        answer = await this.send(checkpointId, batch);
      } catch (e) {
        const failure = describe(e);
        if (await this.refusedWhole(batch, failure)) continue;
        this.fail(failure);
        return;
      }
      const { done, refused, unanswered } = readAnswer(batch, answer);
      const now = this.now();
      if (done.length > 0) await this.store.markSent(done, now);
      if (refused.length > 0) await this.store.markRefused(refused, now);
      this.noteRefused(refused);
      this.size = Math.min(this.batchSize, this.size * 2);
      const pending = await this.store.countUnsent();
      if (unanswered > 0) {
        // The server did not account for every scan: send those again (ids make it safe).
        this.update({ pending });
        this.fail({ message: 'Máy chủ không xác nhận đủ số lượt quét', status: null, retryable: true });
        return;
      }
      this.update({ pending, failures: 0, lastError: null, lastSyncAt: now, nextRetryAt: null });
    }
  }

  /**
   * A request refused as a whole (a 4xx other than 401/403 and the retryable ones): the
   * batch is the problem, not the network, so waiting will not help. A batch of several is
   * halved and sent again, until the scan at fault is alone; that one scan (or every scan of
   * a batch whose checkpoint the server does not know, 404) is marked refused with the
   * server's message. The queue never stops behind it.
   */
  private async refusedWhole(batch: ScanRecord[], failure: SendFailure): Promise<boolean> {
    const s = failure.status;
    if (s === null || s < 400 || s >= 500 || s === 401 || s === 403 || failure.retryable) return false;
    if (batch.length > 1 && s !== 404) {
      this.size = Math.max(1, Math.ceil(batch.length / 2));
      return true;
    }
    const refusals = batch.map((scan) => ({
      id: scan.id,
      code: 'refused_by_server',
      message: `Máy chủ từ chối (${s}): ${failure.message}`,
    }));
    await this.store.markRefused(refusals, this.now());
    this.noteRefused(refusals);
    this.update({ pending: await this.store.countUnsent() });
    return true;
  }

  private noteRefused(refused: ReadonlyArray<Refusal>) {
    const last = refused[refused.length - 1];
    if (last) this.update({ refused: this.state.refused + refused.length, lastRefusal: last.message });
  }

  private fail(failure: SendFailure) {
    const failures = this.state.failures + 1;
    const needsLogin = failure.status === 401 || failure.status === 403;
    const delay = backoffDelay(failures, this.baseDelayMs, this.maxDelayMs, this.random);
    this.update({
      failures,
      lastError: failure.message,
      needsLogin,
      nextRetryAt: needsLogin ? null : this.now() + delay,
    });
    // 401/403: the session is over or no longer allowed; scans wait for a new sign-in.
    if (!needsLogin) this.schedule(delay);
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

/**
 * Which scans of `batch` the answer settles: stored and duplicate ones are done, refused ones
 * are done with their reason, the rest are unanswered. An answer with `results` is read per
 * scan (in order, checked against the ids); one with only counts (an older server) settles
 * the whole batch when it accounts for every scan, and nothing otherwise.
 */
export function readAnswer(
  batch: readonly ScanRecord[],
  answer: BatchResult | null | undefined,
): { done: string[]; refused: Array<{ id: string } & Refusal>; unanswered: number } {
  const done: string[] = [];
  const refused: Array<{ id: string } & Refusal> = [];
  if (answer && Array.isArray(answer.results)) {
    const results = answer.results;
    const byId = new Map(results.filter((r) => r && typeof r.id === 'string').map((r) => [r.id as string, r]));
    batch.forEach((scan, i) => {
      const at = results[i];
      const r = at && (at.id === scan.id || at.id === null) ? at : byId.get(scan.id);
      if (r?.status === 'stored' || r?.status === 'duplicate') done.push(scan.id);
      else if (r?.status === 'refused')
        refused.push({
          id: scan.id,
          code: typeof r.code === 'string' ? r.code : 'refused_by_server',
          message: typeof r.message === 'string' && r.message ? r.message : 'Máy chủ từ chối lượt quét này',
        });
    });
    return { done, refused, unanswered: batch.length - done.length - refused.length };
  }
  const counted =
    answer &&
    typeof answer.stored === 'number' &&
    typeof answer.duplicates === 'number' &&
    answer.stored + answer.duplicates === batch.length;
  return counted
    ? { done: batch.map((s) => s.id), refused, unanswered: 0 }
    : { done, refused, unanswered: batch.length };
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
    async markRefused(refusals, at) {
      const byId = new Map(refusals.map((x) => [x.id, x]));
      for (const r of rows) {
        const x = byId.get(r.scan.id);
        if (x) {
          r.sent = 1;
          r.sentAt = at;
          r.refused = { code: x.code, message: x.message };
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
