import { type AuditActor, audit } from '../audit/append-audit.js';
import type { Executor } from '../db/schema.js';
import { AppError } from '../errors.js';
import { EDITABLE_STATES } from '../workflow/transitions.js';
import { checkPlanPeriod } from './create-dossier.js';
import { type DossierRecord, findDossier } from './dossier-query.js';

export interface DossierChanges {
  planFrom?: string | undefined;
  planTo?: string | undefined;
  note?: string | undefined;
}

/** The keeper fixes the plan period or the note while the dossier is a draft or returned. */
export async function updateDossier(
  db: Executor,
  input: { dossier: DossierRecord; changes: DossierChanges },
  actor: AuditActor,
  now: Date,
): Promise<DossierRecord> {
  const { dossier, changes } = input;
  assertEditable(dossier);
  if (dossier.kind === 'amendment' && (changes.planFrom || changes.planTo)) {
    throw new AppError('validation_failed', 'Hồ sơ bổ sung dùng kỳ kế hoạch của hồ sơ đã phê duyệt.');
  }
  const next = {
    plan_from: changes.planFrom ?? dossier.plan_from,
    plan_to: changes.planTo ?? dossier.plan_to,
    note: changes.note ?? dossier.note,
  };
  checkPlanPeriod(next.plan_from, next.plan_to);
  const changed = Object.fromEntries(
    Object.entries(next).filter(([k, v]) => (dossier as unknown as Record<string, unknown>)[k] !== v),
  );
  if (Object.keys(changed).length === 0) return dossier;
  await db
    .updateTable('dossiers')
    .set({ ...changed, updated_at: now.toISOString() })
    .where('id', '=', dossier.id)
    .execute();
  await audit(
    db,
    actor,
    'dossier.updated',
    { type: 'dossier', id: dossier.id, wardCode: dossier.ward_code },
    changed,
    now,
  );
  return (await findDossier(db, dossier.id)) as DossierRecord;
}

/** 409 `dossier_locked` unless the dossier is a draft or returned. */
export function assertEditable(dossier: Pick<DossierRecord, 'state'>): void {
  if (!EDITABLE_STATES.includes(dossier.state)) throw new AppError('dossier_locked');
}
