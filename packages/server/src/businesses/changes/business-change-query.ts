import type { BusinessChangeRow, BusinessChangeStatus, BusinessStatus, Executor } from '../../db/schema.js';

export const findBusinessChange = (db: Executor, id: string): Promise<BusinessChangeRow | undefined> =>
  db.selectFrom('business_changes').selectAll().where('id', '=', id).executeTakeFirst();

export const pendingChangeOf = (db: Executor, businessId: string): Promise<BusinessChangeRow | undefined> =>
  db
    .selectFrom('business_changes')
    .selectAll()
    .where('business_id', '=', businessId)
    .where('status', '=', 'pending')
    .executeTakeFirst();

/** A change request with the business it concerns (the desk's inbox shows both). */
export interface BusinessChangeRecord extends BusinessChangeRow {
  business_name: string;
  tax_code: string;
  business_status: BusinessStatus;
  status_reason: string | null;
}

export interface BusinessChangeFilter {
  businessId?: string;
  wardCode?: string;
  districtCode?: string;
  provinceCode?: string;
  status?: BusinessChangeStatus;
  limit: number;
}

/** Requests matching the filter: oldest pending first (the desk's queue), else newest first. */
export async function listBusinessChanges(db: Executor, f: BusinessChangeFilter): Promise<BusinessChangeRecord[]> {
  let q = db
    .selectFrom('business_changes as c')
    .innerJoin('businesses as b', 'b.id', 'c.business_id')
    .selectAll('c')
    .select(['b.name as business_name', 'b.tax_code', 'b.status as business_status', 'b.status_reason']);
  if (f.businessId) q = q.where('c.business_id', '=', f.businessId);
  if (f.wardCode) q = q.where('c.ward_code', '=', f.wardCode);
  if (f.districtCode) q = q.where('c.district_code', '=', f.districtCode);
  if (f.provinceCode) q = q.where('c.province_code', '=', f.provinceCode);
  if (f.status) q = q.where('c.status', '=', f.status);
  q = f.status === 'pending' ? q.orderBy('c.requested_at', 'asc') : q.orderBy('c.requested_at', 'desc');
  return q.orderBy('c.id').limit(f.limit).execute();
}
