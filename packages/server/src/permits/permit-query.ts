import type { PermitState } from '@thonghanh/contract';
import { nameSearchKey } from '@thonghanh/core';
import type { Executor, PermitRow } from '../db/schema.js';

/** `expired` is derived: active with `valid_to` in the past (the states are the contract's). */
export { PERMIT_STATES, type PermitState } from '@thonghanh/contract';

export const findPermit = (db: Executor, id: string): Promise<PermitRow | undefined> =>
  db.selectFrom('permits').selectAll().where('id', '=', id).executeTakeFirst();

export interface PermitFilter {
  businessId?: string;
  wardCode?: string;
  districtCode?: string;
  provinceCode?: string;
  staffId?: string;
  /** The permits one batch issued. */
  batchId?: string;
  state?: PermitState;
  /** Part of the holder's name (without diacritics), the start of a document number or a serial. */
  q?: string;
  /** Now, for the derived state. */
  now: Date;
}

function filtered(db: Executor, f: PermitFilter) {
  const at = f.now.toISOString();
  let q = db.selectFrom('permits');
  if (f.businessId) q = q.where('business_id', '=', f.businessId);
  if (f.wardCode) q = q.where('ward_code', '=', f.wardCode);
  if (f.districtCode) q = q.where('district_code', '=', f.districtCode);
  if (f.provinceCode) q = q.where('province_code', '=', f.provinceCode);
  if (f.staffId) q = q.where('staff_id', '=', f.staffId);
  if (f.batchId) q = q.where('batch_id', '=', f.batchId);
  if (f.state === 'revoked') q = q.where('status', '=', 'revoked');
  if (f.state === 'active') q = q.where('status', '=', 'active').where('valid_to', '>', at);
  if (f.state === 'expired') q = q.where('status', '=', 'active').where('valid_to', '<=', at);
  const search = f.q?.trim().replace(/[%_\\]/g, '');
  if (search) {
    q = /^[0-9]/.test(search)
      ? q.where((eb) => eb.or([eb('id_number', 'like', `${search}%`), eb('serial', 'like', `${search}%`)]))
      : /^[A-Z0-9]+$/.test(search)
        ? q.where((eb) =>
            eb.or([eb('id_number', 'like', `${search}%`), eb('holder_key', 'like', `%${nameSearchKey(search)}%`)]),
          )
        : q.where('holder_key', 'like', `%${nameSearchKey(search)}%`);
  }
  return q;
}

/** Permits matching the filter, newest first (then by serial; a batch's by serial), with the total before paging. */
export async function listPermits(
  db: Executor,
  f: PermitFilter,
  page: { limit: number; offset: number },
): Promise<{ items: PermitRow[]; total: number }> {
  const total = await filtered(db, f)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = filtered(db, f).selectAll();
  const ordered = f.batchId
    ? rows.orderBy('year').orderBy('seq')
    : rows.orderBy('issued_at', 'desc').orderBy('year', 'desc').orderBy('seq', 'desc');
  const items = await ordered.limit(page.limit).offset(page.offset).execute();
  return { items, total: Number(total.n) };
}

/** The number of permits matching a filter. */
export async function countPermits(db: Executor, f: PermitFilter): Promise<number> {
  const r = await filtered(db, f)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/**
 * The permits of a filter in serial order, one page (`size` rows) at a time: keyset paging on
 * (business, year, seq), so memory stays flat however many there are.
 */
export async function* permitPages(db: Executor, f: PermitFilter, size = 200): AsyncGenerator<PermitRow[]> {
  let after: { business_id: string; year: number; seq: number } | null = null;
  for (;;) {
    let q = filtered(db, f).selectAll();
    if (after) {
      const a = after;
      q = q.where((eb) =>
        eb.or([
          eb('business_id', '>', a.business_id),
          eb.and([eb('business_id', '=', a.business_id), eb('year', '>', a.year)]),
          eb.and([eb('business_id', '=', a.business_id), eb('year', '=', a.year), eb('seq', '>', a.seq)]),
        ]),
      );
    }
    const rows = await q.orderBy('business_id').orderBy('year').orderBy('seq').limit(size).execute();
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < size) return;
    const last = rows[rows.length - 1] as PermitRow;
    after = { business_id: last.business_id, year: last.year, seq: last.seq };
  }
}

/** Given permits, by id, in chunks (for printing a selection). */
export async function* permitsByIds(db: Executor, ids: string[], size = 200): AsyncGenerator<PermitRow[]> {
  for (let i = 0; i < ids.length; i += size) {
    const chunk = ids.slice(i, i + size);
    const rows = await db.selectFrom('permits').selectAll().where('id', 'in', chunk).execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    yield chunk.map((id) => byId.get(id)).filter((r): r is PermitRow => r !== undefined);
  }
}
