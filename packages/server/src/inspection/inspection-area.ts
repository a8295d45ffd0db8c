import { type Expression, type SqlBool, sql } from 'kysely';
import { type AuthUser, authorize } from '../authz/index.js';
import type { Executor } from '../db/schema.js';
import { unknownAdminUnit } from '../errors.js';
import { findAdminUnit } from '../jurisdictions/admin-units-query.js';
import { userAreaFilter, wardArea } from '../jurisdictions/ward-area.js';
import type { StatsArea } from '../workflow/stats/stats-sections.js';

/**
 * An area as the scan log is indexed: a ward, a district, or a city as the list of its
 * districts (scans have no province index: a city's queries use the district index).
 */
export interface ResolvedArea {
  wardCode?: string;
  districtCodes?: string[];
}

export async function resolveArea(db: Executor, area: StatsArea): Promise<ResolvedArea> {
  if (area.wardCode) return { wardCode: area.wardCode };
  if (area.districtCode) return { districtCodes: [area.districtCode] };
  const rows = await db
    .selectFrom('admin_units')
    .select('code')
    .where('level', '=', 'district')
    .where('province_code', '=', area.provinceCode ?? '∅')
    .orderBy('code')
    .execute();
  return { districtCodes: rows.length > 0 ? rows.map((r) => r.code) : ['∅'] };
}

/** `<alias>.ward_code = …` or `<alias>.district_code in (…)`, for a table with those columns. */
export function inResolvedArea(area: ResolvedArea, alias: string, prefix = ''): Expression<SqlBool> {
  if (area.wardCode) return sql<SqlBool>`${sql.ref(`${alias}.${prefix}ward_code`)} = ${area.wardCode}`;
  const codes = area.districtCodes ?? ['∅'];
  if (codes.length === 1) return sql<SqlBool>`${sql.ref(`${alias}.${prefix}district_code`)} = ${codes[0]}`;
  return sql<SqlBool>`${sql.ref(`${alias}.${prefix}district_code`)} in (${sql.join(codes)})`;
}

/**
 * The area a request asks for: the user's own (ward; district or city for a supervisor), or
 * `?ward=` / `?district=` inside it (outside: 403; unknown code: 422), as the stats do.
 */
export async function areaOfRequest(
  db: Executor,
  user: AuthUser,
  query: { ward?: string | undefined; district?: string | undefined },
  type: string,
): Promise<StatsArea> {
  if (query.ward) {
    authorize(user, 'read', { type, ...(await wardArea(db, query.ward, 'query.ward')) });
    return { wardCode: query.ward };
  }
  if (query.district) {
    const d = await findAdminUnit(db, query.district);
    if (d?.level !== 'district') throw unknownAdminUnit(query.district, 'query.district');
    authorize(user, 'read', { type, wardCode: null, districtCode: d.code, provinceCode: d.province_code });
    return { districtCode: d.code };
  }
  authorize(user, 'read', {
    type,
    wardCode: user.role === 'supervisor' ? null : user.wardCode,
    districtCode: user.districtCode,
    provinceCode: user.provinceCode,
  });
  return userAreaFilter(user);
}
