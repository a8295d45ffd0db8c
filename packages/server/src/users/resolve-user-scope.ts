import { isWardRole, type Role } from '../authz/index.js';
import type { Executor } from '../db/schema.js';
import { unknownAdminUnit, validationFailed } from '../errors.js';
import { findAdminUnit } from '../jurisdictions/admin-units-query.js';

export interface ScopeInput {
  wardCode?: string | null;
  districtCode?: string | null;
  provinceCode?: string | null;
}

export interface UserScope {
  wardCode: string | null;
  districtCode: string | null;
  provinceCode: string | null;
}

/**
 * The stored scope of an account of this role. Ward roles and business reps: a ward (its
 * district and province derived). Supervisors: a district (province derived) or a province
 * (a city-wide supervisor). Unknown codes and missing or extra scope are validation errors.
 */
export async function resolveUserScope(db: Executor, role: Role, input: ScopeInput): Promise<UserScope> {
  const given = (['wardCode', 'districtCode', 'provinceCode'] as const).filter((k) => input[k]);
  if (isWardRole(role) || role === 'business_rep') {
    if (given.length !== 1 || !input.wardCode) {
      throw validationFailed([
        { path: 'wardCode', code: 'scope', message: 'Tài khoản này phải thuộc đúng một phường/xã.' },
      ]);
    }
    const ward = await findAdminUnit(db, input.wardCode);
    if (ward?.level !== 'ward') throw unknownAdminUnit(input.wardCode, 'wardCode');
    return { wardCode: ward.code, districtCode: ward.district_code, provinceCode: ward.province_code };
  }
  // supervisor
  if (given.length !== 1 || input.wardCode) {
    throw validationFailed([
      {
        path: 'districtCode',
        code: 'scope',
        message: 'Tài khoản giám sát thuộc đúng một quận/huyện hoặc một tỉnh/thành phố.',
      },
    ]);
  }
  if (input.districtCode) {
    const d = await findAdminUnit(db, input.districtCode);
    if (d?.level !== 'district') throw unknownAdminUnit(input.districtCode, 'districtCode');
    return { wardCode: null, districtCode: d.code, provinceCode: d.province_code };
  }
  const p = await findAdminUnit(db, input.provinceCode!);
  if (p?.level !== 'province') throw unknownAdminUnit(input.provinceCode!, 'provinceCode');
  return { wardCode: null, districtCode: null, provinceCode: p.code };
}
