import type { Selectable } from 'kysely';

export type PermitBatchState = 'running' | 'done' | 'failed';

/**
 * `permit_batches`: one request to issue permits, worked through in chunks. `processed`
 * counts the people gone through (issued + skipped), `cursor` says where the next chunk
 * starts (JSON, see permits/batches/batch-options.ts); both move in the chunk's transaction.
 */
export interface PermitBatchesTable {
  id: string;
  business_id: string;
  ward_code: string;
  state: PermitBatchState;
  /** How many people the request named (or the approved list held, for "all"). */
  requested: number;
  processed: number;
  issued: number;
  /** People left out: an active permit kept (`onActive: 'skip'`), or taken off the list meanwhile. */
  skipped: number;
  /** Active permits revoked and replaced (`onActive: 'replace'`). */
  replaced: number;
  /** JSON of BatchOptions: who, the validity's dates, the purpose, what to do with active permits. */
  options: string;
  cursor: string | null;
  first_serial: string | null;
  last_serial: string | null;
  /** Why a batch failed (a message for the log reader, not shown as is to businesses). */
  error: string | null;
  created_by: string | null;
  created_role: string;
  created_at: string;
  updated_at: string;
  finished_at: string | null;
}

export type PermitBatchRow = Selectable<PermitBatchesTable>;
