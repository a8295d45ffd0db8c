import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ListsStore } from '../shared/lists-store.js';
import { httpApi } from './api.js';
import { App } from './app.js';
import { boot } from './boot.js';
import { Controller, type ScanTiming, type Session, type Settings } from './controller.js';
import { idbListCache, idbScanStore } from './idb.js';
import { ScanQueue } from './scan-queue.js';
import { CameraScanner, type FrameLog } from './scanner.js';
import '../shared/verdict.css';
import './checkpoint.css';

/**
 * The checkpoint officer's app (/checkpoint): camera scanning, verdict, scan log, offline.
 * Everything slow starts here at once: decoder warm-up, crypto, reading the device's storage.
 */

const b = boot();
/** How long a first run waits for the lists before the camera starts anyway. */
const FIRST_FETCH_WAIT_MS = 4_000;
const api = httpApi(b.base);

interface BenchHooks {
  timings: ScanTiming[];
  frames: FrameLog[];
  paints: Array<{ id: string; renderTime: number; loadTime: number }>;
  controller?: Controller;
}

const bench: BenchHooks | undefined = b.params.has('bench') ? { timings: [], frames: [], paints: [] } : undefined;
if (bench) {
  (globalThis as unknown as { __checkpoint: BenchHooks }).__checkpoint = bench;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        const el = e as PerformanceEntry & { identifier?: string; renderTime?: number; loadTime?: number };
        bench.paints.push({ id: el.identifier ?? '', renderTime: el.renderTime ?? 0, loadTime: el.loadTime ?? 0 });
      }
    }).observe({ type: 'element', buffered: true });
  } catch {
    // no Element Timing: the benchmark falls back to requestAnimationFrame
  }
}

async function start(session: Session, settings: Settings) {
  const queue = new ScanQueue({
    store: idbScanStore(),
    send: async (checkpointId, scans) => {
      const me = controller.session.me;
      return api.postScans(checkpointId, scans, me.csrfToken);
    },
  });
  const crypto = await b.crypto;
  // `?listsPollMs=` shortens the lists' poll for the browser tests (default one minute).
  const pollMs = Number(b.params.get('listsPollMs'));
  const lists = new ListsStore({
    base: b.base,
    crypto,
    cache: idbListCache,
    ...(pollMs >= 100 ? { pollMs } : {}),
  });
  const controller: Controller = new Controller({
    api,
    queue,
    crypto,
    lists,
    session,
    settings,
    ...(bench ? { timings: bench.timings } : {}),
  });
  if (bench) {
    bench.controller = controller;
    // The officer's loop: "Quét tiếp" a moment after each verdict (camera back to full size).
    const autonext = Number(b.params.get('autonext'));
    if (autonext > 0) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      controller.subscribe(() => {
        if (controller.state.screen !== 'verdict' || timer) return;
        timer = setTimeout(() => {
          timer = undefined;
          controller.next();
        }, autonext);
      });
    }
  }
  const scanner = new CameraScanner({
    decoder: b.decoder,
    onHit: controller.onHit,
    ...(bench ? { onFrame: (f: FrameLog) => bench.frames.push(f) } : {}),
    onError: (e) => console.error('decoder', e),
  });
  await Promise.all([controller.loadCached(), queue.refresh()]);
  // The lists are polled from now on (every minute; every few seconds while they fail).
  const first = lists.start();
  // First run on this device: wait for the first fetch (a few seconds at most: a network that
  // never answers must not keep the camera off); without lists a code gives "cannot verify"
  // until they arrive.
  if (controller.state.lists.trustFetchedAt === null) {
    await Promise.race([first, new Promise((r) => setTimeout(r, FIRST_FETCH_WAIT_MS))]);
  }
  void controller.refresh(false);
  void queue.flush();
  const online = () => {
    controller.setOnline(true);
    void queue.syncNow();
    void lists.online();
    void controller.refresh(false);
  };
  const offline = () => controller.setOnline(false);
  addEventListener('online', online);
  addEventListener('offline', offline);
  const ticker = setInterval(() => {
    controller.tick();
    if (navigator.onLine && queue.status.pending > 0 && queue.status.nextRetryAt === null) void queue.flush();
  }, 60_000);
  // The area list and the session's CSRF token (the lists poll on their own).
  const refresher = setInterval(() => navigator.onLine && void controller.refresh(false), 15 * 60_000);
  const dispose = () => {
    lists.stop();
    removeEventListener('online', online);
    removeEventListener('offline', offline);
    clearInterval(ticker);
    clearInterval(refresher);
    scanner.stop();
    queue.dispose();
  };
  return { controller, scanner, dispose };
}

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <App boot={b} api={api} start={start} />
  </StrictMode>,
);

if ('serviceWorker' in navigator && !b.params.has('nosw')) {
  addEventListener('load', () => {
    navigator.serviceWorker.register('/checkpoint-sw.js', { scope: '/checkpoint' }).catch((e) => {
      console.warn('service worker', e);
    });
  });
}
