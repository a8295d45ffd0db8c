import type { BusinessStatus } from '@thonghanh/contract/business-statuses';
import type { Selectable } from 'kysely';

/** The statuses are the API contract's (packages/contract/src/business-statuses.ts). */
export type { BusinessStatus };

/**
 * `businesses`: a unit (doanh nghiệp, cơ sở sản xuất kinh doanh) that issues permits to its
 * staff. `pending` after self-registration until the ward desk accepts (`active`) or
 * refuses (`refused`); an approved business may be `suspended` and reinstated.
 */
export interface BusinessesTable {
  id: string;
  /** Mã số thuế: 10 digits, or 10 + `-` + 3 for a branch; unique overall. */
  tax_code: string;
  name: string;
  /** `nameSearchKey(name)`: lower case, no diacritics. */
  name_key: string;
  address: string;
  /** Where it operates: the ward that approves its dossiers. District and province derived. */
  ward_code: string;
  district_code: string;
  province_code: string;
  line_of_business: string;
  contact_name: string;
  /** National form `0xxxxxxxxx`. */
  contact_phone: string;
  /** Where the business hears of its dossiers. */
  contact_email: string | null;
  status: BusinessStatus;
  /** Why it was refused or suspended (or reinstated). */
  status_reason: string | null;
  registered_via: 'self' | 'ward';
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export type BusinessRow = Selectable<BusinessesTable>;
