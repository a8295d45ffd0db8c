import { z } from 'zod';
import type { Resource } from '../../authz/index.js';
import type { BusinessChangeRow } from '../../db/schema.js';
import { timestamp } from '../../http/common-schemas.js';
import type { BusinessChangeRecord } from './business-change-query.js';

const fieldsSchema = z.object({
  name: z.string().nullable().optional(),
  address: z.string().nullable().optional(),
  lineOfBusiness: z.string().nullable().optional(),
});

export const businessChangeSchema = z.object({
  id: z.string(),
  businessId: z.string(),
  businessName: z.string().optional(),
  taxCode: z.string().optional(),
  status: z.enum(['pending', 'approved', 'refused']),
  proposed: fieldsSchema.describe('Giá trị doanh nghiệp đề nghị'),
  previous: fieldsSchema.describe('Giá trị lúc đề nghị'),
  reason: z.string().nullable().describe('Lý do không duyệt (hoặc ghi chú khi duyệt)'),
  requestedAt: timestamp,
  decidedAt: timestamp.nullable(),
});
export type BusinessChangeView = z.infer<typeof businessChangeSchema>;

export const presentBusinessChange = (c: BusinessChangeRow | BusinessChangeRecord): BusinessChangeView => ({
  id: c.id,
  businessId: c.business_id,
  ...('business_name' in c ? { businessName: c.business_name, taxCode: c.tax_code } : {}),
  status: c.status,
  proposed: JSON.parse(c.proposed),
  previous: JSON.parse(c.previous),
  reason: c.reason,
  requestedAt: c.requested_at,
  decidedAt: c.decided_at,
});

/** The policy's view: a request is about its business (same rules). */
export const businessChangeResource = (c: BusinessChangeRow): Resource => ({
  type: 'business',
  wardCode: c.ward_code,
  districtCode: c.district_code,
  provinceCode: c.province_code,
  businessId: c.business_id,
});
