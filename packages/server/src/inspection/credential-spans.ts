import { CompiledQuery, type Kysely, sql } from 'kysely';
import { dialectOf } from '../db/database.js';
import type { Executor, ScanCredentialSpansTable } from '../db/schema.js';

/**
 * `scan_credential_spans`: for each credential (cti) ever scanned, its first and last scan
 * time and where its last scan was (the last by (scanned_at, id), as the close pairs order
 * scans). Kept in the transaction that stores the scans (inspection/scan-facts.ts), so that
 * - `never_scanned` reads one small row per permit instead of probing the scan log: a permit
 *   whose last scan is before the period, or whose first is after it, was not scanned in it;
 *   one whose first or last scan falls inside was; only a span that strictly contains the
 *   period needs the scan log (find-anomalies.ts);
 * - a new scan later than its credential's last scan (the usual case: devices sync in order)
 *   is paired with that last scan directly, without reading the scan log.
 */
export type CredentialSpan = ScanCredentialSpansTable;

/** A scan as the spans need it. */
export interface SpanScan {
  id: string;
  cti: string | null;
  scanned_at: string;
  checkpoint_id: string;
  ward_code: string;
  district_code: string;
  province_code: string;
}

/** (scanned_at, id) order, as `closePairsOf` sorts (ids compared by code unit). */
export const scanOrder = (a: { scanned_at: string; id: string }, b: { scanned_at: string; id: string }): number =>
  a.scanned_at < b.scanned_at ? -1 : a.scanned_at > b.scanned_at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

const COLUMNS = [
  'cti',
  'first_at',
  'last_at',
  'last_scan_id',
  'last_checkpoint_id',
  'last_ward_code',
  'last_district_code',
  'last_province_code',
] as const satisfies ReadonlyArray<keyof CredentialSpan>;

/** Rows per statement: 8 parameters a row, well under SQLite's 32,766 and PostgreSQL's 65,535. */
const CHUNK = 1000;

/** The spans of these credentials as they are before the current batch, by cti. */
export async function spansOf(db: Executor, ctis: string[]): Promise<Map<string, CredentialSpan>> {
  const out = new Map<string, CredentialSpan>();
  const postgres = dialectOf(db) === 'postgres';
  for (let i = 0; i < ctis.length; i += CHUNK) {
    const chunk = ctis.slice(i, i + CHUNK);
    // One array parameter on PostgreSQL (no 1,000-parameter statement to plan); a list on SQLite.
    const r = postgres
      ? await db.executeQuery<CredentialSpan>(
          CompiledQuery.raw('select * from scan_credential_spans where cti = any($1::text[])', [chunk]),
        )
      : await db.executeQuery<CredentialSpan>(
          CompiledQuery.raw(
            `select * from scan_credential_spans where cti in (${chunk.map(() => '?').join(',')})`,
            chunk,
          ),
        );
    for (const s of r.rows) out.set(s.cti, s);
  }
  return out;
}

const upsertSql = new Map<string, string>();

/**
 * `INSERT … ON CONFLICT (cti) DO UPDATE` widening each span: the earliest first scan, and the
 * last scan's fields from whichever row is later by (scanned_at, id). Computed in SQL against
 * the row as it is when the update runs, so two transactions storing scans of one credential
 * at once both count (PostgreSQL locks the row; SQLite has one writer).
 */
function upsertStatement(postgres: boolean, rows: number): string {
  const key = `${postgres}:${rows}`;
  let text = upsertSql.get(key);
  if (text) return text;
  const width = COLUMNS.length;
  const tuples = Array.from({ length: rows }, (_, r) => {
    const marks = COLUMNS.map((_, c) => (postgres ? `$${r * width + c + 1}` : '?'));
    return `(${marks.join(',')})`;
  });
  const t = 'scan_credential_spans';
  // Ids compared byte by byte on both databases (PostgreSQL's default collation may not).
  const c = postgres ? ' collate "C"' : '';
  const later = `(excluded.last_at > ${t}.last_at or (excluded.last_at = ${t}.last_at and excluded.last_scan_id${c} > ${t}.last_scan_id${c}))`;
  const least = postgres ? 'least' : 'min';
  const pick = (col: string) => `${col} = case when ${later} then excluded.${col} else ${t}.${col} end`;
  text =
    `insert into ${t} (${COLUMNS.join(',')}) values ${tuples.join(',')} on conflict (cti) do update set ` +
    [
      `first_at = ${least}(${t}.first_at, excluded.first_at)`,
      pick('last_at'),
      pick('last_scan_id'),
      pick('last_checkpoint_id'),
      pick('last_ward_code'),
      pick('last_district_code'),
      pick('last_province_code'),
    ].join(', ');
  upsertSql.set(key, text);
  return text;
}

/** Widens the spans of the credentials of `stored` (scans just inserted), in the caller's transaction. */
export async function addToSpans(db: Executor, stored: SpanScan[]): Promise<void> {
  const byCti = new Map<string, CredentialSpan>();
  for (const s of stored) {
    if (!s.cti) continue;
    const span = byCti.get(s.cti);
    if (!span) {
      byCti.set(s.cti, {
        cti: s.cti,
        first_at: s.scanned_at,
        last_at: s.scanned_at,
        last_scan_id: s.id,
        last_checkpoint_id: s.checkpoint_id,
        last_ward_code: s.ward_code,
        last_district_code: s.district_code,
        last_province_code: s.province_code,
      });
      continue;
    }
    if (s.scanned_at < span.first_at) span.first_at = s.scanned_at;
    if (scanOrder(s, { scanned_at: span.last_at, id: span.last_scan_id }) > 0) {
      span.last_at = s.scanned_at;
      span.last_scan_id = s.id;
      span.last_checkpoint_id = s.checkpoint_id;
      span.last_ward_code = s.ward_code;
      span.last_district_code = s.district_code;
      span.last_province_code = s.province_code;
    }
  }
  // One order for every writer: two batches widening the same spans never wait in a cycle.
  const rows = [...byCti.keys()].sort().map((k) => byCti.get(k)!);
  const postgres = dialectOf(db) === 'postgres';
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    await db.executeQuery(
      CompiledQuery.raw(
        upsertStatement(postgres, chunk.length),
        chunk.flatMap((r) => COLUMNS.map((col) => r[col])),
      ),
    );
  }
}

/** Recomputes every span from the scan log, set-based (migration 011, `db rebuild-scan-facts`). */
// biome-ignore lint/suspicious/noExplicitAny: runs on the migration's untyped handle too
export async function rebuildCredentialSpans(db: Kysely<any>): Promise<void> {
  const c = dialectOf(db) === 'postgres' ? sql.raw(' collate "C"') : sql.raw('');
  await sql`delete from scan_credential_spans`.execute(db);
  await sql`insert into scan_credential_spans (cti, first_at, last_at, last_scan_id, last_checkpoint_id,
      last_ward_code, last_district_code, last_province_code)
    select x.cti, x.first_at, x.scanned_at, x.id, x.checkpoint_id, x.ward_code, x.district_code, x.province_code
    from (
      select s.cti, s.scanned_at, s.id, s.checkpoint_id, s.ward_code, s.district_code, s.province_code,
        min(s.scanned_at) over (partition by s.cti) as first_at,
        row_number() over (partition by s.cti order by s.scanned_at desc, s.id${c} desc) as rn
      from scans s where s.cti is not null
    ) x
    where x.rn = 1`.execute(db);
}
