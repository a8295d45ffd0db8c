import type { Executor, UserRow } from '../db/schema.js';
import { normaliseUsername } from './username.js';

export const findUserById = (db: Executor, id: string): Promise<UserRow | undefined> =>
  db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();

export const findUserByUsername = (db: Executor, username: string): Promise<UserRow | undefined> =>
  db.selectFrom('users').selectAll().where('username', '=', normaliseUsername(username)).executeTakeFirst();

export interface UserFilter {
  wardCode?: string;
  districtCode?: string;
  provinceCode?: string;
  role?: string;
  active?: boolean;
}

/** Users matching every given filter, by username. */
export async function listUsers(db: Executor, filter: UserFilter): Promise<UserRow[]> {
  let q = db.selectFrom('users').selectAll().orderBy('username');
  if (filter.wardCode) q = q.where('ward_code', '=', filter.wardCode);
  if (filter.districtCode) q = q.where('district_code', '=', filter.districtCode);
  if (filter.provinceCode) q = q.where('province_code', '=', filter.provinceCode);
  if (filter.role) q = q.where('role', '=', filter.role);
  if (filter.active !== undefined) q = q.where('active', '=', filter.active ? 1 : 0);
  return q.execute();
}

export async function countUsers(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
