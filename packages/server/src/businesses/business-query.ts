import { nameSearchKey } from '@thonghanh/core';
import type { BusinessStatus, Executor } from '../db/schema.js';
import type { BusinessRecord } from './business-presenter.js';

function baseQuery(db: Executor) {
  return db
    .selectFrom('businesses as b')
    .innerJoin('admin_units as w', 'w.code', 'b.ward_code')
    .selectAll('b')
    .select('w.name as ward_name');
}

export const findBusiness = (db: Executor, id: string): Promise<BusinessRecord | undefined> =>
  baseQuery(db).where('b.id', '=', id).executeTakeFirst();

export async function taxCodeTaken(db: Executor, taxCode: string): Promise<boolean> {
  return (
    (await db.selectFrom('businesses').select('id').where('tax_code', '=', taxCode).executeTakeFirst()) !== undefined
  );
}

export interface BusinessFilter {
  wardCode?: string;
  districtCode?: string;
  provinceCode?: string;
  status?: BusinessStatus;
  /** Part of the name (without diacritics) or the start of the tax code. */
  q?: string;
  limit: number;
  offset: number;
}

/** Businesses matching the filter, by name; with the total before paging. */
export async function listBusinesses(
  db: Executor,
  f: BusinessFilter,
): Promise<{ items: BusinessRecord[]; total: number }> {
  let q = baseQuery(db);
  if (f.wardCode) q = q.where('b.ward_code', '=', f.wardCode);
  if (f.districtCode) q = q.where('b.district_code', '=', f.districtCode);
  if (f.provinceCode) q = q.where('b.province_code', '=', f.provinceCode);
  if (f.status) q = q.where('b.status', '=', f.status);
  const search = f.q?.trim();
  if (search) {
    q = /^[0-9-]+$/.test(search)
      ? q.where('b.tax_code', 'like', `${search}%`)
      : q.where('b.name_key', 'like', `%${likeEscape(nameSearchKey(search))}%`);
  }
  const total = await q
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const items = await q.orderBy('b.name_key').orderBy('b.id').limit(f.limit).offset(f.offset).execute();
  return { items, total: Number(total.n) };
}

/** `%` and `_` typed by a user match themselves (LIKE without ESCAPE: they are simply dropped). */
export const likeEscape = (s: string): string => s.replace(/[%_\\]/g, '');
