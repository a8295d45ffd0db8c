import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { Clock } from '../../clock.js';
import type { Config } from '../../config.js';
import type { Db } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import { issueNextChunk } from '../issue-permits.js';
import { issueContext } from '../signing-context.js';

/** People issued to per chunk (one transaction each) in the background. */
export const BACKGROUND_CHUNK = 100;

/**
 * Works through running batches in the background, a chunk per transaction, yielding to the
 * event loop between chunks so other requests (and /healthz) are answered meanwhile.
 */
export interface BatchRunner {
  /** Starts working on a batch (already committed as `running`); a batch already worked on is left alone. */
  start(batchId: string): void;
  /** Starts every batch left `running` (by a server stopped or killed mid-batch); returns how many. */
  resumePending(): Promise<number>;
  /** Resolves when no batch is being worked on. */
  idle(): Promise<void>;
  /** Stops after the chunk in progress (the batches stay `running`, for the next start). */
  stop(): Promise<void>;
}

export interface BatchRunnerDeps {
  db: Db;
  config: Pick<Config, 'masterKey' | 'keysDir' | 'publicUrl'>;
  clock: Clock;
  log: { error(obj: object, msg: string): void; info(obj: object, msg: string): void };
  /** People per chunk (default BACKGROUND_CHUNK). */
  chunkSize?: number;
  /** Called after each committed chunk (tests: stop half-way, as a kill would). */
  afterChunk?: (batchId: string, processed: number) => void | Promise<void>;
}

export function batchRunner(deps: BatchRunnerDeps): BatchRunner {
  const working = new Map<string, Promise<void>>();
  let stopped = false;
  const size = deps.chunkSize ?? BACKGROUND_CHUNK;

  async function fail(batchId: string, err: unknown): Promise<void> {
    const at = deps.clock.now().toISOString();
    const message = err instanceof AppError ? `${err.code}: ${err.message}` : String(err);
    await deps.db
      .updateTable('permit_batches')
      .set({ state: 'failed', error: message.slice(0, 500), updated_at: at, finished_at: at })
      .where('id', '=', batchId)
      .where('state', '=', 'running')
      .execute();
  }

  async function work(batchId: string): Promise<void> {
    for (;;) {
      // Between chunks: let waiting requests run before the next transaction starts.
      await yieldToEventLoop();
      if (stopped) return;
      const r = await deps.db.transaction().execute(async (tx) => {
        const batch = await tx.selectFrom('permit_batches').selectAll().where('id', '=', batchId).executeTakeFirst();
        if (batch?.state !== 'running') return null;
        const actor = { id: batch.created_by, role: batch.created_role };
        return (await issueNextChunk(tx, batch, issueContext(deps.config, actor, deps.clock.now()), size)).batch;
      });
      if (!r) return;
      await deps.afterChunk?.(batchId, r.processed);
      if (r.state !== 'running') return;
    }
  }

  const runner: BatchRunner = {
    start(batchId) {
      if (stopped || working.has(batchId)) return;
      const p = work(batchId)
        .catch(async (err: unknown) => {
          deps.log.error({ err, batchId }, 'permit batch failed');
          await fail(batchId, err).catch((e: unknown) => deps.log.error({ err: e, batchId }, 'marking batch failed'));
        })
        .finally(() => working.delete(batchId));
      working.set(batchId, p);
    },
    async resumePending() {
      const rows = await deps.db
        .selectFrom('permit_batches')
        .select('id')
        .where('state', '=', 'running')
        .orderBy('created_at')
        .execute();
      for (const r of rows) {
        deps.log.info({ batchId: r.id }, 'resuming a permit batch left running');
        runner.start(r.id);
      }
      return rows.length;
    },
    async idle() {
      while (working.size > 0) await Promise.all(working.values());
    },
    async stop() {
      stopped = true;
      await runner.idle();
    },
  };
  return runner;
}
