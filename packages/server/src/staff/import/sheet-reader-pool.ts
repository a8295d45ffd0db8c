import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import {
  type CheckFileOptions,
  type FileChecker,
  fileProblemResult,
  type StaffImportResult,
} from './import-staff-file.js';
import { IMPORT_LIMITS } from './limits.js';
import type { SheetJob } from './read-sheet-worker.js';
import { readTimeout, serverBusy, tooComplex } from './too-complex.js';

/**
 * Staff lists are read and checked in worker threads, never on the event loop: a file that needs too
 * much memory kills its worker (V8's heap ceiling, `resourceLimits`), one that takes too
 * long is ended by the wall clock, and the server keeps answering meanwhile. At most
 * `workers` files are read at once and `queue` wait; past that, `server_busy`.
 */

/**
 * The worker's entry file, beside this module: the TypeScript source in development (run
 * through tsx), `read-sheet-worker.js` beside the bundle in a build (the bundler must emit
 * packages/server/src/staff/import/read-sheet-worker.ts as `read-sheet-worker.js` into the
 * same directory as the bundle that contains this module).
 */
export const SHEET_WORKER_ENTRY = new URL(
  `./read-sheet-worker.${import.meta.url.endsWith('.ts') ? 'ts' : 'js'}`,
  import.meta.url,
);

export interface SheetReaderPoolOptions {
  entry?: URL;
  workers?: number;
  queue?: number;
  heapMb?: number;
  youngMb?: number;
  timeoutMs?: number;
  /** An idle worker is ended after this long (it holds ~40 MB). */
  idleMs?: number;
}

/** What a worker is asked: the file's caps and today, and the ward codes it checks against. */
export interface CheckInWorkerOptions extends CheckFileOptions {
  /** Every known ward code; without it, only their form is checked. */
  wardCodes?: WardCodes;
}

/** A ward-code set with the one string a worker receives it as (joined once, not per file). */
export interface WardCodes {
  has(code: string): boolean;
  readonly joined: string;
}

interface Job {
  bytes: Uint8Array;
  opts: CheckInWorkerOptions;
  resolve(result: StaffImportResult): void;
  reject(e: unknown): void;
}

interface Slot {
  worker: Worker | null;
  idle: ReturnType<typeof setTimeout> | null;
}

/** The bootstrap of a TypeScript entry: tsx's loader, registered inside the worker. */
function tsBootstrap(entry: URL): string {
  const tsxDir = dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  const api = pathToFileURL(join(tsxDir, 'dist/esm/api/index.mjs')).href;
  return `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(entry.href)}); });`;
}

export class SheetReaderPool {
  private readonly opts: Required<SheetReaderPoolOptions>;
  private readonly slots: Slot[];
  private readonly waiting: Job[] = [];
  private closed = false;

  constructor(opts: SheetReaderPoolOptions = {}) {
    this.opts = {
      entry: opts.entry ?? SHEET_WORKER_ENTRY,
      workers: opts.workers ?? IMPORT_LIMITS.workers,
      queue: opts.queue ?? IMPORT_LIMITS.queue,
      heapMb: opts.heapMb ?? IMPORT_LIMITS.workerHeapMb,
      youngMb: opts.youngMb ?? IMPORT_LIMITS.workerYoungMb,
      timeoutMs: opts.timeoutMs ?? IMPORT_LIMITS.readTimeoutMs,
      idleMs: opts.idleMs ?? 60_000,
    };
    this.slots = Array.from({ length: this.opts.workers }, () => ({ worker: null, idle: null }));
  }

  /** Reads and checks one file in a worker; refusals (busy, timeout, memory) come back as file problems. */
  check = (bytes: Uint8Array, opts: CheckInWorkerOptions): Promise<StaffImportResult> =>
    new Promise<StaffImportResult>((resolve, reject) => {
      if (this.closed) return reject(new Error('sheet reader pool closed'));
      const job: Job = { bytes, opts, resolve, reject };
      const free = this.slots.find((s) => !this.busy.has(s));
      if (free) this.run(free, job);
      else if (this.waiting.length < this.opts.queue) this.waiting.push(job);
      else resolve(refusal(serverBusy()));
    });

  private readonly busy = new Set<Slot>();

  private spawn(): Worker {
    const { entry, heapMb, youngMb } = this.opts;
    const resourceLimits = { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: youngMb, stackSizeMb: 4 };
    const worker = entry.pathname.endsWith('.ts')
      ? new Worker(tsBootstrap(entry), { eval: true, resourceLimits })
      : new Worker(fileURLToPath(entry), { resourceLimits });
    // A worker's 'error' with no listener would throw in this thread: the job's own listener
    // answers the upload; this one keeps a late error (after termination) harmless.
    worker.on('error', () => {});
    worker.unref();
    return worker;
  }

  private run(slot: Slot, job: Job): void {
    this.busy.add(slot);
    if (slot.idle) clearTimeout(slot.idle);
    slot.idle = null;
    const worker = slot.worker ?? this.spawn();
    slot.worker = worker;
    worker.ref();
    let settled = false;
    const finish = (answer: () => void, keep: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      if (keep) {
        worker.unref();
        slot.idle = setTimeout(() => this.retire(slot, worker), this.opts.idleMs);
        slot.idle.unref();
      } else {
        slot.worker = null;
        void worker.terminate();
      }
      answer();
      this.busy.delete(slot);
      const next = this.waiting.shift();
      if (next) this.run(slot, next);
    };
    const onMessage = (result: StaffImportResult) => finish(() => job.resolve(result), true);
    const onError = (e: Error & { code?: string }) =>
      finish(
        () => (e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? job.resolve(refusal(tooComplex('memory'))) : job.reject(e)),
        false,
      );
    const onExit = (code: number) =>
      finish(() => job.reject(new Error(`sheet reader worker exited with code ${code}`)), false);
    const timer = setTimeout(
      () => finish(() => job.resolve(refusal(readTimeout(this.opts.timeoutMs))), false),
      this.opts.timeoutMs,
    );
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    // A copy the worker owns: the upload's Buffer may be a slice of a shared pool.
    const bytes = new Uint8Array(job.bytes);
    const { maxBytes, maxRows, today, wardCodes } = job.opts;
    const message: SheetJob = { bytes, maxBytes, maxRows, today, wardCodes: wardCodes?.joined ?? null };
    worker.postMessage(message, [bytes.buffer]);
  }

  private retire(slot: Slot, worker: Worker): void {
    if (slot.worker !== worker || this.busy.has(slot)) return;
    slot.worker = null;
    slot.idle = null;
    void worker.terminate();
  }

  /** Ends every worker; files being read are answered with an error. */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.waiting.splice(0)) job.reject(new Error('sheet reader pool closed'));
    await Promise.all(
      this.slots.map(async (slot) => {
        if (slot.idle) clearTimeout(slot.idle);
        const w = slot.worker;
        slot.worker = null;
        if (w) await w.terminate();
      }),
    );
  }
}

function refusal(e: { code: string; message: string }): StaffImportResult {
  return fileProblemResult(e.code, e.message);
}

let shared: SheetReaderPool | null = null;

/** Reads and checks a file in the server's pool, started at the first upload. */
export function checkStaffFileInWorker(bytes: Uint8Array, opts: CheckInWorkerOptions): Promise<StaffImportResult> {
  shared ??= new SheetReaderPool();
  return shared.check(bytes, opts);
}

/** `checkStaffFileInWorker` with these ward codes, as `importStaffFile`'s `checkFile`. */
export function workerChecker(wardCodes: WardCodes | undefined): FileChecker {
  return (bytes, opts) => checkStaffFileInWorker(bytes, { ...opts, wardCodes });
}

/** Replaces the server's pool (tests: a pool of one worker, a short clock); answers the old one. */
export function replaceSheetReaderPool(pool: SheetReaderPool | null): SheetReaderPool | null {
  const old = shared;
  shared = pool;
  return old;
}
