import type { DossierAttachmentRow, DossierEventRow, DossierRow, DossierState, Executor } from '../db/schema.js';
import { type Approval, OPEN_STATES } from '../workflow/transitions.js';

/** A dossier with what lists and policies need: its business, ward name and staff count. */
export interface DossierRecord extends DossierRow {
  business_name: string;
  business_tax_code: string;
  business_status: string;
  business_email: string | null;
  ward_name: string;
  /** People the dossier adds (not removed). */
  staff_count: number;
  /** Who approves in its ward now (the ward setting `leaderApprovalRequired`). */
  approval: Approval;
}

function baseQuery(db: Executor) {
  return db
    .selectFrom('dossiers as d')
    .innerJoin('businesses as b', 'b.id', 'd.business_id')
    .innerJoin('admin_units as w', 'w.code', 'd.ward_code')
    .leftJoin('ward_settings as ws', 'ws.ward_code', 'd.ward_code')
    .selectAll('d')
    .select((eb) => [
      'b.name as business_name',
      'b.tax_code as business_tax_code',
      'b.status as business_status',
      'b.contact_email as business_email',
      'w.name as ward_name',
      'ws.leader_approval_required',
      eb
        .selectFrom('staff_members as s')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('s.dossier_id', '=', 'd.id')
        .where('s.status', '!=', 'removed')
        .as('staff_count'),
    ]);
}

type DossierQueryRow = Omit<DossierRecord, 'approval'> & { leader_approval_required: number | null };

/** A ward without settings has the leader sign (the default). */
const withCount = ({ leader_approval_required, ...r }: DossierQueryRow): DossierRecord => ({
  ...r,
  staff_count: Number(r.staff_count ?? 0),
  approval: leader_approval_required === null || Number(leader_approval_required) === 1 ? 'leader' : 'desk',
});

export async function findDossier(db: Executor, id: string): Promise<DossierRecord | undefined> {
  const r = await baseQuery(db).where('d.id', '=', id).executeTakeFirst();
  return r ? withCount(r as DossierQueryRow) : undefined;
}

export interface DossierFilter {
  wardCode?: string;
  districtCode?: string;
  provinceCode?: string;
  businessId?: string;
  states?: DossierState[];
  kind?: 'initial' | 'amendment';
  /** Only dossiers past their deadline while waiting for the ward (needs `now`). */
  overdue?: boolean;
  now: Date;
  limit: number;
  offset: number;
}

/**
 * Dossiers matching the filter. Order: the inbox's: open dossiers by deadline (the most
 * urgent first), then the rest, newest first.
 */
export async function listDossiers(db: Executor, f: DossierFilter): Promise<{ items: DossierRecord[]; total: number }> {
  let q = baseQuery(db);
  if (f.wardCode) q = q.where('d.ward_code', '=', f.wardCode);
  if (f.districtCode) q = q.where('d.district_code', '=', f.districtCode);
  if (f.provinceCode) q = q.where('d.province_code', '=', f.provinceCode);
  if (f.businessId) q = q.where('d.business_id', '=', f.businessId);
  if (f.states?.length) q = q.where('d.state', 'in', f.states);
  if (f.kind) q = q.where('d.kind', '=', f.kind);
  if (f.overdue) {
    q = q.where('d.state', 'in', OPEN_STATES).where('d.due_at', '<', f.now.toISOString());
  }
  const total = await q
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const items = await q
    .orderBy((eb) => eb.case().when('d.state', 'in', OPEN_STATES).then(0).else(1).end())
    .orderBy((eb) => eb.case().when('d.state', 'in', OPEN_STATES).then(eb.ref('d.due_at')).else('').end())
    .orderBy('d.updated_at', 'desc')
    .orderBy('d.id')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  return { items: items.map((r) => withCount(r as DossierQueryRow)), total: Number(total.n) };
}

export interface DossierEventRecord extends DossierEventRow {
  actor_name: string | null;
}

/** The dossier's timeline, oldest first, with the actors' names. */
export const listDossierEvents = (db: Executor, dossierId: string): Promise<DossierEventRecord[]> =>
  db
    .selectFrom('dossier_events as e')
    .leftJoin('users as u', 'u.id', 'e.actor_id')
    .selectAll('e')
    .select('u.full_name as actor_name')
    .where('e.dossier_id', '=', dossierId)
    .orderBy('e.seq')
    .execute();

export interface AttachmentRecord extends DossierAttachmentRow {
  uploaded_by_name: string | null;
}

/** Every version of every file, oldest first, with the uploaders' names. */
export const listAttachments = (db: Executor, dossierId: string): Promise<AttachmentRecord[]> =>
  db
    .selectFrom('dossier_attachments as a')
    .leftJoin('users as u', 'u.id', 'a.uploaded_by')
    .selectAll('a')
    .select('u.full_name as uploaded_by_name')
    .where('a.dossier_id', '=', dossierId)
    .orderBy('a.uploaded_at')
    .orderBy('a.version')
    .orderBy('a.id')
    .execute();
