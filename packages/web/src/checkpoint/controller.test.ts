import { describe, expect, it } from 'vitest';
import { ListsStore } from '../shared/lists-store.js';
import {
  crypto,
  fakeListServer,
  manualTimers,
  memoryListCache,
  NOW,
  ORIGIN,
  permitText,
  revokedJson,
  trustJson,
} from '../shared/test-support.js';
import type { CheckpointApi, ScanRecord } from './api.js';
import { Controller, DEFAULT_SETTINGS } from './controller.js';
import type { Tone } from './feedback.js';
import { memoryScanStore, ScanQueue } from './scan-queue.js';

const settle = async () => {
  for (let i = 0; i < 20; i++) await new Promise<void>((r) => setImmediate(r));
};

const ME = {
  user: { id: 'u1', username: 'canbo.chot1', fullName: 'Đỗ Minh Hải', role: 'checkpoint_officer', wardCode: '00124' },
  csrfToken: 'csrf',
};
const CHECKPOINT = { id: 'cp-1', name: 'Chốt cầu Chui', wardCode: '00124', place: 'Ngã ba cầu Chui' };

const api: CheckpointApi = {
  login: async () => ME,
  me: async () => ME,
  checkpoints: async () => [CHECKPOINT],
  areaList: async () => ({ list: null, etag: null, notModified: false }),
  postScans: async (_cp, scans) => ({ stored: scans.length, duplicates: 0 }),
};

const AREA = {
  version: '1',
  units: [
    {
      taxCode: '0100233488',
      name: 'Công ty TNHH Thực phẩm Đức Giang',
      status: 'approved' as const,
      staff: [{ idNumber: '001190012345', fullName: 'Nguyễn Thị Quỳnh Anh', serials: ['0001/GĐĐ'] }],
    },
  ],
};

/** A controller on fakes: lists from `server`, scans kept in memory (never sent), a fixed clock. */
function setUp(server = fakeListServer(), cache = memoryListCache(), withArea = false) {
  const t = manualTimers();
  const lists = new ListsStore({
    base: ORIGIN,
    crypto,
    cache,
    fetch: server.fetch,
    timers: t.timers,
    random: () => 1,
    now: () => NOW,
  });
  const store = memoryScanStore();
  const queue = new ScanQueue({
    store,
    timers: manualTimers().timers,
    send: async () => {
      throw { message: 'offline', status: null, retryable: true };
    },
  });
  const tones: Tone[] = [];
  const controller = new Controller({
    api: withArea ? { ...api, areaList: async () => ({ list: AREA, etag: '"a1"', notModified: false }) } : api,
    queue,
    crypto,
    lists,
    session: { me: ME, checkpoint: CHECKPOINT },
    settings: DEFAULT_SETTINGS,
    now: () => NOW,
    afterPaint: (fn) => fn(),
    signal: (tone) => tones.push(tone),
    isOnline: () => true,
  });
  let at = 0;
  const scan = async (text: string) => {
    at += 10_000; // later than the repeat filter's window
    await controller.onHit({ text, captureTime: 0, callbackAt: 0, decodedAt: at });
    await settle();
  };
  const logged = () => store.all().map((q) => q.scan as ScanRecord);
  return { controller, lists, server, t, tones, scan, logged };
}

describe('Controller: verdicts with missing or old lists', () => {
  it('never calls a valid permit forged when the lists failed to load: a neutral "cannot verify", logged apart', async () => {
    const { controller, lists, server, tones, scan, logged } = setUp();
    server.fail = 503;
    await controller.loadCached();
    await lists.start();
    const permit = await permitText(1);
    await scan(permit.text);
    const v = controller.state.verdict;
    expect(v?.cannotVerify).toEqual({ reason: 'no_trust_list' });
    expect(v?.result.verdict).toBe('unknown_key'); // what the verifier could say without a list …
    expect(tones).toEqual(['neutral']); // … is neither heard …
    expect(logged()).toEqual([
      expect.objectContaining({ verdict: 'cannot_verify', warnings: ['lists_missing'], serial: '0001/GĐĐ' }),
    ]); // … nor logged as an invalid scan.
    lists.stop();
  });

  it('verifies the permit on screen again as soon as the lists arrive: HỢP LỆ without scanning again', async () => {
    const { controller, lists, server, t, tones, scan, logged } = setUp();
    server.fail = 'network';
    await lists.start();
    const permit = await permitText(2);
    await scan(permit.text);
    expect(controller.state.verdict?.cannotVerify?.reason).toBe('no_trust_list');
    server.fail = null;
    t.fire(); // the retry two seconds later
    await settle();
    const v = controller.state.verdict;
    expect(v?.cannotVerify).toBeNull();
    expect(v?.result.verdict).toBe('valid');
    expect(v?.result.claims?.permit?.serial).toBe('0002/GĐĐ');
    expect(tones).toEqual(['neutral', 'good']);
    expect(logged().map((r) => r.verdict)).toEqual(['cannot_verify', 'valid']);
    // A verdict that could be verified is not re-run on the next poll.
    t.fire();
    await settle();
    expect(logged()).toHaveLength(2);
    lists.stop();
  });

  it('picks up a revocation published while the app runs, at the next poll', async () => {
    const { controller, lists, server, t, scan } = setUp();
    await lists.start();
    const permit = await permitText(3);
    await scan(permit.text);
    expect(controller.state.verdict?.result.verdict).toBe('valid');
    server.revoked = revokedJson([permit.cti], 2);
    expect(t.delays()).toEqual([60_000]);
    t.fire();
    await settle();
    controller.next();
    await scan(permit.text);
    expect(controller.state.verdict?.result.verdict).toBe('revoked');
    expect(controller.state.verdict?.cannotVerify).toBeNull();
    lists.stop();
  });

  it('says the list may be out of date, not forged, when an old trust list does not know the key', async () => {
    const cache = memoryListCache();
    const server = fakeListServer();
    server.trust = { ...trustJson(), keys: [] }; // a list from before the ward's key
    const first = setUp(server, cache);
    await first.lists.refresh();
    // 30 hours later, the network gone: the kept list is past the 24-hour limit.
    const kept = JSON.parse(cache.data.get(`thonghanh:trust:${ORIGIN}`) as string);
    cache.data.set(`thonghanh:trust:${ORIGIN}`, JSON.stringify({ ...kept, fetchedAt: NOW - 30 * 3600_000 }));
    server.fail = 'network';
    const { controller, tones, scan, logged } = setUp(server, cache);
    await controller.loadCached();
    await scan((await permitText(4)).text);
    expect(controller.state.verdict?.cannotVerify).toEqual({ reason: 'trust_list_stale', age: '30 giờ' });
    expect(tones).toEqual(['neutral']);
    expect(logged()[0]).toMatchObject({ verdict: 'cannot_verify', warnings: ['lists_stale'] });
  });

  it('keeps KHÔNG RÕ NƠI CẤP for a key a fresh trust list does not know', async () => {
    const server = fakeListServer();
    server.trust = { ...trustJson(), keys: [] };
    const { controller, lists, tones, scan, logged } = setUp(server);
    await lists.refresh();
    await scan((await permitText(5)).text);
    expect(controller.state.verdict?.cannotVerify).toBeNull();
    expect(controller.state.verdict?.result.verdict).toBe('unknown_key');
    expect(tones).toEqual(['bad']);
    expect(logged()[0]?.verdict).toBe('unknown_key');
  });

  it('does not call a genuine permit valid when the revocation list never loaded', async () => {
    const server = fakeListServer();
    server.revoked = null; // 404
    const { controller, lists, tones, scan, logged } = setUp(server);
    await lists.refresh();
    await scan((await permitText(6)).text);
    const v = controller.state.verdict;
    expect(v?.cannotVerify).toEqual({ reason: 'no_revocation_list' });
    expect(v?.result.issuerName).toBe('UBND phường Đức Giang'); // the signature itself checked out
    expect(tones).toEqual(['neutral']);
    expect(logged()[0]).toMatchObject({ verdict: 'cannot_verify', warnings: ['lists_missing'] });
  });

  it('a manual look-up without an area list on the device is "cannot verify", not "not found"', async () => {
    const bare = setUp();
    bare.controller.manualLookup('0001/GĐĐ');
    await settle();
    expect(bare.controller.state.manual.matches).toEqual([]);
    expect(bare.logged()).toEqual([
      expect.objectContaining({ kind: 'manual', verdict: 'cannot_verify', warnings: ['lists_missing'] }),
    ]);
    const { controller, logged } = setUp(fakeListServer(), memoryListCache(), true);
    await controller.refresh(false); // the area list
    controller.manualLookup('0001/GĐĐ');
    controller.manualLookup('9999/XYZ');
    await settle();
    expect(logged().map((r) => r.verdict)).toEqual(['manual_found', 'manual_not_found']);
  });
});
