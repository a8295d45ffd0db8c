import { type AuditActor, audit } from '../audit/append-audit.js';
import type { BusinessRecord } from '../businesses/business-presenter.js';
import { newId } from '../db/ids.js';
import type { DossierChannel, DossierKind, DossierRow, Executor } from '../db/schema.js';
import { AppError, validationFailed } from '../errors.js';
import { type DossierRecord, findDossier } from './dossier-query.js';
import { recordDossierEvent } from './record-dossier-event.js';

export interface CreateDossierInput {
  kind: DossierKind;
  channel: DossierChannel;
  /** Required for an initial dossier; an amendment takes the approved dossier's period. */
  planFrom?: string | undefined;
  planTo?: string | undefined;
  note?: string | undefined;
}

/** States in which a dossier still counts (a rejected one does not block a new one). */
const LIVE = [
  'draft',
  'submitted',
  'health_confirmed',
  'awaiting_leader',
  'returned',
  'approved',
  'suspended',
] as const;
const OPEN = ['draft', 'submitted', 'health_confirmed', 'awaiting_leader', 'returned'] as const;

/**
 * Opens a draft dossier for an active business. One initial dossier per business and ward
 * (unless the previous was rejected: a business that moved registers again with its new
 * ward); an amendment needs the approved initial dossier of the business's ward (it takes its
 * plan period) and no other amendment in progress. Audited as `dossier.created`.
 */
export async function createDossier(
  db: Executor,
  input: CreateDossierInput & { business: BusinessRecord },
  actor: AuditActor,
  now: Date,
): Promise<DossierRecord> {
  const { business } = input;
  if (business.status !== 'active') throw new AppError('business_not_active');
  let planFrom = input.planFrom;
  let planTo = input.planTo;
  if (input.kind === 'initial') {
    const existing = await db
      .selectFrom('dossiers')
      .select('id')
      .where('business_id', '=', business.id)
      .where('ward_code', '=', business.ward_code)
      .where('kind', '=', 'initial')
      .where('state', 'in', LIVE)
      .executeTakeFirst();
    if (existing) throw new AppError('dossier_exists');
    const issues = [];
    if (!planFrom)
      issues.push({ path: 'body.planFrom', code: 'required', message: 'Nhập ngày bắt đầu của kỳ kế hoạch.' });
    if (!planTo) issues.push({ path: 'body.planTo', code: 'required', message: 'Nhập ngày kết thúc của kỳ kế hoạch.' });
    if (issues.length) throw validationFailed(issues);
  } else {
    const approved = await db
      .selectFrom('dossiers')
      .select(['plan_from', 'plan_to'])
      .where('business_id', '=', business.id)
      .where('ward_code', '=', business.ward_code)
      .where('kind', '=', 'initial')
      .where('state', '=', 'approved')
      .executeTakeFirst();
    if (!approved) throw new AppError('no_approved_dossier');
    const open = await db
      .selectFrom('dossiers')
      .select('id')
      .where('business_id', '=', business.id)
      .where('kind', '=', 'amendment')
      .where('state', 'in', OPEN)
      .executeTakeFirst();
    if (open) throw new AppError('dossier_exists', 'Doanh nghiệp đã có một hồ sơ bổ sung đang xử lý.');
    planFrom = approved.plan_from;
    planTo = approved.plan_to;
  }
  checkPlanPeriod(planFrom as string, planTo as string);
  const at = now.toISOString();
  const row: DossierRow = {
    id: newId(),
    business_id: business.id,
    ward_code: business.ward_code,
    district_code: business.district_code,
    province_code: business.province_code,
    kind: input.kind,
    channel: input.channel,
    state: 'draft',
    plan_from: planFrom as string,
    plan_to: planTo as string,
    note: input.note ?? '',
    reference_number: null,
    submitted_at: null,
    due_at: null,
    reminded_at: null,
    health_confirmed_at: null,
    decided_at: null,
    state_note: null,
    approved_by: null,
    approved_by_name: null,
    approved_by_title: null,
    commitment_name: null,
    commitment_text: null,
    committed_at: null,
    committed_by: null,
    created_by: actor.id,
    created_at: at,
    updated_at: at,
  };
  await db.insertInto('dossiers').values(row).execute();
  await recordDossierEvent(
    db,
    { dossierId: row.id, action: 'create', from: null, to: 'draft', note: null },
    actor,
    now,
  );
  await audit(
    db,
    actor,
    'dossier.created',
    { type: 'dossier', id: row.id, wardCode: row.ward_code },
    { businessId: business.id, kind: row.kind, channel: row.channel, planFrom: row.plan_from, planTo: row.plan_to },
    now,
  );
  return (await findDossier(db, row.id)) as DossierRecord;
}

/** The plan's period: real dates, from ≤ to, at most a year long. */
export function checkPlanPeriod(from: string, to: string): void {
  if (from > to) {
    throw validationFailed([
      { path: 'body.planTo', code: 'date_order', message: 'Ngày kết thúc kỳ kế hoạch phải sau ngày bắt đầu.' },
    ]);
  }
  if (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`) > 366 * 86_400_000) {
    throw validationFailed([{ path: 'body.planTo', code: 'date_range', message: 'Kỳ kế hoạch dài tối đa một năm.' }]);
  }
}
