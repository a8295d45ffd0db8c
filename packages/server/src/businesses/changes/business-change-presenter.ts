import type { BusinessChangeView } from '@thonghanh/contract';
import type { Resource } from '../../authz/index.js';
import type { BusinessChangeRow } from '../../db/schema.js';
import type { BusinessChangeRecord } from './business-change-query.js';

export const presentBusinessChange = (c: BusinessChangeRow | BusinessChangeRecord): BusinessChangeView => ({
  id: c.id,
  businessId: c.business_id,
  ...('business_name' in c
    ? {
        businessName: c.business_name,
        taxCode: c.tax_code,
        businessStatus: c.business_status,
        businessStatusReason: c.status_reason,
      }
    : {}),
  status: c.status,
  kind: JSON.parse(c.proposed).wardCode ? 'move' : 'details',
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
