import { type Area, type AuthUser, areaOfUnit } from '../authz/index.js';
import type { Executor } from '../db/schema.js';
import { unknownAdminUnit } from '../errors.js';
import { findAdminUnit } from './admin-units-query.js';

/** The area of a ward code named in a request; an unknown or non-ward code is a 422. */
export async function wardArea(db: Executor, wardCode: string, path: string): Promise<Area> {
  const unit = await findAdminUnit(db, wardCode);
  if (unit?.level !== 'ward') throw unknownAdminUnit(wardCode, path);
  return areaOfUnit(unit);
}

/** The filter that keeps a list inside the user's area: their ward, district or province. */
export function userAreaFilter(user: AuthUser): { wardCode?: string; districtCode?: string; provinceCode?: string } {
  if (user.role !== 'supervisor') return { wardCode: user.wardCode ?? '∅' };
  if (user.districtCode) return { districtCode: user.districtCode };
  return { provinceCode: user.provinceCode ?? '∅' };
}
