import { z } from 'zod';
import type { Resource } from '../authz/index.js';
import type { BusinessRow } from '../db/schema.js';
import { timestamp } from '../http/common-schemas.js';

export const BUSINESS_STATUSES = ['pending', 'active', 'refused', 'suspended'] as const;

/** Vietnamese labels of the statuses, for screens and e-mails. */
export const BUSINESS_STATUS_LABELS = {
  pending: 'Chờ UBND phường tiếp nhận',
  active: 'Đang hoạt động',
  refused: 'Không được tiếp nhận',
  suspended: 'Tạm dừng hoạt động',
} as const satisfies Record<(typeof BUSINESS_STATUSES)[number], string>;

export const businessSchema = z.object({
  id: z.string(),
  taxCode: z.string(),
  name: z.string(),
  address: z.string(),
  wardCode: z.string(),
  wardName: z.string(),
  districtCode: z.string(),
  provinceCode: z.string(),
  lineOfBusiness: z.string(),
  contactName: z.string(),
  contactPhone: z.string(),
  contactEmail: z.string().nullable(),
  status: z.enum(BUSINESS_STATUSES),
  statusLabel: z.string(),
  statusReason: z.string().nullable(),
  registeredVia: z.enum(['self', 'ward']).describe('self: doanh nghiệp tự đăng ký; ward: Bộ phận Một cửa tạo'),
  createdAt: timestamp,
  updatedAt: timestamp,
});

export type BusinessView = z.infer<typeof businessSchema>;

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
