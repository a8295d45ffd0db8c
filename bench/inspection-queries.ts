/**
 * Post-inspection and chart queries on a big scan log: 1,000,000 scans and 100,000 permits
 * of Long Biên's 14 wards over four weeks, on SQLite and (DATABASE_URL) PostgreSQL. Goal:
 * p95 ≤ 500 ms for each query. The data is generated with a seeded PRNG and bulk-loaded
 * (multi-row INSERTs on SQLite, one JSON parameter per 10,000 rows on PostgreSQL, foreign
 * keys off while loading), then the derived facts are rebuilt set-based, as the migration does.
 *
 *   node --import tsx bench/inspection-queries.ts
 *   DATABASE_URL=postgres://… node --import tsx bench/inspection-queries.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CompiledQuery, sql } from 'kysely';
import { bindAuditKey } from '../packages/server/src/audit/audit-key.js';
import { createDatabase, dialectOf } from '../packages/server/src/db/database.js';
import { migrateOrThrow } from '../packages/server/src/db/migrate.js';
import type { Db } from '../packages/server/src/db/schema.js';
import { seededRng } from '../packages/server/src/demo/demo-random.js';
import { ANOMALY_KINDS, DEFAULT_FAILURE_THRESHOLD } from '../packages/server/src/inspection/anomaly-kinds.js';
import { describeFindings } from '../packages/server/src/inspection/describe-findings.js';
import { countByKind, findAnomalies } from '../packages/server/src/inspection/find-anomalies.js';
import { resolveArea } from '../packages/server/src/inspection/inspection-area.js';
import { rebuildScanFacts } from '../packages/server/src/inspection/scan-facts.js';
import { seedAdminUnits } from '../packages/server/src/jurisdictions/seed-admin-units.js';
import { type Bucket, collectSeries } from '../packages/server/src/workflow/stats/series.js';
import type { StatsArea } from '../packages/server/src/workflow/stats/stats-sections.js';
import { openBenchDatabase } from './bench-database.js';
import type { Section } from './table.js';

export interface InspectionBenchOptions {
  scans?: number;
  permits?: number;
  runs?: number;
}

interface QueryResult {
  database: string;
  query: string;
  rows: string;
  p50: number;
  p95: number;
  max: number;
}

const DAY = 86_400_000;
/** The four weeks of the data: Việt Nam days from 20/07/2021. */
const START = Date.parse('2021-07-19T17:00:00.000Z');
const WEEKS = 4;
const END = START + WEEKS * 7 * DAY;

const pad = (n: number, w: number) => String(n).padStart(w, '0');

function uuid(rng: ReturnType<typeof seededRng>): string {
  const h = Array.from({ length: 32 }, () => Math.floor(rng.next() * 16).toString(16)).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20)}`;
}
function cti(rng: ReturnType<typeof seededRng>): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  return Array.from({ length: 22 }, () => alphabet[Math.floor(rng.next() * 64)]).join('');
}

const insertSql = new Map<string, string>();

/** Bulk insert: one JSON parameter per 10,000 rows on PostgreSQL, 400-row INSERTs on SQLite. */
async function bulkInsert(db: Db, table: string, rows: Array<Record<string, unknown>>): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0] as object);
  if (dialectOf(db) === 'postgres') {
    const cols = sql.join(columns.map((c) => sql.ref(c)));
    for (let i = 0; i < rows.length; i += 10_000) {
      const json = JSON.stringify(rows.slice(i, i + 10_000));
      await sql`insert into ${sql.table(table)} (${cols}) select ${cols} from json_populate_recordset(null::${sql.table(table)}, ${json}::json)`.execute(
        db,
      );
    }
    return;
  }
  const size = Math.max(1, Math.floor(30_000 / columns.length));
  for (let i = 0; i < rows.length; i += size) {
    const chunk = rows.slice(i, i + size);
    const key = `${table}:${chunk.length}`;
    let text = insertSql.get(key);
    if (!text) {
      const tuple = `(${columns.map(() => '?').join(',')})`;
      text = `insert into ${table} (${columns.join(',')}) values ${Array.from({ length: chunk.length }, () => tuple).join(',')}`;
      insertSql.set(key, text);
    }
    await db.executeQuery(
      CompiledQuery.raw(
        text,
        chunk.flatMap((r) => columns.map((c) => r[c])),
      ),
    );
  }
}

/** Generates and loads the data set; returns the wards and what the queries need. */
async function seed(db: Db, o: Required<InspectionBenchOptions>) {
  const rng = seededRng(20210720);
  const wards = await db
    .selectFrom('admin_units')
    .select('code')
    .where('district_code', '=', '004')
    .where('level', '=', 'ward')
    .orderBy('code')
    .execute();
  const at = new Date(START - 30 * DAY).toISOString();
  const checkpoints = wards.flatMap((w, wi) =>
    [0, 1, 2].map((k) => ({
      id: uuid(rng),
      owner_ward_code: w.code,
      ward_code: w.code,
      name: `Chốt ${wi + 1}.${k + 1}`,
      place: 'Đo hiệu năng',
      active: 1,
      latitude: 21.03 + rng.next() * 0.05,
      longitude: 105.86 + rng.next() * 0.07,
      created_at: at,
      updated_at: at,
    })),
  );
  const businesses = Array.from({ length: Math.ceil(o.permits / 50) }, (_, i) => {
    const ward = wards[i % wards.length]!.code;
    return {
      id: uuid(rng),
      tax_code: `0${pad(100000000 + i, 9)}`,
      name: `Công ty đo hiệu năng số ${i + 1}`,
      name_key: `cong ty do hieu nang so ${i + 1}`,
      address: 'Long Biên',
      ward_code: ward,
      district_code: '004',
      province_code: '01',
      line_of_business: '',
      contact_name: 'Người liên hệ',
      contact_phone: '0900000000',
      contact_email: null,
      status: 'active',
      status_reason: null,
      registered_via: 'self',
      created_by: null,
      created_at: at,
      updated_at: at,
    };
  });
  const dossiers = businesses.map((b) => {
    const submitted = START + rng.next() * (END - START - 5 * DAY);
    const decided = submitted + rng.next() * 5 * DAY;
    return {
      id: uuid(rng),
      business_id: b.id,
      ward_code: b.ward_code,
      district_code: '004',
      province_code: '01',
      kind: 'initial',
      channel: 'online',
      state: 'approved',
      plan_from: '2021-07-20',
      plan_to: '2021-09-30',
      note: '',
      reference_number: null,
      submitted_at: new Date(submitted).toISOString(),
      due_at: new Date(submitted + 3 * DAY).toISOString(),
      reminded_at: null,
      health_confirmed_at: null,
      decided_at: new Date(decided).toISOString(),
      state_note: null,
      created_by: null,
      created_at: at,
      updated_at: at,
    };
  });
  const permits = Array.from({ length: o.permits }, (_, i) => {
    const b = businesses[Math.floor(i / 50)]!;
    const issued = START + rng.next() * (END - START);
    const revoked = rng.chance(0.03) ? issued + rng.next() * (END - issued) : null;
    return {
      id: uuid(rng),
      business_id: b.id,
      staff_id: uuid(rng),
      ward_code: b.ward_code,
      district_code: '004',
      province_code: '01',
      serial: `${pad((i % 50) + 1, 4)}/GĐĐ`,
      year: 2021,
      seq: (i % 50) + 1,
      cti: cti(rng),
      kid: 'bench',
      qr_text: '',
      valid_from: new Date(START - DAY).toISOString(),
      valid_to: '2021-09-30T17:00:00.000Z',
      status: revoked ? 'revoked' : 'active',
      revoked_reason: revoked ? 'Nghỉ việc' : null,
      revoked_by: null,
      revoked_at: revoked ? new Date(revoked).toISOString() : null,
      holder: `Người lao động ${i + 1}`,
      holder_key: `nguoi lao dong ${i + 1}`,
      id_type: 'CCCD',
      id_number: `0010900${pad(i, 5)}`,
      position: null,
      workplace: null,
      residence: 'Long Biên',
      purpose: 'Đi làm',
      route_from: 'Nhà',
      route_to: 'Công ty',
      route_wards: '[]',
      schedule: null,
      issued_by: null,
      issued_at: new Date(issued).toISOString(),
    };
  });
  await bulkInsert(db, 'checkpoints', checkpoints);
  await bulkInsert(db, 'businesses', businesses);
  await bulkInsert(db, 'dossiers', dossiers);
  await bulkInsert(db, 'permits', permits);

  const cpsOf = new Map<string, typeof checkpoints>();
  for (const c of checkpoints) cpsOf.set(c.owner_ward_code, [...(cpsOf.get(c.owner_ward_code) ?? []), c]);
  const taxOf = new Map(businesses.map((b) => [b.id, b.tax_code]));
  // 5 % of the permits are never shown; the rest are scanned at commute hours.
  const shown = permits.filter(() => !rng.chance(0.05));
  const batch: Array<Record<string, unknown>> = [];
  let made = 0;
  const flush = async () => {
    await bulkInsert(db, 'scans', batch);
    batch.length = 0;
  };
  while (made < o.scans) {
    const p = shown[Math.floor(rng.next() * shown.length)]!;
    const day = Math.floor(rng.next() * WEEKS * 7);
    const hour = rng.chance(0.5) ? 6 + rng.next() * 3 : rng.chance(0.8) ? 16 + rng.next() * 3 : rng.next() * 24;
    const t = START + day * DAY + hour * 3_600_000;
    const home = cpsOf.get(rng.chance(0.8) ? p.ward_code : wards[Math.floor(rng.next() * wards.length)]!.code)!;
    const c = home[Math.floor(rng.next() * home.length)]!;
    const r = rng.next();
    const revoked = p.revoked_at && t > Date.parse(p.revoked_at);
    const verdict = revoked
      ? rng.chance(0.9)
        ? 'revoked'
        : 'valid'
      : r < 0.01
        ? 'expired'
        : r < 0.013
          ? 'bad_signature'
          : r < 0.015
            ? 'unknown_key'
            : 'valid';
    const w = rng.next();
    const warnings =
      verdict !== 'valid'
        ? '[]'
        : w < 0.01
          ? '["off_route"]'
          : w < 0.015
            ? '["outside_schedule"]'
            : w < 0.017
              ? '["identity_mismatch"]'
              : '[]';
    const at = new Date(t).toISOString();
    batch.push({
      id: uuid(rng),
      checkpoint_id: c.id,
      ward_code: c.owner_ward_code,
      district_code: '004',
      province_code: '01',
      officer_id: null,
      scanned_at: at,
      received_at: at,
      verdict,
      warnings,
      kind: 'permit',
      cti: verdict === 'unknown_key' ? null : p.cti,
      serial: p.serial,
      id_number: p.id_number,
      unit_tax_code: taxOf.get(p.business_id) ?? null,
    });
    made++;
    if (batch.length >= 50_000) await flush();
  }
  await flush();
  return { wards: wards.map((w) => w.code) };
}

/**
 * The secondary indexes of `scans`, dropped before the bulk load and created again after it:
 * building an index once from a million rows (sorted) is far faster than keeping seven
 * indexes up to date row by row, and the queries then read the same indexes as in use.
 */
async function withoutScanIndexes<T>(db: Db, load: () => Promise<T>): Promise<T> {
  const postgres = dialectOf(db) === 'postgres';
  const defs = postgres
    ? (
        await sql<{ name: string; def: string }>`select indexname as name, indexdef as def from pg_indexes
          where schemaname = current_schema() and tablename = 'scans' and indexname <> 'scans_pkey'`.execute(db)
      ).rows
    : (
        await sql<{ name: string; def: string }>`select name, sql as def from sqlite_master
          where type = 'index' and tbl_name = 'scans' and sql is not null`.execute(db)
      ).rows;
  for (const d of defs) await sql`drop index ${sql.ref(d.name)}`.execute(db);
  const out = await load();
  for (const d of defs) await sql.raw(d.def).execute(db);
  return out;
}

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? 0;
};

async function measure(
  runs: number,
  fn: () => Promise<number>,
): Promise<{ p50: number; p95: number; max: number; rows: number }> {
  let rows = 0;
  for (let i = 0; i < 2; i++) rows = await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    rows = await fn();
    times.push(performance.now() - t0);
  }
  const round = (x: number) => Math.round(x * 10) / 10;
  return { p50: round(percentile(times, 50)), p95: round(percentile(times, 95)), max: round(Math.max(...times)), rows };
}

export async function benchInspectionOn(
  kind: 'sqlite' | 'postgres',
  options: InspectionBenchOptions = {},
): Promise<{ results: QueryResult[]; loadSeconds: number; factsSeconds: number }> {
  const o = { scans: options.scans ?? 1_000_000, permits: options.permits ?? 100_000, runs: options.runs ?? 20 };
  // BENCH_KEEP=<dir>: keep the loaded database (SQLite file in <dir>, PostgreSQL schema
  // bench_keep_inspection) and reuse it on the next run, to iterate on queries without reloading.
  const keep = process.env.BENCH_KEEP;
  const dir = keep ?? mkdtempSync(join(tmpdir(), 'thonghanh-bench-inspection-'));
  const { config, drop } = await openBenchDatabase(kind, dir, keep ? 'bench_keep_inspection' : undefined);
  // PostgreSQL: the app's pool of 10, so the kinds' queries run at once as in the route
  // (BENCH_POOL=1: one connection). SQLite has one connection whatever this says.
  const db = createDatabase(config, { poolSize: Number(process.env.BENCH_POOL ?? 10) });
  bindAuditKey(db, { auditKey: undefined, keysDir: join(dir, 'keys') });
  try {
    await migrateOrThrow(db);
    const loaded = keep && (await db.selectFrom('permits').select('id').limit(1).executeTakeFirst());
    if (!loaded) await seedAdminUnits(db, { provinces: ['01'] });
    const t0 = performance.now();
    let appCache: number | undefined;
    if (kind === 'postgres') await sql`set session_replication_role = replica`.execute(db);
    else {
      await sql`pragma foreign_keys = off`.execute(db);
      // A large page cache while loading only (the queries run with the app's own setting).
      appCache = (await sql<{ cache_size: number }>`pragma cache_size`.execute(db)).rows[0]?.cache_size ?? -2000;
      await sql`pragma cache_size = -400000`.execute(db);
    }
    const wards = loaded
      ? (
          await db
            .selectFrom('admin_units')
            .select('code')
            .where('district_code', '=', '004')
            .where('level', '=', 'ward')
            .orderBy('code')
            .execute()
        ).map((w) => w.code)
      : (await db.transaction().execute((tx) => withoutScanIndexes(tx, () => seed(tx, o)))).wards;
    const loadSeconds = (performance.now() - t0) / 1000;
    const t1 = performance.now();
    if (!loaded) await db.transaction().execute((tx) => rebuildScanFacts(tx));
    const factsSeconds = (performance.now() - t1) / 1000;
    if (kind === 'postgres') await sql`set session_replication_role = origin`.execute(db);
    else await sql`pragma foreign_keys = on`.execute(db);
    if (appCache !== undefined) await sql.raw(`pragma cache_size = ${Number(appCache)}`).execute(db);
    if (!loaded) {
      if (kind === 'postgres') await sql`vacuum analyze`.execute(db);
      else await sql`analyze`.execute(db);
    }

    const now = new Date(END);
    const week = { from: new Date(END - 7 * DAY).toISOString(), to: new Date(END).toISOString() };
    const month = { from: new Date(START).toISOString(), to: new Date(END).toISOString() };
    const ward: StatsArea = { wardCode: wards[0] as string };
    const district: StatsArea = { districtCode: '004' };
    const city: StatsArea = { provinceCode: '01' };
    const anomalies = (area: StatsArea, period: { from: string; to: string }) => async () => {
      const found = await findAnomalies(db, {
        area: await resolveArea(db, area),
        ...period,
        now,
        threshold: DEFAULT_FAILURE_THRESHOLD,
      });
      countByKind(found, ANOMALY_KINDS);
      await describeFindings(db, found.slice(0, 50));
      return found.length;
    };
    const series = (area: StatsArea, period: { from: string; to: string }, bucket: Bucket) => async () => {
      const s = await collectSeries(db, area, await resolveArea(db, area), period, bucket);
      return s.scans.reduce((n, b) => n + b.total, 0);
    };
    if (process.env.BENCH_PROFILE) {
      for (const k of ANOMALY_KINDS) {
        const t = performance.now();
        const f = await findAnomalies(db, {
          area: await resolveArea(db, district),
          ...week,
          now,
          threshold: DEFAULT_FAILURE_THRESHOLD,
          kinds: new Set([k]),
        });
        console.log(`    ${k}: ${(performance.now() - t).toFixed(0)} ms, ${f.length}`);
      }
    }
    const queries: Array<[string, () => Promise<number>, string]> = [
      ['anomalies: a ward, 7 days (page 1 of 50)', anomalies(ward, week), 'findings'],
      ['anomalies: the district, 7 days', anomalies(district, week), 'findings'],
      ['anomalies: the city, 7 days', anomalies(city, week), 'findings'],
      ['anomalies: the district, 28 days', anomalies(district, month), 'findings'],
      ['chart: a ward, 28 days by day', series(ward, month, 'day'), 'scans counted'],
      ['chart: the district, 7 days by hour', series(district, week, 'hour'), 'scans counted'],
      ['chart: the city, 28 days by day', series(city, month, 'day'), 'scans counted'],
    ];
    const results: QueryResult[] = [];
    for (const [name, fn, unit] of queries) {
      const m = await measure(o.runs, fn);
      results.push({
        database: kind,
        query: name,
        rows: `${m.rows.toLocaleString('en')} ${unit}`,
        p50: m.p50,
        p95: m.p95,
        max: m.max,
      });
      console.log(`  ${kind} ${name}: p50 ${m.p50} ms, p95 ${m.p95} ms (${m.rows} ${unit})`);
    }
    return { results, loadSeconds, factsSeconds };
  } finally {
    await db.destroy();
    if (!keep) {
      await drop();
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

export async function benchInspection(options: InspectionBenchOptions = {}): Promise<Section> {
  // BENCH_ONLY=sqlite|postgres runs one database.
  const only = process.env.BENCH_ONLY;
  const runs = only === 'postgres' ? [] : [await benchInspectionOn('sqlite', options)];
  const kinds = only === 'postgres' ? [] : ['sqlite'];
  if (process.env.DATABASE_URL?.startsWith('postgres') && only !== 'sqlite') {
    runs.push(await benchInspectionOn('postgres', options));
    kinds.push('postgres');
  }
  const rows = runs.flatMap((r) => r.results);
  return {
    tables: [
      {
        title: 'Post-inspection and chart queries, 1,000,000 scans and 100,000 permits (goal: p95 ≤ 500 ms)',
        headers: ['database', 'query', 'result', 'p50', 'p95', 'max', '≤ 500 ms'],
        right: [2, 3, 4, 5],
        rows: rows.map((r) => [
          r.database,
          r.query,
          r.rows,
          `${r.p50} ms`,
          `${r.p95} ms`,
          `${r.max} ms`,
          r.p95 <= 500 ? 'yes' : 'no',
        ]),
      },
    ],
    notes: [
      `Load (generate + bulk insert, the scans’ secondary indexes built after the load): ${runs.map((r, i) => `${kinds[i]} ${r.loadSeconds.toFixed(0)} s`).join(', ')}; ` +
        `derived facts rebuilt set-based (hourly counts, close pairs): ${runs.map((r, i) => `${kinds[i]} ${r.factsSeconds.toFixed(1)} s`).join(', ')}.`,
      'Data: Long Biên’s 14 wards, 3 checkpoints each (placed at random in the district), 2,000 units of 50 permits (3 % revoked), ' +
        '5 % of permits never shown, scans over four weeks at commute hours (80 % at the holder’s ward): 1 % expired, 0.3 % bad signature, ' +
        '0.2 % unknown issuer, revoked permits refused 9 times in 10, 1 % off route, 0.5 % outside schedule, 0.2 % identity mismatch. ' +
        'Each query is what its route runs (findings found, counted by kind, the first 50 described; the series with its three parts), ' +
        '2 warm-up runs then 20 timed, one after the other (PostgreSQL: the app’s pool of 10 connections).',
    ],
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const section = await benchInspection({
    ...(process.env.BENCH_SCANS ? { scans: Number(process.env.BENCH_SCANS) } : {}),
    ...(process.env.BENCH_PERMITS ? { permits: Number(process.env.BENCH_PERMITS) } : {}),
    ...(process.env.BENCH_RUNS ? { runs: Number(process.env.BENCH_RUNS) } : {}),
  });
  console.log(JSON.stringify(section, null, 2));
}
