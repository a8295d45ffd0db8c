import { BUSINESS_STATUS_LABELS, type BusinessView } from '@thonghanh/contract';
import type { Resource } from '../authz/index.js';
import type { BusinessRow } from '../db/schema.js';

/** A business row with its ward's name. */
export interface BusinessRecord extends BusinessRow {
  ward_name: string;
}

export const presentBusiness = (b: BusinessRecord): BusinessView => ({
  id: b.id,
  taxCode: b.tax_code,
  name: b.name,
  address: b.address,
  wardCode: b.ward_code,
  wardName: b.ward_name,
  districtCode: b.district_code,
  provinceCode: b.province_code,
  lineOfBusiness: b.line_of_business,
  contactName: b.contact_name,
  contactPhone: b.contact_phone,
  contactEmail: b.contact_email,
  status: b.status,
  statusLabel: BUSINESS_STATUS_LABELS[b.status],
  statusReason: b.status_reason,
  registeredVia: b.registered_via,
  createdAt: b.created_at,
  updatedAt: b.updated_at,
});

/** The policy's view: a business sits in the ward where it operates. */
export const businessResource = (
  b: Pick<BusinessRow, 'id' | 'ward_code' | 'district_code' | 'province_code'>,
  type = 'business',
): Resource => ({
  type,
  wardCode: b.ward_code,
  districtCode: b.district_code,
  provinceCode: b.province_code,
  businessId: b.id,
});
