import type { CheckpointRow, Executor } from '../db/schema.js';

/** A checkpoint with the names and area the API and the policies need. */
export interface CheckpointRecord extends CheckpointRow {
  ward_name: string;
  owner_district_code: string | null;
  owner_province_code: string;
}

function baseQuery(db: Executor) {
  return db
    .selectFrom('checkpoints as c')
    .innerJoin('admin_units as w', 'w.code', 'c.ward_code')
    .innerJoin('admin_units as o', 'o.code', 'c.owner_ward_code')
    .selectAll('c')
    .select([
      'w.name as ward_name',
      'o.district_code as owner_district_code',
      'o.province_code as owner_province_code',
    ]);
}

export const findCheckpoint = (db: Executor, id: string): Promise<CheckpointRecord | undefined> =>
  baseQuery(db).where('c.id', '=', id).executeTakeFirst();

export interface CheckpointFilter {
  ownerWardCode?: string;
  districtCode?: string;
  provinceCode?: string;
  active?: boolean;
}

/** Checkpoints of a ward or an area, by ward then name. */
export async function listCheckpoints(db: Executor, filter: CheckpointFilter): Promise<CheckpointRecord[]> {
  let q = baseQuery(db).orderBy('c.owner_ward_code').orderBy('c.name');
  if (filter.ownerWardCode) q = q.where('c.owner_ward_code', '=', filter.ownerWardCode);
  if (filter.districtCode) q = q.where('o.district_code', '=', filter.districtCode);
  if (filter.provinceCode) q = q.where('o.province_code', '=', filter.provinceCode);
  if (filter.active !== undefined) q = q.where('c.active', '=', filter.active ? 1 : 0);
  return q.execute();
}

export async function checkpointNameTaken(db: Executor, ownerWardCode: string, name: string, exceptId?: string) {
  let q = db
    .selectFrom('checkpoints')
    .select('id')
    .where('owner_ward_code', '=', ownerWardCode)
    .where('name', '=', name);
  if (exceptId) q = q.where('id', '!=', exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}
