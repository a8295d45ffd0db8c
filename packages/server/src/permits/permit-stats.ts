import type { Executor } from '../db/schema.js';
import { STATS_SECTIONS, type StatsArea } from '../workflow/stats/stats-sections.js';
import { vnDateOf, vnDayStart } from './vn-dates.js';

function areaWhere<Q extends { where: (...args: never[]) => Q }>(q: Q, area: StatsArea): Q {
  const w = q.where as unknown as (col: string, op: string, v: string) => Q;
  if (area.wardCode) return w.call(q, 'ward_code', '=', area.wardCode);
  if (area.districtCode) return w.call(q, 'district_code', '=', area.districtCode);
  if (area.provinceCode) return w.call(q, 'province_code', '=', area.provinceCode);
  return q;
}

/** Permits of the area: issued (ever), active now, revoked, expired; unit QR codes valid now. */
export async function permitStats(db: Executor, area: StatsArea, now: Date): Promise<Record<string, number>> {
  const at = now.toISOString();
  const rows = await areaWhere(
    db.selectFrom('permits').select((eb) => [
      eb.fn.countAll<number>().as('issued'),
      eb.fn.sum<number>(eb.case().when('status', '=', 'revoked').then(1).else(0).end()).as('revoked'),
      eb.fn
        .sum<number>(
          eb
            .case()
            .when(eb.and([eb('status', '=', 'active'), eb('valid_to', '>', at)]))
            .then(1)
            .else(0)
            .end(),
        )
        .as('active'),
    ]),
    area,
  ).executeTakeFirstOrThrow();
  const issuedToday = await areaWhere(
    db
      .selectFrom('permits')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('issued_at', '>=', new Date(vnDayStart(vnDateOf(now))).toISOString()),
    area,
  ).executeTakeFirstOrThrow();
  let units = db
    .selectFrom('unit_credentials as u')
    .innerJoin('businesses as b', 'b.id', 'u.business_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('u.status', '=', 'active')
    .where('u.valid_to', '>', at);
  if (area.wardCode) units = units.where('b.ward_code', '=', area.wardCode);
  else if (area.districtCode) units = units.where('b.district_code', '=', area.districtCode);
  else if (area.provinceCode) units = units.where('b.province_code', '=', area.provinceCode);
  const unitsActive = await units.executeTakeFirstOrThrow();
  const issued = Number(rows.issued);
  const revoked = Number(rows.revoked ?? 0);
  const active = Number(rows.active ?? 0);
  return {
    issued,
    issuedToday: Number(issuedToday.n),
    active,
    revoked,
    expired: issued - revoked - active,
    unitQrActive: Number(unitsActive.n),
  };
}

/**
 * Scans at the area's checkpoints today (Việt Nam time): all, valid, not valid, and apart
 * from both those the device could not verify (`cannot_verify`: no usable trust or
 * revocation list on it), which say nothing about the permit.
 */
export async function scanStats(db: Executor, area: StatsArea, now: Date): Promise<Record<string, number>> {
  const from = new Date(vnDayStart(vnDateOf(now))).toISOString();
  const r = await areaWhere(
    db
      .selectFrom('scans')
      .select((eb) => [
        eb.fn.countAll<number>().as('today'),
        eb.fn.sum<number>(eb.case().when('verdict', '=', 'valid').then(1).else(0).end()).as('valid'),
        eb.fn.sum<number>(eb.case().when('verdict', '=', 'cannot_verify').then(1).else(0).end()).as('cannotVerify'),
      ])
      .where('scanned_at', '>=', from),
    area,
  ).executeTakeFirstOrThrow();
  const today = Number(r.today);
  const valid = Number(r.valid ?? 0);
  const cannotVerify = Number(r.cannotVerify ?? 0);
  return { today, todayValid: valid, todayNotValid: today - valid - cannotVerify, todayCannotVerify: cannotVerify };
}

STATS_SECTIONS.permits = permitStats;
STATS_SECTIONS.scans = scanStats;
