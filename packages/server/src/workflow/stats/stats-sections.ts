import type { Executor } from '../../db/schema.js';
import { DOSSIER_STATES } from '../transitions.js';

/** The area counted: one ward, a district or a province (the first given). */
export interface StatsArea {
  wardCode?: string;
  districtCode?: string;
  provinceCode?: string;
}

/** One block of the dashboard: named counts for an area. */
export type StatsSection = (db: Executor, area: StatsArea, now: Date) => Promise<Record<string, number>>;

/** Narrows a query on a table with ward/district/province columns to the area. */
function inArea<Q extends { where: (...args: never[]) => Q }>(q: Q, area: StatsArea, prefix: string): Q {
  const w = q.where as unknown as (col: string, op: string, v: string) => Q;
  if (area.wardCode) return w.call(q, `${prefix}.ward_code`, '=', area.wardCode);
  if (area.districtCode) return w.call(q, `${prefix}.district_code`, '=', area.districtCode);
  if (area.provinceCode) return w.call(q, `${prefix}.province_code`, '=', area.provinceCode);
  return q;
}

const businesses: StatsSection = async (db, area) => {
  const rows = await inArea(
    db
      .selectFrom('businesses as b')
      .select(['b.status', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('b.status'),
    area,
    'b',
  ).execute();
  const by = Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
  const approved = await inArea(
    db
      .selectFrom('businesses as b')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('dossiers as d')
            .select('d.id')
            .whereRef('d.business_id', '=', 'b.id')
            // Approved by the ward it is in now (a business that moved is not, until its new ward approves).
            .whereRef('d.ward_code', '=', 'b.ward_code')
            .where('d.kind', '=', 'initial')
            .where('d.state', 'in', ['approved', 'suspended']),
        ),
      ),
    area,
    'b',
  ).executeTakeFirstOrThrow();
  return {
    registered: (by.pending ?? 0) + (by.active ?? 0) + (by.suspended ?? 0),
    pendingRegistration: by.pending ?? 0,
    active: by.active ?? 0,
    suspended: by.suspended ?? 0,
    refused: by.refused ?? 0,
    approved: Number(approved.n),
  };
};

const dossiers: StatsSection = async (db, area, now) => {
  const rows = await inArea(
    db
      .selectFrom('dossiers as d')
      .select(['d.state', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('d.state'),
    area,
    'd',
  ).execute();
  const by = Object.fromEntries(rows.map((r) => [r.state, Number(r.n)]));
  const open = (q: ReturnType<typeof db.selectFrom<'dossiers as d'>>) =>
    inArea(q.where('d.state', 'in', ['submitted', 'health_confirmed', 'awaiting_leader']), area, 'd');
  const overdue = await open(db.selectFrom('dossiers as d'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('d.due_at', '<', now.toISOString())
    .executeTakeFirstOrThrow();
  const soon = await open(db.selectFrom('dossiers as d'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('d.due_at', '>=', now.toISOString())
    .where('d.due_at', '<=', new Date(now.getTime() + 86_400_000).toISOString())
    .executeTakeFirstOrThrow();
  return {
    ...Object.fromEntries(DOSSIER_STATES.map((s) => [s, by[s] ?? 0])),
    waiting: (by.submitted ?? 0) + (by.health_confirmed ?? 0) + (by.awaiting_leader ?? 0),
    overdue: Number(overdue.n),
    dueWithin24h: Number(soon.n),
  };
};

const staff: StatsSection = async (db, area) => {
  let q = db
    .selectFrom('staff_members as s')
    .innerJoin('businesses as b', 'b.id', 's.business_id')
    .select(['s.status', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('s.status');
  q = inArea(q, area, 'b');
  const by = Object.fromEntries((await q.execute()).map((r) => [r.status, Number(r.n)]));
  return { approved: by.approved ?? 0, pending: by.pending ?? 0, removed: by.removed ?? 0 };
};

/**
 * The dashboard's blocks, by name. Other parts of the system add theirs here (permits,
 * scans): `STATS_SECTIONS.permits = async (db, area, now) => ({ issued: … })`.
 */
export const STATS_SECTIONS: Record<string, StatsSection> = { businesses, dossiers, staff };

/** Every section's counts for the area. */
export async function collectStats(
  db: Executor,
  area: StatsArea,
  now: Date,
): Promise<Record<string, Record<string, number>>> {
  const out: Record<string, Record<string, number>> = {};
  for (const [name, section] of Object.entries(STATS_SECTIONS)) out[name] = await section(db, area, now);
  return out;
}
