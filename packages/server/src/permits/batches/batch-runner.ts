import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { Clock } from '../../clock.js';
import type { Config } from '../../config.js';
import type { Db, Executor, PermitBatchRow } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import { signingKeyFor } from '../../keys/ward-keys.js';
import {
  issueNextChunk,
  planChunk,
  reserveChunkSerials,
  StaleChunkError,
  signChunk,
  writeChunk,
} from '../issue-permits.js';
import { issueContext } from '../signing-context.js';

/** People issued to per chunk (one write transaction each) in the background. */
export const BACKGROUND_CHUNK = 100;
/** Signatures between two yields to the event loop (a turn stays a few milliseconds). */
const SIGN_TURN = 10;
/** Plans of a chunk found stale before it is done inside one transaction. */
const STALE_TRIES = 3;

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
  /** Called once a chunk is signed, before its write transaction (tests: move what it relied on). */
  afterSign?: (batchId: string) => void | Promise<void>;
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

  /** The batch if it is still running. */
  const running = async (db: Executor, batchId: string) => {
    const batch = await db.selectFrom('permit_batches').selectAll().where('id', '=', batchId).executeTakeFirst();
    return batch?.state === 'running' ? batch : null;
  };

  /**
   * One chunk in three steps, so the database is held only for short reads and writes: plan
   * it (a short transaction), sign it (no transaction: the CPU part, yielding as it goes),
   * then plan it again in the transaction that reserves the serials and writes the permits.
   * If anything the signatures relied on moved meanwhile (another issuer took the serials,
   * a person left the list, the key rotated), that transaction rolls back and the chunk is
   * planned and signed again; after STALE_TRIES the chunk is done the old way, signed inside
   * its transaction. Serials are reserved only in the transaction that inserts them, so a
   * kill at any point leaves no gap and nothing half-done: resuming just plans from the cursor.
   */
  async function chunk(batchId: string): Promise<PermitBatchRow | null> {
    const ctx = (b: PermitBatchRow) =>
      issueContext(deps.config, { id: b.created_by, role: b.created_role }, deps.clock.now());
    for (let tries = 0; tries < STALE_TRIES; tries++) {
      const planned = await deps.db.transaction().execute(async (tx) => {
        const batch = await running(tx, batchId);
        if (!batch) return null;
        const c = ctx(batch);
        let plan = await planChunk(tx, batch, c, size);
        // The ward's key, made or rotated here if need be (then planned again, to name it).
        const key = await signingKeyFor(tx, plan.business.ward_code, c);
        if (plan.keyId !== key.row.id) plan = await planChunk(tx, batch, c, size);
        return { batch, c, key, plan };
      });
      if (!planned) return null;
      const { c, plan, key } = planned;
      const permits = await signChunk(plan, key, plan.firstSeq, planned.batch, c, { yieldEvery: SIGN_TURN });
      await deps.afterSign?.(batchId);
      await yieldToEventLoop();
      try {
        return await deps.db.transaction().execute(async (tx) => {
          const batch = await running(tx, batchId);
          if (!batch) return null;
          const again = await planChunk(tx, batch, c, size);
          if (again.fingerprint !== plan.fingerprint) throw new StaleChunkError('plan moved');
          await reserveChunkSerials(tx, again, plan.firstSeq);
          return writeChunk(tx, batch, again, permits, c);
        });
      } catch (err) {
        if (!(err instanceof StaleChunkError)) throw err;
        await yieldToEventLoop();
      }
    }
    return deps.db.transaction().execute(async (tx) => {
      const batch = await running(tx, batchId);
      return batch && (await issueNextChunk(tx, batch, ctx(batch), size)).batch;
    });
  }

  async function work(batchId: string): Promise<void> {
    for (;;) {
      // Between chunks: let waiting requests run before the next transaction starts.
      await yieldToEventLoop();
      if (stopped) return;
      const r = await chunk(batchId);
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
