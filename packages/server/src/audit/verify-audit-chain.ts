import type { Executor } from '../db/schema.js';
import { type AuditAnchor, anchorIsSigned, parseAnchorLine, readAnchorLines } from './audit-anchors.js';
import { auditRowHash, GENESIS_HASH } from './audit-hash.js';
import { type AuditKey, boundAuditKeySource, findAuditKey, rowMac, sameMac } from './audit-key.js';

export type ChainBreak =
  /** A row is missing before this seq (deleted or renumbered). */
  | 'seq_gap'
  /** This row's prev_hash is not the previous row's hash. */
  | 'prev_hash_mismatch'
  /** This row's content does not give its hash: it was edited. */
  | 'hash_mismatch'
  /** The head says rows exist after the last one: rows were removed from the end. */
  | 'missing_rows'
  /** This row's signature is not the audit key's: it was edited and its hashes recomputed (or written without the key). */
  | 'signature_mismatch'
  /** This row has no signature although rows before it are signed. */
  | 'signature_missing'
  /** A signed anchor names this seq, and the log has fewer rows: its end was cut (and the head set back). */
  | 'tail_cut'
  /** A signed anchor names another hash for this seq: the row there is not the one that was anchored. */
  | 'anchor_mismatch'
  /** A line of the anchors file is not signed by the audit key (made up, altered or damaged). */
  | 'anchor_forged'
  /** The log is signed, and the audit key is not at hand: nothing can be checked beyond the hashes. */
  | 'key_missing'
  /** The audit key at hand is not the one the log names. */
  | 'key_mismatch';

export interface ChainReport {
  ok: boolean;
  /** Rows checked and found intact, from seq 1. */
  rows: number;
  firstBroken?: { seq: number; reason: ChainBreak; line?: number };
  /** Rows written before the log was signed (migration 014), when there are any. */
  unsignedRows?: number;
  /** When an anchors file was read: how many signed anchors, and the latest. */
  anchors?: number;
  anchor?: { seq: number; at: string };
}

export interface VerifyOptions {
  /** The audit key (default: the one bound to this database); missing while rows are signed → `key_missing`. */
  key?: AuditKey | null;
  /** `false`: check the hashes only, as before the log was signed (to show what they alone miss). */
  signatures?: boolean;
  /** The anchors file to check the log against (default: none). */
  anchorsFile?: string;
  pageSize?: number;
}

/**
 * Recomputes the whole chain in seq order, in pages, and reports the first problem: a broken
 * link or hash, a row whose signature is not the audit key's, then the anchors — every line
 * of the anchors file must be signed, and every anchored (seq, hash) must still be a row of
 * the log. A numeric second argument is the page size (older callers).
 */
export async function verifyAuditChain(db: Executor, options: VerifyOptions | number = {}): Promise<ChainReport> {
  const o: VerifyOptions = typeof options === 'number' ? { pageSize: options } : options;
  const pageSize = o.pageSize ?? 2000;
  const head = await db
    .selectFrom('audit_head')
    .select(['seq', 'hash', 'key_id'])
    .where('id', '=', 1)
    .executeTakeFirst();
  const checkSignatures = o.signatures !== false;
  const key = o.key ?? defaultKey(db);
  if (head?.key_id && key && key.id !== head.key_id) {
    return { ok: false, rows: 0, firstBroken: { seq: 1, reason: 'key_mismatch' } };
  }

  // Anchors first: a map seq → hashes to meet while the rows go by.
  const anchored = new Map<number, string[]>();
  let forged: { seq: number; line: number } | null = null;
  let latest: AuditAnchor | null = null;
  let anchorCount = 0;
  if (o.anchorsFile) {
    for await (const { line, text } of readAnchorLines(o.anchorsFile)) {
      const a = parseAnchorLine(text);
      if (!a || !key || !anchorIsSigned(key, a)) {
        forged ??= { seq: a?.seq ?? 0, line };
        continue;
      }
      anchorCount += 1;
      const hashes = anchored.get(a.seq);
      if (hashes) {
        if (!hashes.includes(a.hash)) hashes.push(a.hash);
      } else anchored.set(a.seq, [a.hash]);
      if (!latest || a.seq > latest.seq) latest = a;
    }
  }
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let rows = 0;
  let unsigned = 0;
  let signedSeen = false;
  const extra = (): Partial<ChainReport> => ({
    ...(unsigned > 0 ? { unsignedRows: unsigned } : {}),
    ...(o.anchorsFile
      ? { anchors: anchorCount, ...(latest ? { anchor: { seq: latest.seq, at: latest.at } } : {}) }
      : {}),
  });
  const broken = (seq: number, reason: ChainBreak, line?: number): ChainReport => ({
    ok: false,
    rows,
    firstBroken: { seq, reason, ...(line !== undefined ? { line } : {}) },
    ...extra(),
  });

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
      if (row.seq !== expectedSeq) return broken(row.seq, 'seq_gap');
      if (row.prev_hash !== prevHash) return broken(row.seq, 'prev_hash_mismatch');
      if (auditRowHash(row) !== row.hash) return broken(row.seq, 'hash_mismatch');
      if (checkSignatures && row.mac === null) {
        if (signedSeen) return broken(row.seq, 'signature_missing');
        unsigned += 1;
      } else if (checkSignatures && row.mac !== null) {
        signedSeen = true;
        if (!key) return broken(row.seq, 'key_missing');
        if (!sameMac(row.mac, rowMac(key, row.seq, row.hash))) return broken(row.seq, 'signature_mismatch');
      }
      const hashes = anchored.get(row.seq);
      if (hashes?.some((h) => h !== row.hash)) return broken(row.seq, 'anchor_mismatch');
      prevHash = row.hash;
      expectedSeq += 1;
      rows += 1;
    }
    if (page.length < pageSize) break;
  }
  if (head && (Number(head.seq) !== rows || head.hash !== prevHash)) return broken(rows + 1, 'missing_rows');
  if (forged) return broken(forged.seq, 'anchor_forged', forged.line);
  if (latest && latest.seq > rows) return broken(rows + 1, 'tail_cut');
  return { ok: true, rows, ...extra() };
}

function defaultKey(db: Executor): AuditKey | null {
  const source = boundAuditKeySource(db);
  return source ? findAuditKey(source) : null;
}
