import { z } from 'zod';
import { BUSINESS_STATUSES } from './business-statuses.js';
import { businessFields, businessSchema } from './businesses.js';
import { timestamp, wardCode } from './common.js';

/**
 * The fields a business may change that the ward vouches for (the name on the unit QR and the
 * ward's confirmation, the address, the line of business): the business's request waits for
 * the desk's approval. The contact fields apply at once.
 */
export const REVIEWED_FIELDS = ['name', 'address', 'lineOfBusiness'] as const;
export const DIRECT_FIELDS = ['contactName', 'contactPhone', 'contactEmail'] as const;
export type ReviewedField = (typeof REVIEWED_FIELDS)[number];
export type DirectField = (typeof DIRECT_FIELDS)[number];

export const BUSINESS_CHANGE_STATUSES = ['pending', 'approved', 'refused'] as const;

/** POST /businesses/:id/reapply: the fields to change (tax code and ward never). */
export const businessEditBody = z.object({
  name: businessFields.name.optional(),
  address: businessFields.address.optional(),
  lineOfBusiness: businessFields.lineOfBusiness.optional(),
  contactName: businessFields.contactName.optional(),
  contactPhone: businessFields.contactPhone.optional(),
  contactEmail: businessFields.contactEmail,
});
export type BusinessEdit = z.output<typeof businessEditBody>;

/**
 * PATCH /businesses/:id: the same fields, and `wardCode` for a move of the head office to
 * another ward (chuyển phường), asked by the business's representative with the new
 * `address`, decided by the destination ward. The tax code never (another tax code is
 * another enterprise).
 */
export const businessPatchBody = businessEditBody.extend({
  wardCode: wardCode
    .optional()
    .describe('Phường mới khi chuyển trụ sở sang phường khác (cùng với địa chỉ mới; phường mới duyệt)'),
});
export type BusinessPatch = z.output<typeof businessPatchBody>;

const fieldsSchema = z.object({
  name: z.string().nullable().optional(),
  address: z.string().nullable().optional(),
  lineOfBusiness: z.string().nullable().optional(),
  wardCode: z.string().optional().describe('Chuyển phường: mã phường (mới / cũ)'),
  wardName: z.string().optional().describe('Chuyển phường: tên phường lúc đề nghị'),
});

/** A business's request to change what the ward vouches for. */
export const businessChangeSchema = z.object({
  id: z.string(),
  businessId: z.string(),
  businessName: z.string().optional(),
  taxCode: z.string().optional(),
  businessStatus: z
    .enum(BUSINESS_STATUSES)
    .optional()
    .describe('Trạng thái doanh nghiệp lúc này (phường mới thấy doanh nghiệp bị tạm dừng trước khi duyệt chuyển đến)'),
  businessStatusReason: z.string().nullable().optional(),
  status: z.enum(BUSINESS_CHANGE_STATUSES),
  kind: z
    .enum(['details', 'move'])
    .describe(
      'details: tên, địa chỉ, ngành nghề (phường đang quản lý duyệt); move: chuyển sang phường khác (phường mới duyệt)',
    ),
  proposed: fieldsSchema.describe('Giá trị doanh nghiệp đề nghị'),
  previous: fieldsSchema.describe('Giá trị lúc đề nghị'),
  reason: z.string().nullable().describe('Lý do không duyệt (hoặc ghi chú khi duyệt)'),
  requestedAt: timestamp,
  decidedAt: timestamp.nullable(),
});
export type BusinessChangeView = z.infer<typeof businessChangeSchema>;

export const editBusinessResponse = z.object({ business: businessSchema, change: businessChangeSchema.nullable() });

export const listBusinessChangesQuery = z.object({
  ward: wardCode.optional(),
  status: z.enum(BUSINESS_CHANGE_STATUSES).default('pending'),
});
export const businessChangeListResponse = z.object({ items: z.array(businessChangeSchema) });

/** The answer to approve / refuse: the request and the business as they are now. */
export const decidedBusinessChangeResponse = z.object({ change: businessChangeSchema, business: businessSchema });
