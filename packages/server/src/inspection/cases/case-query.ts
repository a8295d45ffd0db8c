import type { Executor, InspectionCaseEntryRow, InspectionCaseRow } from '../../db/schema.js';

/** A case with its unit's name, tax code and status, and how many findings it holds. */
export interface CaseRecord extends InspectionCaseRow {
  business_name: string;
  business_tax_code: string;
  business_status: string;
  finding_count: number;
}

function baseQuery(db: Executor) {
  return db
    .selectFrom('inspection_cases as c')
    .innerJoin('businesses as b', 'b.id', 'c.business_id')
    .selectAll('c')
    .select((eb) => [
      'b.name as business_name',
      'b.tax_code as business_tax_code',
      'b.status as business_status',
      eb
        .selectFrom('inspection_case_entries as e')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('e.case_id', '=', 'c.id')
        .where('e.kind', '=', 'finding')
        .as('finding_count'),
    ]);
}

const normalise = (r: CaseRecord): CaseRecord => ({ ...r, finding_count: Number(r.finding_count ?? 0) });

export async function findCase(db: Executor, id: string): Promise<CaseRecord | undefined> {
  const r = await baseQuery(db).where('c.id', '=', id).executeTakeFirst();
  return r ? normalise(r as CaseRecord) : undefined;
}

export interface CaseFilter {
  wardCode?: string;
  districtCode?: string;
  provinceCode?: string;
  state?: 'open' | 'closed';
  businessId?: string;
}

/** Cases of an area, open ones first, newest first. */
export async function listCases(db: Executor, f: CaseFilter, page: { limit: number; offset: number }) {
  const filtered = <Q extends ReturnType<typeof baseQuery> | ReturnType<typeof countQuery>>(q: Q): Q => {
    let r = q as ReturnType<typeof baseQuery>;
    if (f.wardCode) r = r.where('c.ward_code', '=', f.wardCode);
    if (f.districtCode) r = r.where('c.district_code', '=', f.districtCode);
    if (f.provinceCode) r = r.where('c.province_code', '=', f.provinceCode);
    if (f.state) r = r.where('c.state', '=', f.state);
    if (f.businessId) r = r.where('c.business_id', '=', f.businessId);
    return r as unknown as Q;
  };
  const total = await filtered(countQuery(db)).executeTakeFirstOrThrow();
  const items = await filtered(baseQuery(db))
    .orderBy('c.state', 'desc')
    .orderBy('c.opened_at', 'desc')
    .orderBy('c.id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return { items: items.map((r) => normalise(r as CaseRecord)), total: Number(total.n) };
}

const countQuery = (db: Executor) =>
  db
    .selectFrom('inspection_cases as c')
    .innerJoin('businesses as b', 'b.id', 'c.business_id')
    .select((eb) => eb.fn.countAll<number>().as('n'));

export interface CaseEntryRecord extends InspectionCaseEntryRow {
  actor_name: string | null;
}

export const listCaseEntries = (db: Executor, caseId: string): Promise<CaseEntryRecord[]> =>
  db
    .selectFrom('inspection_case_entries as e')
    .leftJoin('users as u', 'u.id', 'e.actor_id')
    .selectAll('e')
    .select('u.full_name as actor_name')
    .where('e.case_id', '=', caseId)
    .orderBy('e.seq')
    .execute();

/** The keys of findings already in a case. */
export async function findingKeysOf(db: Executor, caseId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('inspection_case_entries')
    .select('finding_key')
    .where('case_id', '=', caseId)
    .where('finding_key', 'is not', null)
    .execute();
  return new Set(rows.map((r) => r.finding_key as string));
}
