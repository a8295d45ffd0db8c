/** The roles are part of the API contract (packages/contract/src/roles.ts). */
import { ROLES, type Role, WARD_ROLES, type WardRole } from '@thonghanh/contract';

export { ROLE_CODES, ROLES, type Role, WARD_ROLES, type WardRole } from '@thonghanh/contract';

export const isRole = (s: string): s is Role => s in ROLES;
export const isWardRole = (r: string): r is WardRole => (WARD_ROLES as readonly string[]).includes(r);
