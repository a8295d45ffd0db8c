import type { Selectable } from 'kysely';

export type AdminLevel = 'province' | 'district' | 'ward';

/** `admin_units`: provinces, districts and wards with their GSO codes (2, 3 and 5 digits). */
export interface AdminUnitsTable {
  code: string;
  level: AdminLevel;
  name: string;
  parent_code: string | null;
  province_code: string;
  /** Null for a province. */
  district_code: string | null;
}

export type AdminUnitRow = Selectable<AdminUnitsTable>;
