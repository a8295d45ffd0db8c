import { type AdminUnitView, adminUnitSchema } from '@thonghanh/contract';
import type { AdminUnitRow } from '../db/schema.js';

export { type AdminUnitView, adminUnitSchema };

export const presentAdminUnit = (row: AdminUnitRow): AdminUnitView => ({
  code: row.code,
  level: row.level,
  name: row.name,
  parentCode: row.parent_code,
  provinceCode: row.province_code,
  districtCode: row.district_code,
});
