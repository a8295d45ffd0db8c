import { z } from 'zod';
import type { AdminUnitRow } from '../db/schema.js';

export const adminUnitSchema = z.object({
  code: z.string(),
  level: z.enum(['province', 'district', 'ward']),
  name: z.string(),
  parentCode: z.string().nullable(),
  provinceCode: z.string(),
  districtCode: z.string().nullable(),
});

export type AdminUnitView = z.infer<typeof adminUnitSchema>;

export const presentAdminUnit = (row: AdminUnitRow): AdminUnitView => ({
  code: row.code,
  level: row.level,
  name: row.name,
  parentCode: row.parent_code,
  provinceCode: row.province_code,
  districtCode: row.district_code,
});
