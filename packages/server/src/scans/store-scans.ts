import { CompiledQuery } from 'kysely';
import { type AuditActor, audit } from '../audit/append-audit.js';
import type { CheckpointRecord } from '../checkpoints/checkpoint-query.js';
import { type DialectKind, dialectOf } from '../db/database.js';
import type { Executor, ScanRow } from '../db/schema.js';
import { recordScanFacts } from '../inspection/scan-facts.js';
import type { ScanInput } from './scan-schema.js';

export interface StoreResult {
  /** Scans stored by this request. */
  stored: number;
  /** Scans already stored (an earlier try of the same batch, or twice in this one). */
  duplicates: number;
  /** For each scan, in the order given: stored now, or already there. */
  statuses: Array<'stored' | 'duplicate'>;
}

/** Rows per INSERT: 15 parameters a row, far below SQLite's 32,766 and PostgreSQL's 65,535. */
const CHUNK = 1000;

const COLUMNS = [
  'id',
  'checkpoint_id',
  'ward_code',
  'district_code',
  'province_code',
  'officer_id',
  'scanned_at',
  'received_at',
  'verdict',
  'warnings',
  'kind',
  'cti',
  'serial',
  'id_number',
  'unit_tax_code',
] as const satisfies ReadonlyArray<keyof ScanRow>;

const insertSql = new Map<string, string>();

/**
 * `INSERT … VALUES (…), (…) ON CONFLICT (id) DO NOTHING RETURNING id` for `rows` rows, written
 * once per size and dialect: a batch of 1,000 scans is 15,000 parameters, and building
 * Kysely's syntax tree for them costs more than the insert itself. RETURNING names the rows
 * actually inserted (SQLite ≥ 3.35 and PostgreSQL alike): the others were duplicates.
 */
function insertStatement(dialect: DialectKind, rows: number): string {
  const key = `${dialect}:${rows}`;
  let text = insertSql.get(key);
  if (!text) {
    const width = COLUMNS.length;
    const tuples = Array.from({ length: rows }, (_, r) => {
      const marks = Array.from({ length: width }, (_, c) => (dialect === 'postgres' ? `$${r * width + c + 1}` : '?'));
      return `(${marks.join(',')})`;
    });
    text = `insert into scans (${COLUMNS.join(',')}) values ${tuples.join(',')} on conflict (id) do nothing returning id`;
    insertSql.set(key, text);
  }
  return text;
}

/**
 * Inserts scan rows that are not there yet (by id) and records what is derived from them
 * (inspection/scan-facts.ts), in the caller's transaction. Returns the ids that were new. Every
 * path that adds scans goes through here (the batch route, the demo).
 */
export async function insertScanRows(db: Executor, input: ScanRow[]): Promise<Set<string>> {
  // The same order in every request: concurrent retries of overlapping batches (PostgreSQL
  // waits on a key another transaction is inserting) then never wait for each other in a cycle.
  const rows = [...input].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const dialect = dialectOf(db);
  const inserted = new Set<string>();
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    const params = chunk.flatMap((row) => COLUMNS.map((c) => row[c]));
    const r = await db.executeQuery<{ id: string }>(CompiledQuery.raw(insertStatement(dialect, chunk.length), params));
    for (const row of r.rows) inserted.add(row.id);
  }
  // The same id twice in one statement is stored once: its first row (sort is stable).
  const seen = new Set<string>();
  const stored = rows.filter((r) => inserted.has(r.id) && !seen.has(r.id) && seen.add(r.id));
  await recordScanFacts(db, stored);
  return inserted;
}

/**
 * Stores a checkpoint's scans (already checked one by one: `checkScan`) exactly once each,
 * however often the device retries: the device's UUID is the primary key and every row is
 * inserted with ON CONFLICT DO NOTHING, in the request's one transaction, in multi-row
 * statements. Says for each scan whether it was new. One audit row per batch that stored or
 * refused anything (`scan.synced`); a retry of a batch already stored leaves no trace.
 */
export async function storeScans(
  db: Executor,
  checkpoint: CheckpointRecord,
  scans: ScanInput[],
  actor: AuditActor,
  now: Date,
  refused = 0,
): Promise<StoreResult> {
  const receivedAt = now.toISOString();
  const rows: ScanRow[] = scans.map((s) => ({
    id: s.id.toLowerCase(),
    checkpoint_id: checkpoint.id,
    ward_code: checkpoint.owner_ward_code,
    district_code: checkpoint.owner_district_code ?? '',
    province_code: checkpoint.owner_province_code,
    officer_id: actor.id,
    scanned_at: new Date(s.scannedAt).toISOString(),
    received_at: receivedAt,
    verdict: s.verdict,
    warnings: JSON.stringify(s.warnings),
    kind: s.kind,
    cti: s.cti ?? null,
    serial: s.serial || null,
    id_number: s.idNumber || null,
    unit_tax_code: s.unitTaxCode || null,
  }));
  const inserted = await insertScanRows(db, rows);
  // The first occurrence of a new id was stored; any later one in the batch is its duplicate.
  const statuses = rows.map((row) => (inserted.delete(row.id) ? 'stored' : 'duplicate') as 'stored' | 'duplicate');
  const stored = statuses.filter((s) => s === 'stored').length;
  const duplicates = scans.length - stored;
  if (stored > 0 || refused > 0) {
    await audit(
      db,
      actor,
      'scan.synced',
      { type: 'checkpoint', id: checkpoint.id, wardCode: checkpoint.owner_ward_code },
      { stored, duplicates, refused },
      now,
    );
  }
  return { stored, duplicates, statuses };
}
