import { type Kysely, sql } from 'kysely';
import { rebuildCredentialSpans } from '../../inspection/credential-spans.js';
import { FLAGGED_SCAN } from '../../inspection/scan-facts.js';

/**
 * Post-inspection at a million scans (docs/benchmarks.md): every anomaly query reads an index
 * that holds all it needs (an index-only scan: no visit to the table row by row), and
 * `never_scanned` reads a per-credential summary instead of probing the scan log per permit.
 * - `scan_credential_spans` (inspection/credential-spans.ts): first and last scan of each
 *   credential, written with the scans; built here from the existing scan log.
 * - Indexes widened into covering ones, each replacing the narrower index it starts with (so
 *   the other queries that used that one still can):
 *   flagged scans (+ verdict, warnings, id); scans by credential (+ verdict, area, id: the
 *   stale-list check of `revoked_presented`); permits by area (+ validity, status, cti,
 *   unit: `never_scanned`); revoked permits (+ revoked_at, cti); close pairs by time (+ the
 *   rest of the pair but the province: `copy_suspected`); unit days by district (+ unit,
 *   counts: `unit_high_failure`).
 */
const REPLACED: Array<{ name: string; table: string; columns: string[]; old: string[]; flagged?: boolean }> = [
  {
    name: 'scans_flagged_ward_idx',
    table: 'scans',
    columns: ['ward_code', 'scanned_at', 'verdict', 'warnings', 'id'],
    old: ['ward_code', 'scanned_at'],
    flagged: true,
  },
  {
    name: 'scans_flagged_district_idx',
    table: 'scans',
    columns: ['district_code', 'scanned_at', 'verdict', 'warnings', 'id'],
    old: ['district_code', 'scanned_at'],
    flagged: true,
  },
  {
    name: 'scans_cti_at_idx',
    table: 'scans',
    columns: ['cti', 'scanned_at', 'verdict', 'district_code', 'ward_code', 'id'],
    old: ['cti', 'scanned_at'],
  },
  {
    name: 'permits_ward_idx',
    table: 'permits',
    columns: ['ward_code', 'issued_at', 'valid_from', 'valid_to', 'status', 'revoked_at', 'cti', 'business_id', 'id'],
    old: ['ward_code', 'issued_at'],
  },
  {
    name: 'permits_district_idx',
    table: 'permits',
    columns: [
      'district_code',
      'issued_at',
      'valid_from',
      'valid_to',
      'status',
      'revoked_at',
      'cti',
      'business_id',
      'id',
    ],
    old: ['district_code', 'issued_at'],
  },
  {
    name: 'permits_revoked_idx',
    table: 'permits',
    columns: ['status', 'valid_to', 'revoked_at', 'cti'],
    old: ['status', 'valid_to'],
  },
  {
    name: 'scan_close_pairs_at_idx',
    table: 'scan_close_pairs',
    columns: [
      'second_at',
      'first_at',
      'first_district_code',
      'second_district_code',
      'first_ward_code',
      'second_ward_code',
      'first_checkpoint_id',
      'second_checkpoint_id',
      'first_scan_id',
      'second_scan_id',
    ],
    old: ['second_at'],
  },
  {
    name: 'scan_unit_days_district_idx',
    table: 'scan_unit_days',
    columns: ['district_code', 'day', 'unit_tax_code', 'ward_code', 'total', 'failed'],
    old: ['district_code', 'day'],
  },
];

async function createIndex(db: Kysely<unknown>, name: string, table: string, columns: string[], flagged?: boolean) {
  let b = db.schema.createIndex(name).on(table).columns(columns);
  if (flagged) b = b.where(sql<boolean>`${sql.raw(FLAGGED_SCAN)}`);
  await b.execute();
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('scan_credential_spans')
    .addColumn('cti', 'text', (c) => c.primaryKey())
    .addColumn('first_at', 'text', (c) => c.notNull())
    .addColumn('last_at', 'text', (c) => c.notNull())
    .addColumn('last_scan_id', 'text', (c) => c.notNull())
    .addColumn('last_checkpoint_id', 'text', (c) => c.notNull())
    .addColumn('last_ward_code', 'text', (c) => c.notNull())
    .addColumn('last_district_code', 'text', (c) => c.notNull())
    .addColumn('last_province_code', 'text', (c) => c.notNull())
    .execute();
  await rebuildCredentialSpans(db as never);
  for (const ix of REPLACED) {
    await db.schema.dropIndex(ix.name).execute();
    await createIndex(db, ix.name, ix.table, ix.columns, ix.flagged);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const ix of REPLACED) {
    await db.schema.dropIndex(ix.name).execute();
    await createIndex(db, ix.name, ix.table, ix.old, ix.flagged);
  }
  await db.schema.dropTable('scan_credential_spans').execute();
}
