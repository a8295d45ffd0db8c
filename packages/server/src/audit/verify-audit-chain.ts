import type { Executor } from '../db/schema.js';
import { auditRowHash, GENESIS_HASH } from './audit-hash.js';

export type ChainBreak =
  /** A row is missing before this seq (deleted or renumbered). */
  | 'seq_gap'
  /** This row's prev_hash is not the previous row's hash. */
  | 'prev_hash_mismatch'
  /** This row's content does not give its hash: it was edited. */
  | 'hash_mismatch'
  /** The head says rows exist after the last one: rows were removed from the end. */
  | 'missing_rows';

export interface ChainReport {
  ok: boolean;
  rows: number;
  firstBroken?: { seq: number; reason: ChainBreak };
}

/** Recomputes the whole chain in seq order, in pages; reports the first broken row. */
export async function verifyAuditChain(db: Executor, pageSize = 2000): Promise<ChainReport> {
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let rows = 0;
  for (;;) {
    const page = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>=', expectedSeq)
      .orderBy('seq')
      .limit(pageSize)
      .execute();
    for (const raw of page) {
      const row = { ...raw, seq: Number(raw.seq) };
      if (row.seq !== expectedSeq) return { ok: false, rows, firstBroken: { seq: row.seq, reason: 'seq_gap' } };
      if (row.prev_hash !== prevHash) {
        return { ok: false, rows, firstBroken: { seq: row.seq, reason: 'prev_hash_mismatch' } };
      }
      if (auditRowHash(row) !== row.hash)
        return { ok: false, rows, firstBroken: { seq: row.seq, reason: 'hash_mismatch' } };
      prevHash = row.hash;
      expectedSeq += 1;
      rows += 1;
    }
    if (page.length < pageSize) break;
  }
  const head = await db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirst();
  if (head && (Number(head.seq) !== rows || head.hash !== prevHash)) {
    return { ok: false, rows, firstBroken: { seq: rows + 1, reason: 'missing_rows' } };
  }
  return { ok: true, rows };
}
