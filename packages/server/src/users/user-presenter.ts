import { z } from 'zod';
import { ROLE_CODES } from '../authz/index.js';
import type { UserRow } from '../db/schema.js';
import { timestamp } from '../http/common-schemas.js';

/** A user as the API shows it (never the password hash). */
export const userSchema = z.object({
  id: z.string(),
  username: z.string(),
  fullName: z.string(),
  title: z.string().nullable().describe('Chức vụ'),
  role: z.enum(ROLE_CODES as [string, ...string[]]),
  wardCode: z.string().nullable(),
  districtCode: z.string().nullable(),
  provinceCode: z.string().nullable(),
  businessId: z.string().nullable(),
  active: z.boolean(),
  mustChangePassword: z.boolean(),
  createdAt: timestamp,
});

export type UserView = z.infer<typeof userSchema>;

export const presentUser = (row: UserRow): UserView => ({
  id: row.id,
  username: row.username,
  fullName: row.full_name,
  title: row.title ?? null,
  role: row.role,
  wardCode: row.ward_code,
  districtCode: row.district_code,
  provinceCode: row.province_code,
  businessId: row.business_id,
  active: row.active === 1,
  mustChangePassword: row.must_change_password === 1,
  createdAt: row.created_at,
});

/** The policy's view of a stored user (a resource of type `user`). */
export const userResource = (row: Pick<UserRow, 'ward_code' | 'district_code' | 'province_code' | 'business_id'>) => ({
  type: 'user',
  wardCode: row.ward_code,
  districtCode: row.district_code,
  provinceCode: row.province_code,
  businessId: row.business_id,
});
