import { describe, expect, it } from 'vitest';
import type { BatchResult, ScanRecord } from './api.js';
import { backoffDelay, memoryScanStore, newScanId, readAnswer, ScanQueue, type Timers } from './scan-queue.js';

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

/**
 * A server that deduplicates on id and answers per scan, like the real batch endpoint: a
 * scan dated after 2100 is refused (the real one refuses more; one reason is enough here).
 */
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
    const results: NonNullable<BatchResult['results']> = [];
    for (const x of scans) {
      if (x.scannedAt > '2100') {
        results.push({ id: x.id, status: 'refused', code: 'scan_in_future', message: 'Thời điểm quét ở tương lai' });
      } else if (stored.has(x.id)) {
        d++;
        results.push({ id: x.id, status: 'duplicate' });
      } else {
        stored.set(x.id, x);
        s++;
        results.push({ id: x.id, status: 'stored' });
      }
    }
    if (loseAnswerNext > 0) {
      loseAnswerNext--;
      throw { message: 'connection reset', status: null, retryable: true }; // stored, answer lost
    }
    return { stored: s, duplicates: d, refused: scans.length - s - d, results };
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

  it('drops refused scans from the queue, keeps their reason, and never sends them again', async () => {
    const store = memoryScanStore();
    const server = fakeServer();
    const t = manualTimers();
    const q = new ScanQueue({ store, send: server.send, timers: t.timers });
    const bad = { ...scan(2), scannedAt: '9999-12-31T00:00:00.000Z' };
    await store.add({ checkpointId: 'cp1', scan: scan(1), sent: 0, queuedAt: 1 });
    await store.add({ checkpointId: 'cp1', scan: bad, sent: 0, queuedAt: 2 });
    await store.add({ checkpointId: 'cp1', scan: scan(3), sent: 0, queuedAt: 3 });
    await q.flush();
    expect([...server.stored.keys()].sort()).toEqual([scan(1).id, scan(3).id]);
    expect(await store.countUnsent()).toBe(0);
    expect(store.all().find((r) => r.scan.id === bad.id)).toMatchObject({
      sent: 1,
      refused: { code: 'scan_in_future', message: 'Thời điểm quét ở tương lai' },
    });
    expect(q.status).toMatchObject({ pending: 0, failures: 0, refused: 1, lastRefusal: 'Thời điểm quét ở tương lai' });
    expect(t.pending.size).toBe(0); // nothing to retry
    await q.log('cp1', scan(4));
    await q.flush();
    expect(server.calls.map((c) => c.map((x) => x.id))).toEqual([[scan(1).id, bad.id, scan(3).id], [scan(4).id]]);
  });

  it('settles the scans answered and retries only the unanswered ones', async () => {
    const store = memoryScanStore();
    const t = manualTimers();
    const calls: string[][] = [];
    const q = new ScanQueue({
      store,
      timers: t.timers,
      random: () => 1,
      // The first answer covers two of three scans, in another order (matched by id).
      send: async (_cp, scans) => {
        calls.push(scans.map((x) => x.id));
        const results = scans.map((x) => ({ id: x.id, status: 'stored' as const }));
        return calls.length === 1
          ? { stored: 2, duplicates: 0, results: [results[2], results[0]] as typeof results }
          : { stored: scans.length, duplicates: 0, results };
      },
    });
    for (const n of [1, 2, 3]) await store.add({ checkpointId: 'cp1', scan: scan(n), sent: 0, queuedAt: n });
    await q.flush();
    expect(await store.countUnsent()).toBe(1);
    expect(q.status).toMatchObject({ pending: 1, failures: 1, lastError: 'Máy chủ không xác nhận đủ số lượt quét' });
    expect([...t.pending.values()].map((x) => x.ms)).toEqual([2000]);
    t.fire();
    await q.flush();
    expect(calls).toEqual([[scan(1).id, scan(2).id, scan(3).id], [scan(2).id]]);
    expect(await store.countUnsent()).toBe(0);
  });

  it('halves a batch the server refuses as a whole until the scan at fault is alone, and marks it refused', async () => {
    const store = memoryScanStore();
    const server = fakeServer();
    const sizes: number[] = [];
    const poison = scan(5).id;
    const q = new ScanQueue({
      store,
      timers: manualTimers().timers,
      // An endpoint that answers 400 for a whole request holding one record it cannot read.
      send: async (cp, scans) => {
        sizes.push(scans.length);
        if (scans.some((x) => x.id === poison))
          throw { message: 'Dữ liệu gửi lên không hợp lệ.', status: 400, retryable: false };
        return server.send(cp, scans);
      },
    });
    for (let n = 1; n <= 8; n++) await store.add({ checkpointId: 'cp1', scan: scan(n), sent: 0, queuedAt: n });
    await q.flush();
    // 8 refused → 1–4 stored (size back up) → 5–8 refused → 5–6 refused → 5 alone, refused → 6 → 7–8.
    expect(sizes).toEqual([8, 4, 4, 2, 1, 1, 2]);
    expect(server.stored.size).toBe(7);
    expect(await store.countUnsent()).toBe(0);
    expect(store.all().find((r) => r.scan.id === poison)?.refused).toEqual({
      code: 'refused_by_server',
      message: 'Máy chủ từ chối (400): Dữ liệu gửi lên không hợp lệ.',
    });
    expect(q.status).toMatchObject({ refused: 1, failures: 0, nextRetryAt: null });
  });

  it('marks a batch refused at once when the server does not know its checkpoint (404), and goes on', async () => {
    const store = memoryScanStore();
    const server = fakeServer();
    const q = new ScanQueue({
      store,
      timers: manualTimers().timers,
      send: async (cp, scans) => {
        if (cp === 'gone') throw { message: 'Không tìm thấy chốt kiểm soát.', status: 404, retryable: false };
        return server.send(cp, scans);
      },
    });
    for (const n of [1, 2]) await store.add({ checkpointId: 'gone', scan: scan(n), sent: 0, queuedAt: n });
    await store.add({ checkpointId: 'cp1', scan: scan(3), sent: 0, queuedAt: 3 });
    await q.flush();
    expect([...server.stored.keys()]).toEqual([scan(3).id]);
    expect(
      store
        .all()
        .filter((r) => r.refused)
        .map((r) => r.scan.id),
    ).toEqual([scan(1).id, scan(2).id]);
    expect(q.status.pending).toBe(0);
  });

  it('waits for a new sign-in on 403 (not allowed, or a stale CSRF token) without dropping anything', async () => {
    const store = memoryScanStore();
    const t = manualTimers();
    const q = new ScanQueue({
      store,
      timers: t.timers,
      send: async () => {
        throw { message: 'Bạn không có quyền thực hiện thao tác này.', status: 403, retryable: false };
      },
    });
    await q.log('cp1', scan(1));
    await q.flush();
    expect(q.status).toMatchObject({ needsLogin: true, pending: 1, refused: 0 });
    expect(t.pending.size).toBe(0);
    expect(store.all()[0]).toMatchObject({ sent: 0 });
  });
});

describe('readAnswer', () => {
  const batch = [scan(1), scan(2), scan(3)];
  it('reads a per-scan answer by position, or by id when the order differs', () => {
    expect(
      readAnswer(batch, {
        stored: 1,
        duplicates: 1,
        results: [
          { id: scan(2).id, status: 'duplicate' },
          { id: scan(1).id, status: 'stored' },
          { id: null, status: 'refused', code: 'scan_invalid', message: 'Lượt quét không đúng định dạng' },
        ],
      }),
    ).toEqual({
      done: [scan(1).id, scan(2).id],
      refused: [{ id: scan(3).id, code: 'scan_invalid', message: 'Lượt quét không đúng định dạng' }],
      unanswered: 0,
    });
  });

  it('accepts counts alone only when they account for every scan (a server without per-scan answers)', () => {
    expect(readAnswer(batch, { stored: 2, duplicates: 1 }).done).toHaveLength(3);
    expect(readAnswer(batch, { stored: 2, duplicates: 0 })).toEqual({ done: [], refused: [], unanswered: 3 });
    expect(readAnswer(batch, null)).toEqual({ done: [], refused: [], unanswered: 3 });
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
