import { z } from 'zod';
import { anyUnitCode, itemsOf } from './common.js';

export const adminUnitSchema = z.object({
  code: z.string(),
  level: z.enum(['province', 'district', 'ward']),
  name: z.string(),
  parentCode: z.string().nullable(),
  provinceCode: z.string(),
  districtCode: z.string().nullable(),
});
export type AdminUnitView = z.infer<typeof adminUnitSchema>;

export const listAdminUnitsQuery = z.object({ parent: anyUnitCode.optional() });
export const adminUnitListResponse = itemsOf(adminUnitSchema);
export const adminUnitParams = z.object({ code: anyUnitCode });
export const adminUnitWithAncestorsSchema = adminUnitSchema.extend({ ancestors: z.array(adminUnitSchema) });
