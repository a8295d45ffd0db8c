import { nameSearchKey } from '@thonghanh/core';
import { sql } from 'kysely';
import { dialectOf } from '../../db/database.js';
import type { Executor, StaffMemberRow, StaffStatus } from '../../db/schema.js';

export interface StaffFilter {
  businessId?: string;
  dossierId?: string;
  statuses?: StaffStatus[];
  /** A name without diacritics (any part), or the start of a document number. */
  q?: string;
  limit: number;
  offset: number;
}

/** A page of a staff list, by name (search key) then number; with the total. */
export async function listStaff(db: Executor, f: StaffFilter): Promise<{ items: StaffMemberRow[]; total: number }> {
  let q = db.selectFrom('staff_members').selectAll();
  if (f.businessId) q = q.where('business_id', '=', f.businessId);
  if (f.dossierId) q = q.where('dossier_id', '=', f.dossierId);
  if (f.statuses?.length) q = q.where('status', 'in', f.statuses);
  const search = f.q?.trim();
  if (search) {
    const compact = search.replace(/[\s.-]/g, '');
    q = /^[0-9A-Za-z]*[0-9][0-9A-Za-z]*$/.test(compact)
      ? q.where('id_number', 'like', `${compact.toUpperCase()}%`)
      : q.where('name_key', 'like', `%${nameSearchKey(search).replace(/[%_\\]/g, '')}%`);
  }
  const total = await q
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const items = await q
    .orderBy('name_key')
    .orderBy('id_number')
    .orderBy('id')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  return { items, total: Number(total.n) };
}

export const findStaffMember = (db: Executor, id: string): Promise<StaffMemberRow | undefined> =>
  db.selectFrom('staff_members').selectAll().where('id', '=', id).executeTakeFirst();

const CHUNK = 500;

/**
 * The document numbers of a lookup, a statement at a time: on PostgreSQL all of them as one
 * array parameter (`= any($1)`: one round trip and one small plan for a 10,000-row list
 * instead of twenty 500-parameter statements), on SQLite 500 per `in (…)`.
 */
function numberChunks(db: Executor, numbers: string[]): string[][] {
  if (dialectOf(db) === 'postgres') return numbers.length > 0 ? [numbers] : [];
  const out = [];
  for (let i = 0; i < numbers.length; i += CHUNK) out.push(numbers.slice(i, i + CHUNK));
  return out;
}

const numberIn = (db: Executor, column: string, chunk: string[]) =>
  dialectOf(db) === 'postgres'
    ? sql<boolean>`${sql.ref(column)} = any(${chunk}::text[])`
    : sql<boolean>`${sql.ref(column)} in (${sql.join(chunk)})`;

/**
 * Of these document numbers, those on the approved list of another business, with that
 * business's name (the import's `registered_elsewhere` warning).
 */
export async function registeredElsewhere(
  db: Executor,
  businessId: string,
  numbers: string[],
): Promise<Map<string, { businessName: string }>> {
  const found = new Map<string, { businessName: string }>();
  for (const chunk of numberChunks(db, numbers)) {
    const rows = await db
      .selectFrom('staff_members as s')
      .innerJoin('businesses as b', 'b.id', 's.business_id')
      .select(['s.id_number', 'b.name'])
      .where('s.status', '=', 'approved')
      .where('s.business_id', '!=', businessId)
      .where(numberIn(db, 's.id_number', chunk))
      .execute();
    for (const r of rows) if (!found.has(r.id_number)) found.set(r.id_number, { businessName: r.name });
  }
  return found;
}

/** Of these numbers, those on this business's list with one of `statuses`, outside `exceptDossierId`. */
export async function numbersOnBusinessList(
  db: Executor,
  businessId: string,
  numbers: string[],
  statuses: StaffStatus[],
  exceptDossierId?: string,
  wardCode?: string,
): Promise<Set<string>> {
  const found = new Set<string>();
  for (const chunk of numberChunks(db, numbers)) {
    let q = db
      .selectFrom('staff_members')
      .select('id_number')
      .where('business_id', '=', businessId)
      .where('status', 'in', statuses)
      .where(numberIn(db, 'id_number', chunk));
    if (exceptDossierId) q = q.where('dossier_id', '!=', exceptDossierId);
    if (wardCode) q = q.where('ward_code', '=', wardCode);
    for (const r of await q.execute()) found.add(r.id_number);
  }
  return found;
}

/** Every ward code of the administrative units (for `wardExists`). */
export async function wardCodeSet(db: Executor, only?: string[]): Promise<Set<string>> {
  let q = db.selectFrom('admin_units').select('code').where('level', '=', 'ward');
  if (only) {
    if (only.length === 0) return new Set();
    q = q.where('code', 'in', only);
  }
  return new Set((await q.execute()).map((r) => r.code));
}
