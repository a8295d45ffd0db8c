import type { ColumnType, Selectable } from 'kysely';

/** `users`: one account, scoped to a ward, a district, a province or a business (see authz/roles.ts). */
export interface UsersTable {
  id: string;
  /** Lower case, unique. */
  username: string;
  /** `scrypt$N$r$p$salt$hash` (auth/password.ts). */
  password_hash: string;
  full_name: string;
  /** Optional e-mail address (migration 010); validated, lower-cased domain. */
  email: ColumnType<string | null, string | null | undefined, string | null>;
  role: string;
  /** Position (chức vụ), e.g. `Chủ tịch UBND phường`: printed under a leader's signature. */
  title: string | null;
  province_code: string | null;
  district_code: string | null;
  ward_code: string | null;
  /** The business of a `business_rep` (a foreign key once businesses exist). */
  business_id: string | null;
  /** 1 active, 0 deactivated. */
  active: number;
  /** 1 after a generated or reset password: the user should choose their own. */
  must_change_password: number;
  created_at: string;
  updated_at: string;
}

export type UserRow = Selectable<UsersTable>;
