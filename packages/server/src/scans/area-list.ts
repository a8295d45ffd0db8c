import type { AreaUnit } from '@thonghanh/contract';
import type { Executor } from '../db/schema.js';

/** What a unit and its staff look like on the device is part of the API contract. */
export type AreaStaff = AreaUnit['staff'][number];
export type { AreaUnit };

/**
 * The units a checkpoint's ward approved, with their approved staff lists and the serials of
 * their valid permits: what an officer checks a document number against when offline.
 * A unit is `approved` when it is active with an approved plan, `suspended` when the ward
 * suspended it (its people are listed, without serials: its permits are revoked).
 */
export async function buildAreaUnits(db: Executor, wardCode: string, now: Date): Promise<AreaUnit[]> {
  const businesses = await db
    .selectFrom('businesses as b')
    .select(['b.id', 'b.tax_code', 'b.name', 'b.status', 'b.name_key'])
    .select((eb) =>
      eb
        .selectFrom('dossiers as d')
        .select('d.state')
        .whereRef('d.business_id', '=', 'b.id')
        .where('d.kind', '=', 'initial')
        .where('d.state', 'in', ['approved', 'suspended'])
        .orderBy('d.decided_at', 'desc')
        .limit(1)
        .as('plan_state'),
    )
    .where('b.ward_code', '=', wardCode)
    .where('b.status', 'in', ['active', 'suspended'])
    .orderBy('b.name_key')
    .orderBy('b.tax_code')
    .execute();
  const units = new Map<string, AreaUnit>();
  for (const b of businesses) {
    if (!b.plan_state) continue;
    const suspended = b.status === 'suspended' || b.plan_state === 'suspended';
    units.set(b.id, { taxCode: b.tax_code, name: b.name, status: suspended ? 'suspended' : 'approved', staff: [] });
  }
  if (units.size === 0) return [];

  const staff = await db
    .selectFrom('staff_members as s')
    .innerJoin('businesses as b', 'b.id', 's.business_id')
    .select(['s.id', 's.business_id', 's.id_number', 's.full_name'])
    .where('b.ward_code', '=', wardCode)
    .where('s.status', '=', 'approved')
    .orderBy('s.business_id')
    .orderBy('s.name_key')
    .orderBy('s.id_number')
    .execute();
  const permits = await db
    .selectFrom('permits')
    .select(['staff_id', 'serial'])
    .where('ward_code', '=', wardCode)
    .where('status', '=', 'active')
    .where('valid_to', '>', now.toISOString())
    .orderBy('staff_id')
    .orderBy('year')
    .orderBy('seq')
    .execute();
  const serials = new Map<string, string[]>();
  for (const p of permits) {
    const list = serials.get(p.staff_id);
    if (list) list.push(p.serial);
    else serials.set(p.staff_id, [p.serial]);
  }
  for (const s of staff) {
    units
      .get(s.business_id)
      ?.staff.push({ idNumber: s.id_number, fullName: s.full_name, serials: serials.get(s.id) ?? [] });
  }
  return [...units.values()];
}
