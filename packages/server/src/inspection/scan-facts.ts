import { type Kysely, PostgresAdapter, sql } from 'kysely';
import type { Executor, ScanRow } from '../db/schema.js';
import { FAILING_VERDICTS } from './anomaly-kinds.js';
import { addToSpans, rebuildCredentialSpans, scanOrder, spansOf } from './credential-spans.js';

/**
 * Facts derived from the scan log as scans are stored, so that the charts and the copy
 * detection never read a month of raw scans:
 * - `scan_hourly_counts`: scans per (checkpoint-owner ward, UTC hour, verdict). Việt Nam has
 *   no daylight saving and a whole-hour offset, so UTC hours are Việt Nam hours shifted by 7.
 * - `scan_close_pairs`: two consecutive scans of one credential (by time) at two different
 *   checkpoints at most CLOSE_PAIR_WINDOW_MS apart. A copy shows as such a pair whose
 *   checkpoints are too far apart for the time between them; the distance is checked when
 *   read (coordinates can be edited). Consecutive pairs are enough: if every consecutive
 *   leg is a plausible speed, so is any pair further apart (triangle inequality).
 * - `scan_credential_spans`: each credential's first and last scan (credential-spans.ts).
 * All are written in the transaction that stores the scans, for the scans it actually
 * stored (a retried batch adds nothing); `thonghanh db rebuild-scan-facts` recomputes them.
 */
export const CLOSE_PAIR_WINDOW_MS = 2 * 3_600_000;

/**
 * The scans a device flagged, as the partial indexes of migrations 007 and 011 define them. Written
 * word for word in the queries (SQLite uses a partial index only for a query that repeats its
 * condition; literals, not parameters).
 */
export const FLAGGED_SCAN = "verdict in ('revoked', 'expired', 'bad_signature', 'unknown_key') or warnings <> '[]'";
/** The same for a table alias `s`. */
export const FLAGGED_SCAN_S =
  "(s.verdict in ('revoked', 'expired', 'bad_signature', 'unknown_key') or s.warnings <> '[]')";

/** Verdicts counted as failures in `scan_unit_days` (inspection/anomaly-kinds.ts FAILING_VERDICTS). */
const FAILING = new Set<string>(FAILING_VERDICTS);
const VN_OFFSET_MS = 7 * 3_600_000;
/** The Việt Nam date of an ISO instant. */
export const vnDayOf = (iso: string): string => new Date(Date.parse(iso) + VN_OFFSET_MS).toISOString().slice(0, 10);

/** What recording needs of a stored scan. */
export type StoredScan = Pick<
  ScanRow,
  | 'id'
  | 'checkpoint_id'
  | 'ward_code'
  | 'district_code'
  | 'province_code'
  | 'scanned_at'
  | 'verdict'
  | 'cti'
  | 'unit_tax_code'
>;

const CHUNK = 500;

export async function recordScanFacts(db: Executor, stored: StoredScan[]): Promise<void> {
  if (stored.length === 0) return;
  await addHourlyCounts(db, stored);
  await addUnitDays(db, stored);
  await addClosePairs(db, stored);
  await addToSpans(db, stored);
}

async function addUnitDays(db: Executor, stored: StoredScan[]): Promise<void> {
  const groups = new Map<
    string,
    {
      ward_code: string;
      day: string;
      unit_tax_code: string;
      district_code: string;
      province_code: string;
      total: number;
      failed: number;
    }
  >();
  for (const s of stored) {
    if (!s.unit_tax_code) continue;
    const day = vnDayOf(s.scanned_at);
    const key = `${s.ward_code}|${day}|${s.unit_tax_code}`;
    let g = groups.get(key);
    if (!g) {
      g = {
        ward_code: s.ward_code,
        day,
        unit_tax_code: s.unit_tax_code,
        district_code: s.district_code,
        province_code: s.province_code,
        total: 0,
        failed: 0,
      };
      groups.set(key, g);
    }
    g.total++;
    if (FAILING.has(s.verdict)) g.failed++;
  }
  const rows = [...groups.keys()].sort().map((k) => groups.get(k)!);
  for (let i = 0; i < rows.length; i += CHUNK) {
    await db
      .insertInto('scan_unit_days')
      .values(rows.slice(i, i + CHUNK))
      .onConflict((oc) =>
        oc.columns(['ward_code', 'day', 'unit_tax_code']).doUpdateSet((eb) => ({
          total: eb('scan_unit_days.total', '+', eb.ref('excluded.total')),
          failed: eb('scan_unit_days.failed', '+', eb.ref('excluded.failed')),
        })),
      )
      .execute();
  }
}

/** `YYYY-MM-DDTHH` of an ISO instant (UTC). */
export const hourOf = (iso: string): string => iso.slice(0, 13);

async function addHourlyCounts(db: Executor, stored: StoredScan[]): Promise<void> {
  const groups = new Map<
    string,
    { ward_code: string; hour: string; verdict: string; district_code: string; province_code: string; n: number }
  >();
  for (const s of stored) {
    const hour = hourOf(s.scanned_at);
    const key = `${s.ward_code}|${hour}|${s.verdict}`;
    const g = groups.get(key);
    if (g) g.n++;
    else
      groups.set(key, {
        ward_code: s.ward_code,
        hour,
        verdict: s.verdict,
        district_code: s.district_code,
        province_code: s.province_code,
        n: 1,
      });
  }
  // One order for every writer: two batches updating the same rows never wait in a cycle.
  const rows = [...groups.keys()].sort().map((k) => groups.get(k)!);
  for (let i = 0; i < rows.length; i += CHUNK) {
    await db
      .insertInto('scan_hourly_counts')
      .values(rows.slice(i, i + CHUNK))
      .onConflict((oc) =>
        oc
          .columns(['ward_code', 'hour', 'verdict'])
          .doUpdateSet((eb) => ({ n: eb('scan_hourly_counts.n', '+', eb.ref('excluded.n')) })),
      )
      .execute();
  }
}

type PairScan = Pick<
  ScanRow,
  'id' | 'cti' | 'scanned_at' | 'checkpoint_id' | 'ward_code' | 'district_code' | 'province_code'
>;

/** Consecutive pairs (by time, then id) at two checkpoints within the window, among `scans` of one credential. */
export function closePairsOf(scans: PairScan[], involving?: Set<string>) {
  const sorted = [...scans].sort((a, b) =>
    a.scanned_at < b.scanned_at ? -1 : a.scanned_at > b.scanned_at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
  );
  const out = [];
  for (let i = 1; i < sorted.length; i++) {
    const a = sorted[i - 1]!;
    const b = sorted[i]!;
    if (involving && !involving.has(a.id) && !involving.has(b.id)) continue;
    if (a.checkpoint_id === b.checkpoint_id) continue;
    if (Date.parse(b.scanned_at) - Date.parse(a.scanned_at) > CLOSE_PAIR_WINDOW_MS) continue;
    out.push({
      first_scan_id: a.id,
      second_scan_id: b.id,
      cti: a.cti as string,
      first_at: a.scanned_at,
      second_at: b.scanned_at,
      first_checkpoint_id: a.checkpoint_id,
      second_checkpoint_id: b.checkpoint_id,
      first_ward_code: a.ward_code,
      second_ward_code: b.ward_code,
      first_district_code: a.district_code,
      second_district_code: b.district_code,
      first_province_code: a.province_code,
      second_province_code: b.province_code,
    });
  }
  return out;
}

/**
 * The close pairs that the stored scans make. A credential's new scans that all come after its
 * last scan so far (its span, read before this batch widens it) pair with that last scan and
 * with each other: no need to read the scan log. Scans that arrive out of order (a device
 * that synced late) are paired from the scan log around them, as before the spans existed.
 */
async function addClosePairs(db: Executor, stored: StoredScan[]): Promise<void> {
  const byCti = new Map<string, StoredScan[]>();
  for (const s of stored) {
    if (!s.cti) continue;
    const list = byCti.get(s.cti);
    if (list) list.push(s);
    else byCti.set(s.cti, [s]);
  }
  if (byCti.size === 0) return;
  const ids = new Set(stored.map((s) => s.id));
  const ctis = [...byCti.keys()].sort();
  const spans = await spansOf(db, ctis);
  const pairs: ReturnType<typeof closePairsOf> = [];
  const late: StoredScan[] = [];
  for (const cti of ctis) {
    const mine = (byCti.get(cti) as StoredScan[]).sort(scanOrder);
    const span = spans.get(cti);
    if (span && scanOrder(mine[0] as StoredScan, { scanned_at: span.last_at, id: span.last_scan_id }) <= 0) {
      late.push(...mine);
      continue;
    }
    const list: PairScan[] = span
      ? [
          {
            id: span.last_scan_id,
            cti,
            scanned_at: span.last_at,
            checkpoint_id: span.last_checkpoint_id,
            ward_code: span.last_ward_code,
            district_code: span.last_district_code,
            province_code: span.last_province_code,
          },
          ...mine,
        ]
      : mine;
    if (list.length > 1) pairs.push(...closePairsOf(list, ids));
  }
  if (late.length > 0) pairs.push(...(await closePairsFromLog(db, late, ids)));
  pairs.sort((a, b) => (a.first_scan_id + a.second_scan_id < b.first_scan_id + b.second_scan_id ? -1 : 1));
  for (let i = 0; i < pairs.length; i += CHUNK) {
    await db
      .insertInto('scan_close_pairs')
      .values(pairs.slice(i, i + CHUNK))
      .onConflict((oc) => oc.columns(['first_scan_id', 'second_scan_id']).doNothing())
      .execute();
  }
}

/** Close pairs involving `scans` (stored now), from the scan log within the window around them. */
async function closePairsFromLog(db: Executor, scans: StoredScan[], ids: Set<string>) {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const s of scans) {
    const t = Date.parse(s.scanned_at);
    if (t < lo) lo = t;
    if (t > hi) hi = t;
  }
  const from = new Date(lo - CLOSE_PAIR_WINDOW_MS).toISOString();
  const to = new Date(hi + CLOSE_PAIR_WINDOW_MS).toISOString();
  const ctis = [...new Set(scans.map((s) => s.cti as string))].sort();
  const pairs = [];
  for (let i = 0; i < ctis.length; i += CHUNK) {
    const near = await db
      .selectFrom('scans')
      .select(['id', 'cti', 'scanned_at', 'checkpoint_id', 'ward_code', 'district_code', 'province_code'])
      .where('cti', 'in', ctis.slice(i, i + CHUNK))
      .where('scanned_at', '>=', from)
      .where('scanned_at', '<=', to)
      .execute();
    const byCti = new Map<string, PairScan[]>();
    for (const s of near) {
      const list = byCti.get(s.cti as string);
      if (list) list.push(s);
      else byCti.set(s.cti as string, [s]);
    }
    for (const list of byCti.values()) if (list.length > 1) pairs.push(...closePairsOf(list, ids));
  }
  return pairs;
}

/**
 * Recomputes every fact derived from the scans from the whole scan log, set-based (bulk loads
 * that insert scans directly, `thonghanh db rebuild-scan-facts`). Idempotent.
 */
// biome-ignore lint/suspicious/noExplicitAny: runs on untyped handles too
export async function rebuildScanFacts(db: Kysely<any>): Promise<void> {
  await rebuildCountsAndPairs(db);
  await rebuildCredentialSpans(db);
}

/**
 * The hourly counts, unit days and close pairs from the whole scan log (migration 007, which
 * introduced them, calls this: the spans come with migration 011).
 */
// biome-ignore lint/suspicious/noExplicitAny: runs on the migration's untyped handle too
export async function rebuildCountsAndPairs(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await sql`delete from scan_hourly_counts`.execute(db);
  await sql`delete from scan_close_pairs`.execute(db);
  await sql`delete from scan_unit_days`.execute(db);
  const day = postgres
    ? sql`to_char(cast(scanned_at as timestamptz) at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD')`
    : sql`substr(datetime(scanned_at, '+7 hours'), 1, 10)`;
  const failing = sql.join(FAILING_VERDICTS.map((v) => sql.lit(v)));
  await sql`insert into scan_unit_days (ward_code, day, unit_tax_code, district_code, province_code, total, failed)
    select ward_code, ${day}, unit_tax_code, min(district_code), min(province_code), count(*),
      sum(case when verdict in (${failing}) then 1 else 0 end)
    from scans where unit_tax_code is not null group by ward_code, ${day}, unit_tax_code`.execute(db);
  await sql`insert into scan_hourly_counts (ward_code, hour, verdict, district_code, province_code, n)
    select ward_code, substr(scanned_at, 1, 13), verdict, min(district_code), min(province_code), count(*)
    from scans group by ward_code, substr(scanned_at, 1, 13), verdict`.execute(db);
  const within = postgres
    ? sql`cast(x.scanned_at as timestamptz) - cast(x.prev_at as timestamptz) <= interval '2 hours'`
    : sql`julianday(x.scanned_at) - julianday(x.prev_at) <= ${CLOSE_PAIR_WINDOW_MS / 86_400_000}`;
  await sql`insert into scan_close_pairs (first_scan_id, second_scan_id, cti, first_at, second_at,
      first_checkpoint_id, second_checkpoint_id, first_ward_code, second_ward_code,
      first_district_code, second_district_code, first_province_code, second_province_code)
    select x.prev_id, x.id, x.cti, x.prev_at, x.scanned_at, x.prev_cp, x.checkpoint_id, x.prev_ward, x.ward_code,
      x.prev_district, x.district_code, x.prev_province, x.province_code
    from (
      select s.id, s.cti, s.scanned_at, s.checkpoint_id, s.ward_code, s.district_code, s.province_code,
        lag(s.id) over w as prev_id, lag(s.scanned_at) over w as prev_at, lag(s.checkpoint_id) over w as prev_cp,
        lag(s.ward_code) over w as prev_ward, lag(s.district_code) over w as prev_district,
        lag(s.province_code) over w as prev_province
      from scans s where s.cti is not null
      window w as (partition by s.cti order by s.scanned_at, s.id)
    ) x
    where x.prev_id is not null and x.prev_cp <> x.checkpoint_id and ${within}`.execute(db);
}
