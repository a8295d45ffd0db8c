import type { AdminUnitRow, Executor } from '../db/schema.js';

export async function findAdminUnit(db: Executor, code: string): Promise<AdminUnitRow | undefined> {
  return db.selectFrom('admin_units').selectAll().where('code', '=', code).executeTakeFirst();
}

/** Children of a unit in GSO code order; without a parent, the provinces. */
export async function listAdminUnits(db: Executor, parentCode: string | undefined): Promise<AdminUnitRow[]> {
  let q = db.selectFrom('admin_units').selectAll().orderBy('code');
  q = parentCode === undefined ? q.where('level', '=', 'province') : q.where('parent_code', '=', parentCode);
  return q.execute();
}

/** The unit's province and district (for a ward), outermost first. */
export async function ancestorsOf(db: Executor, unit: AdminUnitRow): Promise<AdminUnitRow[]> {
  const codes = [unit.province_code, unit.district_code].filter((c): c is string => !!c && c !== unit.code);
  if (codes.length === 0) return [];
  const rows = await db.selectFrom('admin_units').selectAll().where('code', 'in', codes).execute();
  return codes.map((c) => rows.find((r) => r.code === c)).filter((r): r is AdminUnitRow => r !== undefined);
}
