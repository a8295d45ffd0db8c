import { sql } from 'kysely';
import type { Executor } from '../../db/schema.js';
import { inResolvedArea, type ResolvedArea } from '../../inspection/inspection-area.js';
import type { StatsArea } from './stats-sections.js';

/**
 * The live picture over time, for a ward or summed over a district or city: scans per hour
 * or day by verdict (from `scan_hourly_counts`), permits issued per bucket, and dossiers
 * decided in the period within their deadline (the ward's 3 days), per ward of a district
 * or per district of a city. Buckets are Việt Nam hours or days (UTC+7, no daylight saving).
 */
export type Bucket = 'hour' | 'day';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const VN_OFFSET_MS = 7 * HOUR_MS;

/** The period widened to whole buckets (Việt Nam days start at 17:00 UTC). */
export function alignPeriod(from: string, to: string, bucket: Bucket): { from: string; to: string; starts: number[] } {
  const size = bucket === 'hour' ? HOUR_MS : DAY_MS;
  const shift = bucket === 'hour' ? 0 : VN_OFFSET_MS;
  const floor = (ms: number) => Math.floor((ms + shift) / size) * size - shift;
  const a = floor(Date.parse(from));
  const end = Date.parse(to);
  const b = floor(end) === end ? end : floor(end) + size;
  const starts: number[] = [];
  for (let t = a; t < b; t += size) starts.push(t);
  return { from: new Date(a).toISOString(), to: new Date(b).toISOString(), starts };
}

export interface SeriesResult {
  bucket: Bucket;
  from: string;
  to: string;
  verdicts: string[];
  scans: Array<{ at: string; total: number; counts: Record<string, number> }>;
  permitsIssued: Array<{ at: string; n: number }>;
  dossiers: {
    level: 'ward' | 'district';
    rows: Array<{ code: string; name: string; handled: number; onTime: number; late: number }>;
  };
}

/** Which bucket an instant falls in (the index into `starts`). */
function bucketIndex(starts: number[], bucket: Bucket): (ms: number) => number {
  const size = bucket === 'hour' ? HOUR_MS : DAY_MS;
  const first = starts[0] ?? 0;
  return (ms) => Math.floor((ms - first) / size);
}

export async function collectSeries(
  db: Executor,
  area: StatsArea,
  resolved: ResolvedArea,
  period: { from: string; to: string },
  bucket: Bucket,
): Promise<SeriesResult> {
  const { from, to, starts } = alignPeriod(period.from, period.to, bucket);
  const index = bucketIndex(starts, bucket);

  const hours = await db
    .selectFrom('scan_hourly_counts as h')
    .select(['h.hour', 'h.verdict', (eb) => eb.fn.sum<number>('h.n').as('n')])
    .where(inResolvedArea(resolved, 'h'))
    .where('h.hour', '>=', from.slice(0, 13))
    .where('h.hour', '<', to.slice(0, 13))
    .groupBy(['h.hour', 'h.verdict'])
    .execute();
  const scans = starts.map((t) => ({ at: new Date(t).toISOString(), total: 0, counts: {} as Record<string, number> }));
  const verdicts = new Set<string>();
  for (const r of hours) {
    const slot = scans[index(Date.parse(`${r.hour}:00:00.000Z`))];
    if (!slot) continue;
    const n = Number(r.n);
    slot.counts[r.verdict] = (slot.counts[r.verdict] ?? 0) + n;
    slot.total += n;
    verdicts.add(r.verdict);
  }

  const issued = await db
    .selectFrom('permits as p')
    .select((eb) => [sql<string>`substr(p.issued_at, 1, 13)`.as('hour'), eb.fn.countAll<number>().as('n')])
    .where(inResolvedArea(resolved, 'p'))
    .where('p.issued_at', '>=', from)
    .where('p.issued_at', '<', to)
    .groupBy(sql`substr(p.issued_at, 1, 13)`)
    .execute();
  const permitsIssued = starts.map((t) => ({ at: new Date(t).toISOString(), n: 0 }));
  for (const r of issued) {
    const slot = permitsIssued[index(Date.parse(`${r.hour}:00:00.000Z`))];
    if (slot) slot.n += Number(r.n);
  }

  return {
    bucket,
    from,
    to,
    verdicts: [...verdicts].sort(),
    scans,
    permitsIssued,
    dossiers: await dossiersOnTime(db, area, resolved, from, to),
  };
}

/** Dossiers decided (approved or rejected) in the period, and how many by their deadline, per unit. */
async function dossiersOnTime(db: Executor, area: StatsArea, resolved: ResolvedArea, from: string, to: string) {
  const level: 'ward' | 'district' = area.provinceCode && !area.districtCode && !area.wardCode ? 'district' : 'ward';
  const column = level === 'ward' ? 'd.ward_code' : 'd.district_code';
  const rows = await db
    .selectFrom('dossiers as d')
    .select((eb) => [
      sql<string>`${sql.ref(column)}`.as('code'),
      eb.fn.countAll<number>().as('handled'),
      eb.fn.sum<number>(eb.case().when('d.decided_at', '<=', eb.ref('d.due_at')).then(1).else(0).end()).as('onTime'),
    ])
    .where(inResolvedArea(resolved, 'd'))
    .where('d.decided_at', '>=', from)
    .where('d.decided_at', '<', to)
    .where('d.due_at', 'is not', null)
    .groupBy(sql.ref(column))
    .execute();
  const counted = new Map(rows.map((r) => [r.code, { handled: Number(r.handled), onTime: Number(r.onTime ?? 0) }]));
  let units = db.selectFrom('admin_units').select(['code', 'name']).where('level', '=', level).orderBy('code');
  if (area.wardCode) units = units.where('code', '=', area.wardCode);
  else if (area.districtCode) units = units.where('district_code', '=', area.districtCode);
  else units = units.where('province_code', '=', area.provinceCode ?? '∅');
  const list = await units.execute();
  return {
    level,
    rows: list.map((u) => {
      const c = counted.get(u.code) ?? { handled: 0, onTime: 0 };
      return { code: u.code, name: u.name, handled: c.handled, onTime: c.onTime, late: c.handled - c.onTime };
    }),
  };
}
