import type { AuditLogRow, Executor } from '../db/schema.js';

export interface AuditFilter {
  wardCode?: string;
  districtCode?: string;
  provinceCode?: string;
  entityType?: string;
  entityId?: string;
  /** Rows with seq below this (the next page). */
  beforeSeq?: number;
  limit: number;
}

/** Newest first. District/province filters go through the ward's admin unit. */
export async function listAuditRows(db: Executor, f: AuditFilter): Promise<AuditLogRow[]> {
  let q = db
    .selectFrom('audit_log as a')
    .leftJoin('admin_units as u', 'u.code', 'a.ward_code')
    .selectAll('a')
    .orderBy('a.seq', 'desc')
    .limit(f.limit);
  if (f.districtCode) q = q.where('u.district_code', '=', f.districtCode);
  if (f.provinceCode) q = q.where('u.province_code', '=', f.provinceCode);
  if (f.wardCode) q = q.where('a.ward_code', '=', f.wardCode);
  if (f.entityType) q = q.where('a.entity_type', '=', f.entityType);
  if (f.entityId) q = q.where('a.entity_id', '=', f.entityId);
  if (f.beforeSeq !== undefined) q = q.where('a.seq', '<', f.beforeSeq);
  return q.execute();
}
