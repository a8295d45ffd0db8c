import { CompiledQuery, sql } from 'kysely';
import { dialectOf } from '../db/database.js';
import type { Executor } from '../db/schema.js';
import {
  type AnomalyKind,
  DISTANCE_SLACK_KM,
  MIN_SCANS_FOR_RATE,
  NEVER_SCANNED_MIN_MS,
  PLAUSIBLE_SPEED_KMH,
  SCAN_KIND_OF_VERDICT,
  SCAN_KIND_OF_WARNING,
} from './anomaly-kinds.js';
import { distanceKm } from './geo.js';
import { inResolvedArea, type ResolvedArea } from './inspection-area.js';
import { CLOSE_PAIR_WINDOW_MS, FLAGGED_SCAN_S, vnDayOf } from './scan-facts.js';

/** A finding before it is described: what it is, when, and the rows it rests on. */
export type LightFinding =
  | {
      kind: Exclude<AnomalyKind, 'copy_suspected' | 'never_scanned' | 'unit_high_failure'>;
      key: string;
      at: string;
      scanId: string;
      stale?: boolean;
    }
  | {
      kind: 'copy_suspected';
      key: string;
      at: string;
      scanIds: [string, string];
      distanceKm: number;
      seconds: number;
    }
  | { kind: 'never_scanned'; key: string; at: string; businessId: string; permitIds: string[] }
  | { kind: 'unit_high_failure'; key: string; at: string; businessId: string; failed: number; total: number };

export interface FindOptions {
  area: ResolvedArea;
  /** ISO instants, `from` inclusive, `to` exclusive. */
  from: string;
  to: string;
  now: Date;
  /** Only these kinds (default: all). */
  kinds?: ReadonlySet<AnomalyKind>;
  /** Failure-rate threshold, percent. */
  threshold: number;
  /** Narrowing used to find one finding again by its key. */
  scanIds?: string[];
  businessId?: string;
}

const want = (o: FindOptions, k: AnomalyKind) => !o.kinds || o.kinds.has(k);

/**
 * Every finding of the area and period (light: described later, a page at a time). Newest
 * first; the period's findings (never_scanned, unit_high_failure) carry the period's end.
 */
export async function findAnomalies(db: Executor, o: FindOptions): Promise<LightFinding[]> {
  const scanKinds = [
    'revoked_presented',
    'expired_presented',
    'forged',
    'off_route',
    'off_schedule',
    'identity_mismatch',
  ] as const;
  // Started together: on a PostgreSQL pool each runs on its own connection at once (the
  // slowest, never_scanned, first); on SQLite (one connection) they simply run in turn.
  const parts: Array<Promise<LightFinding[]>> = [];
  if (want(o, 'never_scanned')) parts.push(neverScanned(db, o));
  if (scanKinds.some((k) => want(o, k))) parts.push(flaggedScans(db, o));
  if (want(o, 'revoked_presented')) parts.push(revokedButAccepted(db, o));
  if (want(o, 'copy_suspected')) parts.push(copies(db, o));
  if (want(o, 'unit_high_failure')) parts.push(highFailure(db, o));
  const out = (await Promise.all(parts)).flat();
  return out.sort((a, b) => (a.at > b.at ? -1 : a.at < b.at ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** The end of the period as a finding's time: never in the future. */
const periodEnd = (o: FindOptions) => [o.to, o.now.toISOString()].sort()[0] as string;

/** Scans the device itself judged wrong (verdict) or doubtful (warnings). Index-only on the area index. */
async function flaggedScans(db: Executor, o: FindOptions): Promise<LightFinding[]> {
  let q = db
    .selectFrom('scans as s')
    .select(['s.id', 's.scanned_at', 's.verdict', 's.warnings'])
    .where(inResolvedArea(o.area, 's'))
    .where('s.scanned_at', '>=', o.from)
    .where('s.scanned_at', '<', o.to)
    .where(sql<boolean>`${sql.raw(FLAGGED_SCAN_S)}`);
  if (o.scanIds) q = q.where('s.id', 'in', o.scanIds);
  const rows = await q.execute();
  const out: LightFinding[] = [];
  for (const r of rows) {
    const kinds = new Set<AnomalyKind>();
    const byVerdict = SCAN_KIND_OF_VERDICT[r.verdict];
    if (byVerdict) kinds.add(byVerdict);
    if (r.warnings !== '[]') {
      for (const w of JSON.parse(r.warnings) as string[]) {
        const k = SCAN_KIND_OF_WARNING[w];
        if (k) kinds.add(k);
      }
    }
    for (const kind of kinds) {
      if (!want(o, kind)) continue;
      out.push({ kind, key: `${kind}:${r.id}`, at: r.scanned_at, scanId: r.id } as LightFinding);
    }
  }
  return out;
}

/**
 * A permit revoked before it was scanned, yet the device said valid: its revocation list was
 * older than the revocation (offline, or not refreshed). Found from the revoked permits side.
 */
async function revokedButAccepted(db: Executor, o: FindOptions): Promise<LightFinding[]> {
  // The permits revoked before the period's end and still valid in it (few, their covering
  // index), each joined to its scans after its revocation by (cti, time): only the scans
  // found come back, not every scan of a revoked credential, and the plan stays small
  // whatever the size of the scan log.
  let q = db
    .selectFrom('permits as p')
    // CROSS JOIN: SQLite keeps this order (for a ward it would rather read the ward's scans).
    .crossJoin('scans as s')
    .whereRef('s.cti', '=', 'p.cti')
    .whereRef('s.scanned_at', '>', 'p.revoked_at')
    .select(['s.id', 's.scanned_at'])
    .where('p.status', '=', 'revoked')
    .where('p.valid_to', '>', o.from)
    .where('p.revoked_at', '<', o.to)
    .where('s.scanned_at', '>=', o.from)
    .where('s.scanned_at', '<', o.to)
    .where('s.verdict', '=', 'valid')
    .where(inResolvedArea(o.area, 's'));
  if (o.scanIds) q = q.where('s.id', 'in', o.scanIds);
  return (await q.execute()).map((r) => ({
    kind: 'revoked_presented' as const,
    key: `revoked_presented:${r.id}`,
    at: r.scanned_at,
    scanId: r.id,
    stale: true,
  }));
}

/** Close pairs whose checkpoints are farther apart than plausible travel in the time between. */
async function copies(db: Executor, o: FindOptions): Promise<LightFinding[]> {
  // The pairs alone (their covering time index); the checkpoints' coordinates are read once
  // below rather than joined twice per pair (a month of a district is ~50,000 pairs).
  let q = db
    .selectFrom('scan_close_pairs as x')
    .select([
      'x.first_scan_id',
      'x.second_scan_id',
      'x.first_at',
      'x.second_at',
      'x.first_checkpoint_id',
      'x.second_checkpoint_id',
    ])
    .where('x.second_at', '>=', o.from)
    .where('x.first_at', '<', o.to)
    .where((eb) => eb.or([inResolvedArea(o.area, 'x', 'first_'), inResolvedArea(o.area, 'x', 'second_')]));
  if (o.scanIds) q = q.where('x.first_scan_id', 'in', o.scanIds).where('x.second_scan_id', 'in', o.scanIds);
  const longest = await longestPlausibleSeconds(db);
  if (longest <= 0) return [];
  if (longest < CLOSE_PAIR_WINDOW_MS / 1000) {
    // Only pairs quicker than that can be too fast: the rest stay in the database.
    const seconds =
      dialectOf(db) === 'postgres'
        ? sql<number>`extract(epoch from cast(x.second_at as timestamptz) - cast(x.first_at as timestamptz))`
        : sql<number>`(julianday(x.second_at) - julianday(x.first_at)) * 86400`;
    q = q.where(seconds, '<=', longest);
  }
  const rows = await q.execute();
  if (rows.length === 0) return [];
  const ids = [...new Set(rows.flatMap((r) => [r.first_checkpoint_id, r.second_checkpoint_id]))].sort();
  const where = new Map<string, { latitude: number; longitude: number }>();
  for (let i = 0; i < ids.length; i += 500) {
    const cps = await db
      .selectFrom('checkpoints')
      .select(['id', 'latitude', 'longitude'])
      .where('id', 'in', ids.slice(i, i + 500))
      .where('latitude', 'is not', null)
      .execute();
    for (const c of cps) where.set(c.id, { latitude: Number(c.latitude), longitude: Number(c.longitude) });
  }
  const out: LightFinding[] = [];
  for (const r of rows) {
    const a = where.get(r.first_checkpoint_id);
    const b = where.get(r.second_checkpoint_id);
    if (!a || !b) continue;
    const km = distanceKm(a, b);
    const seconds = (Date.parse(r.second_at) - Date.parse(r.first_at)) / 1000;
    if (km <= PLAUSIBLE_SPEED_KMH * (seconds / 3600) + DISTANCE_SLACK_KM) continue;
    out.push({
      kind: 'copy_suspected',
      key: `copy_suspected:${r.first_scan_id}:${r.second_scan_id}`,
      at: r.second_at,
      scanIds: [r.first_scan_id, r.second_scan_id],
      distanceKm: km,
      seconds,
    });
  }
  return out;
}

/**
 * An upper bound of the seconds between a pair's scans for it to be a copy: a pair is one when
 * its checkpoints are farther apart than DISTANCE_SLACK_KM + the distance travelled at
 * PLAUSIBLE_SPEED_KMH, and no two checkpoints are farther apart than the diagonal of the box
 * around them all (widened by 1 % and 0.5 km for the earth's curvature and rounding).
 */
async function longestPlausibleSeconds(db: Executor): Promise<number> {
  // A null longitude reads as 0 in the distance (coalesce): the box must hold it too.
  const box = await db
    .selectFrom('checkpoints')
    .select((eb) => [
      eb.fn.min<number>('latitude').as('lat0'),
      eb.fn.max<number>('latitude').as('lat1'),
      eb.fn.min<number>(eb.fn.coalesce('longitude', sql.lit(0))).as('lon0'),
      eb.fn.max<number>(eb.fn.coalesce('longitude', sql.lit(0))).as('lon1'),
    ])
    .where('latitude', 'is not', null)
    .executeTakeFirst();
  if (box?.lat0 == null || box.lat1 == null) return 0;
  return longestCopySeconds({
    lat0: Number(box.lat0),
    lat1: Number(box.lat1),
    lon0: Number(box.lon0),
    lon1: Number(box.lon1),
  });
}

/** The bound of `longestPlausibleSeconds` for checkpoints inside this box (degrees). */
export function longestCopySeconds(box: { lat0: number; lat1: number; lon0: number; lon1: number }): number {
  const { lat0, lat1, lon0, lon1 } = box;
  const kmPerDegree = 111.2;
  const widest = lat0 <= 0 && lat1 >= 0 ? 1 : Math.cos((Math.min(Math.abs(lat0), Math.abs(lat1)) * Math.PI) / 180);
  const diagonal = Math.hypot((lat1 - lat0) * kmPerDegree, (lon1 - lon0) * kmPerDegree * widest);
  const farthest = diagonal * 1.01 + 0.5;
  return ((farthest - DISTANCE_SLACK_KM) / PLAUSIBLE_SPEED_KMH) * 3600 + 1;
}

/**
 * The area's permits in force at least a day within the period (up to now) that no
 * checkpoint anywhere scanned in the period: one finding per unit, with its permits. One
 * query: the permits (their covering area index) joined to their credential's span of scans
 * (credential-spans.ts), which settles all but the permits scanned both before and after the
 * period; only those are looked up in the scan log.
 */
async function neverScanned(db: Executor, o: FindOptions): Promise<LightFinding[]> {
  const end = periodEnd(o);
  let q = db
    .selectFrom('permits as p')
    .leftJoin('scan_credential_spans as c', 'c.cti', 'p.cti')
    .select(['p.id', 'p.business_id', 'p.valid_from', 'p.valid_to', 'p.issued_at', 'p.revoked_at'])
    .where(inResolvedArea(o.area, 'p'))
    .where('p.valid_from', '<', end)
    .where('p.valid_to', '>', o.from)
    .where('p.issued_at', '<', end)
    .where((eb) => eb.or([eb('p.status', '=', 'active'), eb('p.revoked_at', '>', o.from)]))
    .where((eb) =>
      eb.or([
        eb('c.cti', 'is', null),
        eb('c.last_at', '<', o.from),
        eb('c.first_at', '>=', o.to),
        eb.and([
          eb('c.first_at', '<', o.from),
          eb('c.last_at', '>=', o.to),
          eb.not(
            eb.exists(
              eb
                .selectFrom('scans as s')
                .select(sql`1`.as('one'))
                .whereRef('s.cti', '=', 'p.cti')
                .where('s.scanned_at', '>=', o.from)
                .where('s.scanned_at', '<', o.to),
            ),
          ),
        ]),
      ]),
    );
  if (o.businessId) q = q.where('p.business_id', '=', o.businessId);
  const byUnit = new Map<string, string[]>();
  const endMs = Date.parse(end);
  // Ordered here, not in SQL: an ORDER BY business_id makes SQLite walk the permits by unit
  // (permits_business_idx) and read every permit row instead of the covering area index.
  const rows = (await runNeverScanned(db, o.area, q)).sort((a, b) =>
    a.business_id < b.business_id ? -1 : a.business_id > b.business_id ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
  );
  for (const p of rows) {
    const start = Math.max(Date.parse(o.from), Date.parse(p.valid_from), Date.parse(p.issued_at));
    const stop = Math.min(
      endMs,
      Date.parse(p.valid_to),
      p.revoked_at ? Date.parse(p.revoked_at) : Number.POSITIVE_INFINITY,
    );
    if (stop - start < NEVER_SCANNED_MIN_MS) continue;
    const list = byUnit.get(p.business_id);
    if (list) list.push(p.id);
    else byUnit.set(p.business_id, [p.id]);
  }
  return [...byUnit].map(([businessId, permitIds]) => ({
    kind: 'never_scanned' as const,
    key: `never_scanned:${businessId}:${o.from}:${o.to}`,
    at: end,
    businessId,
    permitIds,
  }));
}

/**
 * Runs `never_scanned`'s query. A district or a city reads its permits through
 * `permits_district_cti_idx` (migration 012), in credential order, so that each permit's span
 * is found next to the previous one's instead of by a descent to a random page:
 * - SQLite (a nested loop, one span lookup per permit) would rather take the (district,
 *   issued_at) index for its `issued_at` range, which in practice excludes nothing: INDEXED BY;
 * - PostgreSQL would rather hash every span (two batches past the default work_mem) than merge
 *   the two index scans, both in cti order, which takes half the time or less: hash joins off
 *   for this statement only (SET LOCAL in its own transaction; inside a caller's transaction,
 *   where that would last until its end, the query runs as planned).
 * A ward (a few thousand permits) keeps its own index and plan.
 */
async function runNeverScanned<R>(db: Executor, area: ResolvedArea, q: { compile(): CompiledQuery<R> }): Promise<R[]> {
  const compiled = q.compile();
  if (area.wardCode) return (await db.executeQuery(compiled)).rows;
  if (dialectOf(db) === 'postgres') {
    if (db.isTransaction) return (await db.executeQuery(compiled)).rows;
    return db.transaction().execute(async (tx) => {
      await sql`set local enable_hashjoin = off`.execute(tx);
      return (await tx.executeQuery(compiled)).rows;
    });
  }
  const from = 'from "permits" as "p"';
  if (!compiled.sql.includes(from)) throw new Error('never_scanned: unexpected SQL');
  const text = compiled.sql.replace(from, `${from} indexed by "permits_district_cti_idx"`);
  return (await db.executeQuery(CompiledQuery.raw(text, [...compiled.parameters]) as CompiledQuery<R>)).rows;
}

/** Units whose scans at the area's checkpoints failed more often than the threshold. Index-only. */
async function highFailure(db: Executor, o: FindOptions): Promise<LightFinding[]> {
  let taxCode: string | undefined;
  if (o.businessId) {
    const b = await db.selectFrom('businesses').select('tax_code').where('id', '=', o.businessId).executeTakeFirst();
    if (!b) return [];
    taxCode = b.tax_code;
  }
  // Whole Việt Nam days of `scan_unit_days` (a few rows per unit and day), not the scans.
  const lastDay = vnDayOf(new Date(Date.parse(o.to) - 1).toISOString());
  let q = db
    .selectFrom('scan_unit_days as s')
    .select((eb) => [
      's.unit_tax_code',
      eb.fn.sum<number>('s.total').as('total'),
      eb.fn.sum<number>('s.failed').as('failed'),
    ])
    .where(inResolvedArea(o.area, 's'))
    .where('s.day', '>=', vnDayOf(o.from))
    .where('s.day', '<=', lastDay)
    .groupBy('s.unit_tax_code');
  if (taxCode) q = q.where('s.unit_tax_code', '=', taxCode);
  const over = (await q.execute()).filter((r) => {
    const total = Number(r.total);
    return total >= MIN_SCANS_FOR_RATE && (Number(r.failed) * 100) / total > o.threshold;
  });
  if (over.length === 0) return [];
  const units = await db
    .selectFrom('businesses')
    .select(['id', 'tax_code'])
    .where(
      'tax_code',
      'in',
      over.map((r) => r.unit_tax_code as string),
    )
    .execute();
  const idOf = new Map(units.map((u) => [u.tax_code, u.id]));
  const end = periodEnd(o);
  return over.flatMap((r) => {
    const businessId = idOf.get(r.unit_tax_code as string);
    if (!businessId) return [];
    return [
      {
        kind: 'unit_high_failure' as const,
        key: `unit_high_failure:${businessId}:${o.from}:${o.to}:${o.threshold}`,
        at: end,
        businessId,
        failed: Number(r.failed),
        total: Number(r.total),
      },
    ];
  });
}

/** Counts per kind of a list of findings (every kind present, 0 when none). */
export function countByKind(findings: LightFinding[], kinds: readonly AnomalyKind[]): Record<AnomalyKind, number> {
  const out = Object.fromEntries(kinds.map((k) => [k, 0])) as Record<AnomalyKind, number>;
  for (const f of findings) out[f.kind]++;
  return out;
}
