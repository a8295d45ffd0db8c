import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { Db } from '../db/schema.js';
import type { FileStorage } from '../dossiers/attachments/file-storage.js';
import type { Mailer } from '../mail/mailer.js';
import type { BatchRunner } from '../permits/batches/batch-runner.js';
import type { WorkflowHooks } from '../workflow/hooks.js';

/** What every route handler can reach, besides its request: passed in, never imported. */
export interface AppDeps {
  db: Db;
  config: Config;
  clock: Clock;
  mailer: Mailer;
  /** In-transaction hooks of the dossier workflow (permits plug in here). */
  hooks: WorkflowHooks;
  /** Uploaded files (the plans' scans). */
  storage: FileStorage;
  /** Works through large permit batches in the background, a chunk at a time. */
  permitBatches: BatchRunner;
}
