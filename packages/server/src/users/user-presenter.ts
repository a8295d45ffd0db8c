import { type Role, type UserView, userSchema } from '@thonghanh/contract';
import type { UserRow } from '../db/schema.js';

export { type UserView, userSchema };

export const presentUser = (row: UserRow): UserView => ({
  id: row.id,
  username: row.username,
  fullName: row.full_name,
  title: row.title ?? null,
  // The column holds only role codes (a CHECK constraint and every writer use ROLE_CODES).
  role: row.role as Role,
  wardCode: row.ward_code,
  districtCode: row.district_code,
  provinceCode: row.province_code,
  businessId: row.business_id,
  active: row.active === 1,
  mustChangePassword: row.must_change_password === 1,
  email: row.email ?? null,
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
