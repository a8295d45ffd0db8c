import type { AdminUnitRow } from '../db/schema.js';
import type { AuthUser } from './auth-user.js';

/** Where a resource sits: its ward and that ward's district and province. */
export interface Area {
  wardCode: string | null;
  districtCode: string | null;
  provinceCode: string | null;
}

export const areaOfUnit = (unit: AdminUnitRow): Area => ({
  wardCode: unit.level === 'ward' ? unit.code : null,
  districtCode: unit.district_code,
  provinceCode: unit.province_code,
});

/** Is this ward (or district) inside the user's area? Ward roles: their ward only. */
export function inUserArea(user: AuthUser, area: Area): boolean {
  if (user.role === 'supervisor') {
    if (user.districtCode) return area.districtCode === user.districtCode;
    return user.provinceCode !== null && area.provinceCode === user.provinceCode;
  }
  return user.wardCode !== null && area.wardCode === user.wardCode;
}

/** Is the resource in the user's own ward (not merely their area)? */
export const inOwnWard = (user: AuthUser, area: Pick<Area, 'wardCode'>): boolean =>
  user.wardCode !== null && user.role !== 'supervisor' && area.wardCode === user.wardCode;

/** Is this business the user's? Business reps act for exactly one business. */
export const isOwnBusiness = (user: AuthUser, businessId: string | null | undefined): boolean =>
  user.role === 'business_rep' && user.businessId !== null && businessId === user.businessId;
