import type { UserRow } from '../db/schema.js';
import type { Role } from './roles.js';

/**
 * The signed-in user as the policies see it. Scope: a ward role has all three codes; a
 * district supervisor district + province; a city supervisor province only; a business
 * rep its business (and the business's ward).
 */
export interface AuthUser {
  id: string;
  username: string;
  fullName: string;
  role: Role;
  wardCode: string | null;
  districtCode: string | null;
  provinceCode: string | null;
  businessId: string | null;
  mustChangePassword: boolean;
}

export function authUserFromRow(row: UserRow): AuthUser {
  return {
    id: row.id,
    username: row.username,
    fullName: row.full_name,
    role: row.role as Role,
    wardCode: row.ward_code,
    districtCode: row.district_code,
    provinceCode: row.province_code,
    businessId: row.business_id,
    mustChangePassword: row.must_change_password === 1,
  };
}
