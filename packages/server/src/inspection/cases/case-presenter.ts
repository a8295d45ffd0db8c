import type { Finding } from '@thonghanh/contract';
import type { CaseEntryRecord, CaseRecord } from './case-query.js';

export const presentCase = (c: CaseRecord) => ({
  id: c.id,
  title: c.title,
  state: c.state,
  outcome: c.outcome,
  business: { id: c.business_id, name: c.business_name, taxCode: c.business_tax_code, status: c.business_status },
  wardCode: c.ward_code,
  findingCount: c.finding_count,
  openedBy: c.opened_by,
  openedAt: c.opened_at,
  closedBy: c.closed_by,
  closedAt: c.closed_at,
  updatedAt: c.updated_at,
});

export const presentCaseEntry = (e: CaseEntryRecord) => ({
  id: e.id,
  seq: Number(e.seq),
  kind: e.kind,
  finding: e.finding ? (JSON.parse(e.finding) as Finding) : null,
  note: e.note,
  actor: { id: e.actor_id, role: e.actor_role, name: e.actor_name },
  at: e.at,
});

/** The policy's view of a case: it sits in its unit's ward. */
export const caseResource = (c: Pick<CaseRecord, 'ward_code' | 'district_code' | 'province_code'>) => ({
  type: 'inspection_case',
  wardCode: c.ward_code,
  districtCode: c.district_code,
  provinceCode: c.province_code,
});
