import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** Pages waiting in the WAL before the worker copies them into the database file (4 MB). */
const WAITING_PAGES = 1000;
/** How often the worker asks (a NOOP checkpoint: reads the WAL index, copies nothing). */
const EVERY_MS = 20;

/**
 * The worker: its own connection to the file; every EVERY_MS it asks how many WAL pages are
 * not yet in the database file and, past WAITING_PAGES, copies them (a PASSIVE checkpoint
 * never blocks the writer; a busy one is simply tried again next time).
 */
const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const SQLite = require(workerData.module);
const db = new SQLite(workerData.file, { fileMustExist: true });
db.pragma('synchronous = NORMAL');
setInterval(() => {
  try {
    const [w] = db.pragma('wal_checkpoint(NOOP)');
    if (w && w.log - w.checkpointed >= workerData.waitingPages) db.pragma('wal_checkpoint(PASSIVE)');
  } catch {}
}, workerData.everyMs);
`;

export interface WalCheckpointer {
  /** Starts the worker if it is not running (called on every commit: cheap). */
  start(): void;
  /** Ends the worker (before the database is closed). */
  stop(): void;
}

/**
 * Copies an SQLite database's WAL into its file from a worker thread, so that the commits on
 * the event loop only append to the WAL. SQLite otherwise checkpoints inside the commit that
 * crosses `wal_autocheckpoint`: with synchronous = NORMAL that commit also waits for two
 * fsyncs, and one sync batch in four or five took 100–700 ms instead of ~60 (scan sync,
 * docs/benchmarks.md). The connection's own autocheckpoint stays as the fallback should the
 * worker fall behind. Started on the first commit: a database only read never starts it.
 */
export function walCheckpointer(file: string): WalCheckpointer {
  let worker: Worker | null = null;
  let stopped = false;
  return {
    start() {
      if (worker || stopped) return;
      worker = new Worker(WORKER_SOURCE, {
        eval: true,
        workerData: {
          file,
          module: createRequire(import.meta.url).resolve('better-sqlite3'),
          waitingPages: WAITING_PAGES,
          everyMs: EVERY_MS,
        },
      });
      // A failure only leaves checkpoints to the connection's own autocheckpoint.
      worker.on('error', () => {});
      worker.unref();
    },
    stop() {
      stopped = true;
      void worker?.terminate();
      worker = null;
    },
  };
}
