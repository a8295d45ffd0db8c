import type { Selectable } from 'kysely';

export type BusinessChangeStatus = 'pending' | 'approved' | 'refused';

/**
 * `business_changes`: a business asks to change a field the ward vouches for (name, address,
 * line of business); the ward desk approves (applied to `businesses`) or refuses with a
 * reason. The area columns copy the business's, for the desk's inbox and the policy.
 */
export interface BusinessChangesTable {
  id: string;
  business_id: string;
  ward_code: string;
  district_code: string;
  province_code: string;
  /** Canonical JSON `{ name?, address?, lineOfBusiness? }`: the values asked for. */
  proposed: string;
  /** The same fields' values when asked: what the desk compares with. */
  previous: string;
  status: BusinessChangeStatus;
  /** Why it was refused (or the desk's note on approval). */
  reason: string | null;
  requested_by: string | null;
  requested_at: string;
  decided_by: string | null;
  decided_at: string | null;
}

export type BusinessChangeRow = Selectable<BusinessChangesTable>;
