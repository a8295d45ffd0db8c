import type { StaffIdType, StaffStatus } from '@thonghanh/contract/staff-statuses';
import type { Selectable } from 'kysely';

/** The statuses and identity papers are the API contract's (packages/contract/src/staff-statuses.ts). */
export type { StaffStatus };

/**
 * `staff_members`: one person of a business's staff list (danh sách người lao động).
 * `pending` while the dossier that added them is not approved; `approved` = on the
 * registered list (permits may be issued); `removed` = taken off (or never approved).
 */
export interface StaffMembersTable {
  id: string;
  business_id: string;
  /** The dossier that added the person. */
  dossier_id: string;
  /** The business's ward (for area filters). */
  ward_code: string;
  status: StaffStatus;
  full_name: string;
  /** `nameSearchKey(full_name)`: search without diacritics. */
  name_key: string;
  id_type: StaffIdType;
  id_number: string;
  /** `YYYY-MM-DD`. */
  date_of_birth: string;
  position: string | null;
  phone: string | null;
  residence_address: string;
  residence_ward: string | null;
  workplace: string | null;
  route_from: string;
  route_to: string;
  /** JSON array of 5-digit ward codes. */
  route_wards: string;
  /** JSON `{ days: number[] (1 = Mon … 7 = Sun), start: 'HH:MM', end: 'HH:MM' }`. */
  schedule: string;
  /** The spreadsheet row it was imported from (null when added by hand). */
  source_row: number | null;
  created_at: string;
  updated_at: string;
  approved_at: string | null;
  removed_at: string | null;
  removed_reason: string | null;
  removed_by: string | null;
}

export type StaffMemberRow = Selectable<StaffMembersTable>;
