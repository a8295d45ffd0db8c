import { describe, expect, it } from 'vitest';
import type { BatchResult, ScanRecord } from './api.js';
import { backoffDelay, memoryScanStore, newScanId, ScanQueue, type Timers } from './scan-queue.js';

function scan(n: number): ScanRecord {
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    scannedAt: new Date(1_700_000_000_000 + n * 1000).toISOString(),
    verdict: 'valid',
    warnings: [],
    kind: 'permit',
    serial: `${n}/GĐĐ`,
  };
}

/** Timers run by hand: tests decide when a back-off has elapsed. */
function manualTimers() {
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
    fire() {
      const all = [...pending.values()];
      pending.clear();
      for (const t of all) t.fn();
    },
  };
}

/** A server that deduplicates on id, like the real batch endpoint must. */
function fakeServer() {
  const stored = new Map<string, ScanRecord>();
  const calls: ScanRecord[][] = [];
  let failNext = 0;
  let loseAnswerNext = 0;
  const send = async (_cp: string, scans: ScanRecord[]): Promise<BatchResult> => {
    calls.push(scans);
    if (failNext > 0) {
      failNext--;
      throw { message: 'offline', status: null, retryable: true };
    }
    let s = 0;
    let d = 0;
    for (const x of scans) {
      if (stored.has(x.id)) d++;
      else {
        stored.set(x.id, x);
        s++;
      }
    }
    if (loseAnswerNext > 0) {
      loseAnswerNext--;
      throw { message: 'connection reset', status: null, retryable: true }; // stored, answer lost
    }
    return { stored: s, duplicates: d };
  };
  return {
    send,
    stored,
    calls,
    failTimes: (n: number) => {
      failNext = n;
    },
    loseAnswers: (n: number) => {
      loseAnswerNext = n;
    },
  };
}

describe('ScanQueue', () => {
  it('logs a scan and sends it once', async () => {
    const store = memoryScanStore();
    const server = fakeServer();
    const t = manualTimers();
    const q = new ScanQueue({ store, send: server.send, timers: t.timers });
    await q.log('cp1', scan(1));
    await q.flush();
    expect(server.stored.size).toBe(1);
    expect(server.calls).toHaveLength(1);
    expect(await store.countUnsent()).toBe(0);
    expect(q.status.pending).toBe(0);
    await q.flush();
    expect(server.calls).toHaveLength(1); // nothing left to send
  });

  it('keeps scans while offline and sends each exactly once when the network returns', async () => {
    const store = memoryScanStore();
    const server = fakeServer();
    const t = manualTimers();
    const q = new ScanQueue({ store, send: server.send, timers: t.timers, random: () => 1 });
    server.failTimes(1);
    await q.log('cp1', scan(1));
    await q.flush();
    expect(q.status.failures).toBe(1);
    expect(q.status.pending).toBe(1);
    expect(t.pending.size).toBe(1);
    // New scans during the back-off are stored but do not trigger a send.
    await q.log('cp1', scan(2));
    await q.log('cp1', scan(3));
    expect(server.calls).toHaveLength(1);
    await q.syncNow(); // the `online` event
    expect(t.pending.size).toBe(0);
    expect([...server.stored.keys()].sort()).toEqual([scan(1).id, scan(2).id, scan(3).id]);
    expect(q.status).toMatchObject({ pending: 0, failures: 0, lastError: null });
  });

  it('marks scans sent only after the answer: a lost answer means a resend, counted once', async () => {
    const store = memoryScanStore();
    const server = fakeServer();
    const t = manualTimers();
    const q = new ScanQueue({ store, send: server.send, timers: t.timers });
    server.loseAnswers(1);
    await store.add({ checkpointId: 'cp1', scan: scan(1), sent: 0, queuedAt: 1 });
    await store.add({ checkpointId: 'cp1', scan: scan(2), sent: 0, queuedAt: 2 });
    await q.flush();
    expect(server.stored.size).toBe(2); // the server has them …
    expect(await store.countUnsent()).toBe(2); // … but the device does not know it
    t.fire();
    await q.flush();
    expect(server.calls.length).toBeGreaterThanOrEqual(2);
    expect(server.stored.size).toBe(2);
    expect(await store.countUnsent()).toBe(0);
  });

  it('retries with growing back-off and stops on 401 until signed in again', async () => {
    const store = memoryScanStore();
    const t = manualTimers();
    let status: number | null = null;
    const delays: number[] = [];
    const q = new ScanQueue({
      store,
      timers: {
        set: (fn, ms) => {
          delays.push(ms);
          return t.timers.set(fn, ms);
        },
        clear: t.timers.clear,
      },
      random: () => 1,
      baseDelayMs: 1000,
      maxDelayMs: 8000,
      send: async () => {
        throw { message: 'down', status, retryable: true };
      },
    });
    await q.log('cp1', scan(1));
    await q.flush();
    for (let i = 0; i < 5; i++) {
      t.fire();
      await q.flush();
    }
    expect(delays).toEqual([1000, 2000, 4000, 8000, 8000, 8000]);
    status = 401;
    t.fire();
    await q.flush();
    expect(q.status.needsLogin).toBe(true);
    expect(t.pending.size).toBe(0);
    await q.log('cp1', scan(2)); // still stored
    expect(q.status.pending).toBe(2);
  });

  it('sends a batch per checkpoint, oldest first, in batches of the given size', async () => {
    const store = memoryScanStore();
    const server = fakeServer();
    const seen: Array<[string, number]> = [];
    const q = new ScanQueue({
      store,
      batchSize: 3,
      timers: manualTimers().timers,
      send: (cp, scans) => {
        seen.push([cp, scans.length]);
        return server.send(cp, scans);
      },
    });
    server.failTimes(1);
    for (let i = 1; i <= 4; i++) await q.log('cp1', scan(i));
    await q.log('cp2', scan(5));
    await q.syncNow();
    expect(seen.slice(1)).toEqual([
      ['cp1', 3],
      ['cp1', 1],
      ['cp2', 1],
    ]);
    expect(server.stored.size).toBe(5);
  });

  it('does not trust an answer that does not account for every scan', async () => {
    const store = memoryScanStore();
    const t = manualTimers();
    let answers = 0;
    const q = new ScanQueue({
      store,
      timers: t.timers,
      send: async (_cp, scans) =>
        answers++ === 0 ? { stored: scans.length - 1, duplicates: 0 } : { stored: 0, duplicates: scans.length },
    });
    await store.add({ checkpointId: 'cp1', scan: scan(1), sent: 0, queuedAt: 1 });
    await store.add({ checkpointId: 'cp1', scan: scan(2), sent: 0, queuedAt: 2 });
    await q.flush();
    expect(await store.countUnsent()).toBe(2);
    t.fire();
    await q.flush();
    expect(await store.countUnsent()).toBe(0);
  });
});

describe('backoffDelay', () => {
  it('doubles up to the cap with jitter between half and all of it', () => {
    expect(backoffDelay(1, 1000, 60_000, () => 1)).toBe(1000);
    expect(backoffDelay(4, 1000, 60_000, () => 1)).toBe(8000);
    expect(backoffDelay(40, 1000, 60_000, () => 1)).toBe(60_000);
    expect(backoffDelay(4, 1000, 60_000, () => 0)).toBe(4000);
  });
});

describe('newScanId', () => {
  it('makes distinct UUID v4', () => {
    const ids = new Set(Array.from({ length: 100 }, newScanId));
    expect(ids.size).toBe(100);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
