/**
 * Checkpoint scan latency in Debian's Chromium with a fake camera (issue 5 item 6): the time
 * from the capture of the first camera frame holding a code to the verdict painted, for
 * - `warm`: the app open and scanning, a new permit every 0.6 s (≥ 20 scans);
 * - `throttled`: the same with the main thread slowed ×4 (CDP Emulation.setCPUThrottlingRate);
 * - `fresh`: a new browser process opening the app with the code already in view (one
 *   sample per launch), which also gives the time to interactive from the service worker's cache;
 * and the checkpoint bundle's JS size (gzip, the wasm excluded).
 *
 * Clock: `metadata.captureTime` of requestVideoFrameCallback (the frame's capture on the
 * performance.now() clock) to the Element Timing `renderTime` of a line painted with each
 * verdict (the paint of the frame that first shows it); a requestAnimationFrame timestamp
 * taken after the verdict is committed is kept beside it as a cross-check.
 *
 * Which frame first held the code: the app logs every frame the camera delivers, decoded or
 * skipped. When the frame just before the decoded one was decoded and held nothing, the
 * decoded frame is the first; otherwise (frames skipped while busy) the first frame is taken
 * to be the one right after the last frame seen empty, one frame interval later: an upper
 * bound on the latency, counted as `uncertain`.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BrowserContext, Page } from 'playwright-core';
import {
  buildWeb,
  type FakeServer,
  frameLuma,
  launch,
  makeFixtures,
  qrGray,
  signInThroughUi,
  startFakeServer,
  stats,
  videoOf,
  writeY4m,
} from '../packages/web/e2e/harness.js';

export interface ScanBenchOptions {
  /** Scans per warm / throttled run (the issue asks for at least 20). */
  scans?: number;
  /** Browser launches of the fresh-browser case. */
  freshRuns?: number;
  throttleRate?: number;
  /**
   * The officer's loop: "Quét tiếp" this long after each verdict, so every scan starts from
   * the full-size camera screen (0: verdicts replace each other, the camera stays small).
   */
  autonextMs?: number;
  /** Decoder path and crypto provider of the app (URL parameters). */
  decoder?: 'main' | 'worker';
  crypto?: 'webcrypto' | 'noble';
  /** Skip cases. */
  skip?: Array<'warm' | 'throttled' | 'fresh'>;
  /** An existing build to reuse. */
  distDir?: string;
  log?: (line: string) => void;
}

export interface Latency {
  n: number;
  median: number;
  p95: number;
  min: number;
  max: number;
}

export interface RunResult {
  /** Capture of the first frame holding the code → verdict painted (Element Timing). */
  paint: Latency;
  /** Same, to the requestAnimationFrame after the commit (cross-check). */
  raf: Latency;
  /** Medians of the stages: capture → frame callback, decode, verify, render (commit). */
  stages: { toCallback: number; decode: number; verify: number; render: number; commitToPaint: number };
  /** Scans whose first code frame was inferred (frames skipped). */
  uncertain: number;
  /** Frames holding a code that failed to decode between two that succeeded. */
  decodeMisses: number;
  samples: number[];
}

export interface FreshResult {
  /** First frame delivered (the code is in view from the start) → verdict painted. */
  paint: Latency;
  /** Navigation start → camera on with the decoder warm (time to interactive from cache). */
  tti: Latency;
  /** Navigation start → verdict painted. */
  navToPaint: Latency;
}

export interface BundleSize {
  /** JS that /checkpoint loads at start, gzip (level 9), wasm excluded. */
  startupJsGzip: number;
  files: Array<{ file: string; bytes: number; gzip: number }>;
  /** Loaded only when needed (crypto fallback, worker decoder). */
  lazy: Array<{ file: string; bytes: number; gzip: number }>;
  wasm: { bytes: number; gzip: number };
}

export interface ScanBenchResult {
  options: Required<Omit<ScanBenchOptions, 'distDir' | 'log' | 'skip'>>;
  warm?: RunResult;
  throttled?: RunResult;
  fresh?: FreshResult;
  bundle: BundleSize;
  loadavg: number[];
}

interface Timing {
  n: number;
  verdict: string;
  captureTime: number;
  callbackAt: number;
  decodedAt: number;
  verifiedAt: number;
  committedAt: number;
  rafAt?: number;
}
interface Frame {
  captureTime: number;
  presentedFrames: number;
  callbackAt: number;
  decoded: boolean;
  found: number;
  decodeMs: number;
}
interface Hooks {
  timings: Timing[];
  frames: Frame[];
  paints: Array<{ id: string; renderTime: number }>;
}

const FRAME_MS = 1000 / 30;

function latency(v: number[]): Latency {
  return {
    n: v.length,
    median: round(stats.median(v)),
    p95: round(stats.percentile(v, 95)),
    min: round(Math.min(...v)),
    max: round(Math.max(...v)),
  };
}

const round = (x: number) => Math.round(x * 10) / 10;

function readHooks(page: Page): Promise<Hooks> {
  return page.evaluate(() => {
    const h = (globalThis as unknown as { __checkpoint: Hooks }).__checkpoint;
    return { timings: h.timings, frames: h.frames, paints: h.paints };
  });
}

/** Latencies of a run from the app's logs (see the file comment for the first-frame rule). */
export function analyse(h: Hooks): RunResult {
  const paintOf = new Map(h.paints.map((p) => [p.id, p.renderTime]));
  const frames = h.frames;
  const paint: number[] = [];
  const raf: number[] = [];
  const toCallback: number[] = [];
  const decode: number[] = [];
  const verify: number[] = [];
  const render: number[] = [];
  const commitToPaint: number[] = [];
  let uncertain = 0;
  for (const t of h.timings) {
    const i = frames.findIndex((f) => f.decoded && f.captureTime === t.captureTime);
    let first = t.captureTime;
    if (i > 0) {
      const prev = frames[i - 1] as Frame;
      const cur = frames[i] as Frame;
      const adjacent = cur.presentedFrames - prev.presentedFrames === 1 || cur.presentedFrames === 0;
      if (!(prev.decoded && prev.found === 0 && adjacent)) {
        // Walk back to the last frame decoded empty; the code appeared at most one frame later.
        let j = i - 1;
        while (j >= 0 && !((frames[j] as Frame).decoded && (frames[j] as Frame).found === 0)) j--;
        if (j >= 0) {
          first = Math.min(t.captureTime, (frames[j] as Frame).captureTime + FRAME_MS);
          uncertain++;
        }
      }
    }
    const p = paintOf.get(`verdict-${t.n}`);
    if (p !== undefined && p > 0) paint.push(p - first);
    if (t.rafAt !== undefined) raf.push(t.rafAt - first);
    toCallback.push(t.callbackAt - t.captureTime);
    decode.push(t.decodedAt - t.callbackAt);
    verify.push(t.verifiedAt - t.decodedAt);
    render.push(t.committedAt - t.verifiedAt);
    if (p !== undefined && p > 0) commitToPaint.push(p - t.committedAt);
  }
  // Decode misses: a decoded frame with nothing between two decoded frames with a code.
  let decodeMisses = 0;
  for (let i = 1; i < frames.length - 1; i++) {
    const f = frames[i] as Frame;
    if (!f.decoded || f.found > 0) continue;
    const before = frames.slice(Math.max(0, i - 3), i).some((x) => x.found > 0);
    const after = frames.slice(i + 1, i + 4).some((x) => x.found > 0);
    if (before && after) decodeMisses++;
  }
  return {
    paint: latency(paint),
    raf: latency(raf),
    stages: {
      toCallback: round(stats.median(toCallback)),
      decode: round(stats.median(decode)),
      verify: round(stats.median(verify)),
      render: round(stats.median(render)),
      commitToPaint: round(stats.median(commitToPaint)),
    },
    uncertain,
    decodeMisses,
    samples: paint.map(round),
  };
}

/** JS the checkpoint page loads at start (its script and module preloads), gzip level 9. */
export function bundleSize(distDir: string): BundleSize {
  const html = readFileSync(join(distDir, 'checkpoint.html'), 'utf8');
  const startup = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1] as string);
  const size = (file: string) => {
    const b = readFileSync(join(distDir, file));
    return { file, bytes: b.length, gzip: gzipSync(b, { level: 9 }).length };
  };
  const files = [...new Set(startup)].map(size);
  const assets = readFileSync(join(distDir, 'checkpoint-sw.js'), 'utf8');
  const lazy = [
    ...new Set([...assets.matchAll(/"(assets\/(?:noble|decode\.worker)[^"]+\.js)"/g)].map((m) => m[1] as string)),
  ].map(size);
  const wasmFile = [...assets.matchAll(/"(assets\/zxing_reader[^"]+\.wasm)"/g)][0]?.[1];
  const wasm = wasmFile ? size(wasmFile) : { bytes: 0, gzip: 0 };
  return {
    startupJsGzip: files.reduce((n, f) => n + f.gzip, 0),
    files,
    lazy,
    wasm: { bytes: wasm.bytes, gzip: wasm.gzip },
  };
}

async function openPage(context: BrowserContext): Promise<Page> {
  return context.pages()[0] ?? (await context.newPage());
}

export async function benchScan(options: ScanBenchOptions = {}): Promise<ScanBenchResult> {
  const o = {
    scans: options.scans ?? 30,
    freshRuns: options.freshRuns ?? 20,
    throttleRate: options.throttleRate ?? 4,
    autonextMs: options.autonextMs ?? 250,
    decoder: options.decoder ?? 'main',
    crypto: options.crypto ?? 'webcrypto',
  } as const;
  const log = options.log ?? (() => {});
  const skip = new Set(options.skip ?? []);
  const work = mkdtempSync(join(tmpdir(), 'thonghanh-scan-bench-'));
  let server: FakeServer | null = null;
  try {
    const dist = options.distDir ?? join(work, 'dist');
    if (!options.distDir) {
      log('building the web app…');
      buildWeb(dist);
    }
    server = await startFakeServer(dist);
    const origin = server.origin;
    const fx = await makeFixtures(origin);
    server.trust = fx.trust;
    server.revoked = fx.revoked;
    const query = `?bench${o.decoder === 'worker' ? '&decoder=worker' : ''}${o.crypto === 'noble' ? '&crypto=noble' : ''}`;
    const loopQuery = o.autonextMs > 0 ? `${query}&autonext=${o.autonextMs}` : query;
    const url = `${origin}/checkpoint${query}`;

    // A profile as an officer's phone has it: signed in, checkpoint picked, lists and the
    // service worker's cache in place.
    log('preparing the signed-in profile…');
    const template = join(work, 'profile-template');
    const blank = writeY4m(join(work, 'blank.y4m'), [{ luma: frameLuma(null), frames: 10 }]);
    {
      const ctx = await launch({ userDataDir: template, video: blank, origin });
      const page = await openPage(ctx);
      await page.goto(url);
      await signInThroughUi(page);
      await page.getByText('Nhật ký quét đã gửi hết').waitFor({ timeout: 30_000 });
      await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, null, { timeout: 30_000 });
      await ctx.close();
    }
    const profile = (name: string) => {
      const dir = join(work, name);
      cpSync(template, dir, { recursive: true });
      return dir;
    };

    const result: ScanBenchResult = { options: o, bundle: bundleSize(dist), loadavg: loadavg() };

    const permits = await fx.permits(o.scans);
    const video = await videoOf(join(work, 'permits.y4m'), permits, { blankFrames: 8, codeFrames: 10 });
    const videoSeconds = (permits.length * 18) / 30;

    const scanRun = async (name: string, throttle: number): Promise<RunResult> => {
      const ctx = await launch({ userDataDir: profile(`profile-${name}`), video, origin });
      try {
        const page = await openPage(ctx);
        if (throttle > 1) {
          const cdp = await ctx.newCDPSession(page);
          await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
        }
        await page.goto(`${origin}/checkpoint${loopQuery}`);
        await page.waitForFunction(() => performance.getEntriesByName('checkpoint-scanning').length > 0, null, {
          timeout: 60_000,
        });
        // Each permit appears once per loop of the video; collect `scans` verdicts.
        await page.waitForFunction(
          (n) => (globalThis as unknown as { __checkpoint: Hooks }).__checkpoint.timings.length >= n,
          o.scans,
          { timeout: (videoSeconds * 2 + 30) * 1000, polling: 500 },
        );
        await page.waitForTimeout(300); // the last paint entry
        return analyse(await readHooks(page));
      } finally {
        await ctx.close();
      }
    };

    if (!skip.has('warm')) {
      log(`warm: ${o.scans} scans…`);
      result.warm = await scanRun('warm', 1);
    }
    if (!skip.has('throttled')) {
      log(`throttled ×${o.throttleRate}: ${o.scans} scans…`);
      result.throttled = await scanRun('throttled', o.throttleRate);
    }
    if (!skip.has('fresh')) {
      log(`fresh browser with the code in view: ${o.freshRuns} launches…`);
      const still = writeY4m(join(work, 'still.y4m'), [
        { luma: frameLuma(await qrGray(fx.texts.valid), 360, 9), frames: 30 },
      ]);
      const paint: number[] = [];
      const tti: number[] = [];
      const navToPaint: number[] = [];
      for (let r = 0; r < o.freshRuns; r++) {
        const dir = profile(`profile-fresh-${r}`);
        const ctx = await launch({ userDataDir: dir, video: still, origin });
        try {
          const page = await openPage(ctx);
          await page.goto(url);
          await page.waitForFunction(
            () => {
              const h = (globalThis as unknown as { __checkpoint?: Hooks }).__checkpoint;
              return h?.paints.some((p) => p.id === 'verdict-1') === true;
            },
            null,
            { timeout: 30_000, polling: 50 },
          );
          const h = await readHooks(page);
          const scanning = await page.evaluate(
            () => performance.getEntriesByName('checkpoint-scanning')[0]?.startTime ?? 0,
          );
          const first = h.frames[0];
          const p = h.paints.find((x) => x.id === 'verdict-1');
          if (first && p) {
            paint.push(p.renderTime - first.captureTime);
            navToPaint.push(p.renderTime);
          }
          tti.push(scanning);
        } finally {
          await ctx.close();
          rmSync(dir, { recursive: true, force: true });
        }
      }
      result.fresh = { paint: latency(paint), tti: latency(tti), navToPaint: latency(navToPaint) };
    }
    result.loadavg = loadavg();
    return result;
  } finally {
    await server?.close();
    rmSync(work, { recursive: true, force: true });
  }
}

export function formatScanBench(r: ScanBenchResult): string {
  const l = (x: Latency) => `median ${x.median} ms, p95 ${x.p95} ms (n ${x.n}, ${x.min}–${x.max})`;
  const run = (name: string, x: RunResult | undefined) =>
    x
      ? [
          `${name}: frame → painted ${l(x.paint)}`,
          `  rAF cross-check ${l(x.raf)}`,
          `  stages (medians): capture→callback ${x.stages.toCallback}, decode ${x.stages.decode}, verify ${x.stages.verify}, render ${x.stages.render}, commit→paint ${x.stages.commitToPaint} ms`,
          `  first code frame inferred for ${x.uncertain} scans; decode misses ${x.decodeMisses}`,
        ].join('\n')
      : '';
  const b = r.bundle;
  return [
    `decoder ${r.options.decoder}, crypto ${r.options.crypto}, "Quét tiếp" after ${r.options.autonextMs} ms; load average ${r.loadavg.map((x) => x.toFixed(2)).join(' ')}`,
    run('app open and scanning', r.warm),
    run(`CPU throttled ×${r.options.throttleRate}`, r.throttled),
    r.fresh
      ? [
          `fresh browser, code in view: first frame → painted ${l(r.fresh.paint)}`,
          `  time to interactive from cache (navigation → scanning) ${l(r.fresh.tti)}`,
          `  navigation → verdict painted ${l(r.fresh.navToPaint)}`,
        ].join('\n')
      : '',
    `bundle: start-up JS ${(b.startupJsGzip / 1024).toFixed(1)} KiB gzip (${b.files.map((f) => `${f.file.replace('assets/', '')} ${(f.gzip / 1024).toFixed(1)}`).join(', ')}); lazy ${b.lazy
      .map((f) => `${f.file.replace('assets/', '')} ${(f.gzip / 1024).toFixed(1)}`)
      .join(', ')}; wasm ${(b.wasm.bytes / 1024).toFixed(0)} KiB (${(b.wasm.gzip / 1024).toFixed(0)} KiB gzip)`,
  ]
    .filter(Boolean)
    .join('\n');
}
