import type { Clock } from '../clock.js';
import type { Db } from '../db/schema.js';
import { type AnchorOutcome, anchorAuditHead, lastAnchoredSeq } from './audit-anchors.js';
import { type AuditKeySource, auditKeyFor } from './audit-key.js';

export interface AuditAnchorer {
  /** Something may have been appended: anchor soon (coalesced, at most once per interval). */
  request(): void;
  /** Anchor now and wait for it (start-up, shutdown, the end of a command). */
  flush(): Promise<AnchorOutcome | null>;
  /** Stops pending work (waits for a run in progress). */
  stop(): Promise<void>;
}

export interface AnchorerOptions {
  keys: AuditKeySource;
  file: string;
  clock: Clock;
  /** Where anchors and alarms are reported (the server's logger). */
  log: (level: 'info' | 'error', message: string, extra: Record<string, unknown>) => void;
  /** Anchors at most this often under load (default 1 s): the window in which a cut tail goes unnoticed. */
  minIntervalMs?: number;
}

/**
 * Anchors the audit chain's head after commits, off the request's path: `request()` after a
 * response, `flush()` at start-up and shutdown. Runs never overlap; requests during a run
 * coalesce into one more run; so under any load the cost is one primary-key read (plus one
 * short line appended) per interval, and none at all inside audit().
 */
export function auditAnchorer(db: Db, options: AnchorerOptions): AuditAnchorer {
  const interval = options.minIntervalMs ?? 1000;
  let anchored: number | null = null;
  let running: Promise<AnchorOutcome | null> | null = null;
  let timer: NodeJS.Timeout | null = null;
  let dirty = false;
  let lastRun = 0;
  let stopped = false;

  const runOnce = async (): Promise<AnchorOutcome | null> => {
    try {
      if (anchored === null) anchored = await lastAnchoredSeq(options.file);
      const head = await db.selectFrom('audit_head').select('key_id').where('id', '=', 1).executeTakeFirstOrThrow();
      const key = auditKeyFor(db, head.key_id);
      const outcome = await anchorAuditHead(db, key, options.file, anchored, options.clock.now());
      if (outcome.kind === 'anchored') {
        anchored = outcome.anchor.seq;
        // The same line in the server's log: a copy wherever logs are collected, out of the database's reach.
        options.log('info', 'audit anchor', { auditAnchor: `v1 ${Object.values(outcome.anchor).join(' ')}` });
      } else if (outcome.kind === 'head_behind') {
        options.log('error', 'audit log head is behind its last anchor: rows were removed from the end', outcome);
      } else if (outcome.kind === 'head_unsigned') {
        options.log('error', 'audit log head is not a correctly signed row: not anchored', outcome);
      }
      return outcome;
    } catch (err) {
      options.log('error', 'audit anchoring failed', { err });
      return null;
    }
  };

  const start = () => {
    timer = null;
    running = runOnce().finally(() => {
      running = null;
      lastRun = Date.now();
      if (dirty && !stopped) {
        dirty = false;
        request();
      }
    });
  };

  function request(): void {
    if (stopped) return;
    if (timer || running) {
      dirty = true;
      return;
    }
    const wait = Math.max(0, lastRun + interval - Date.now());
    timer = setTimeout(start, wait);
    timer.unref();
  }

  return {
    request,
    async flush() {
      if (timer) {
        clearTimeout(timer);
        timer = null;
      }
      if (running) await running;
      if (timer) clearTimeout(timer);
      timer = null;
      dirty = false;
      const outcome = await runOnce();
      lastRun = Date.now();
      return outcome;
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      if (running) await running;
    },
  };
}
