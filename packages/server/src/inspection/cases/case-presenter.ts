import { z } from 'zod';
import { timestamp } from '../../http/common-schemas.js';
import { type Finding, findingSchema } from '../describe-findings.js';
import type { CaseEntryRecord, CaseRecord } from './case-query.js';

export const caseSchema = z.object({
  id: z.string(),
  title: z.string(),
  state: z.enum(['open', 'closed']),
  outcome: z.enum(['no_action', 'unit_suspended']).nullable(),
  business: z.object({ id: z.string(), name: z.string(), taxCode: z.string(), status: z.string() }),
  wardCode: z.string(),
  findingCount: z.number().int(),
  openedBy: z.string().nullable(),
  openedAt: timestamp,
  closedBy: z.string().nullable(),
  closedAt: timestamp.nullable(),
  updatedAt: timestamp,
});

export const caseEntrySchema = z.object({
  id: z.string(),
  seq: z.number().int(),
  kind: z.enum(['opened', 'finding', 'note', 'closed', 'unit_suspended']),
  finding: findingSchema.nullable().describe('Phát hiện như lúc được đưa vào hồ sơ'),
  note: z.string().nullable(),
  actor: z.object({ id: z.string().nullable(), role: z.string(), name: z.string().nullable() }),
  at: timestamp,
});

export const caseDetailSchema = caseSchema.extend({ entries: z.array(caseEntrySchema) });

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
