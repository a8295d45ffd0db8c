import { type AuditActor, audit } from '../../audit/append-audit.js';
import type { BusinessRecord } from '../../businesses/business-presenter.js';
import { newId } from '../../db/ids.js';
import type { Executor, InspectionCaseEntryKind } from '../../db/schema.js';
import { findDossier } from '../../dossiers/dossier-query.js';
import { type TransitionResult, transitionDossier } from '../../dossiers/transition-dossier.js';
import { AppError, type Issue } from '../../errors.js';
import type { WorkflowHooks } from '../../workflow/hooks.js';
import type { Finding } from '../describe-findings.js';
import { findFindingByKey } from '../find-finding.js';
import { resolveArea } from '../inspection-area.js';
import { type CaseRecord, findCase, findingKeysOf } from './case-query.js';

/**
 * Commands on inspection cases (hồ sơ hậu kiểm). Each audits first (the audit head is every
 * write's first lock), then takes the case row (`touch`) so entries of one case get their
 * sequence numbers one writer at a time, then writes its entries.
 */
const entity = (c: Pick<CaseRecord, 'id' | 'ward_code'>) => ({
  type: 'inspection_case',
  id: c.id,
  wardCode: c.ward_code,
});

async function touch(db: Executor, caseId: string, now: Date): Promise<void> {
  await db.updateTable('inspection_cases').set({ updated_at: now.toISOString() }).where('id', '=', caseId).execute();
}

async function addEntries(
  db: Executor,
  caseId: string,
  entries: Array<{ kind: InspectionCaseEntryKind; note?: string | null; finding?: Finding }>,
  actor: AuditActor,
  now: Date,
): Promise<void> {
  const last = await db
    .selectFrom('inspection_case_entries')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  let seq = Number(last?.seq ?? 0);
  if (entries.length === 0) return;
  await db
    .insertInto('inspection_case_entries')
    .values(
      entries.map((e) => ({
        id: newId(),
        case_id: caseId,
        seq: ++seq,
        kind: e.kind,
        finding_key: e.finding?.key ?? null,
        finding_kind: e.finding?.kind ?? null,
        finding: e.finding ? JSON.stringify(e.finding) : null,
        note: e.note ?? null,
        actor_id: actor.id,
        actor_role: actor.role,
        at: now.toISOString(),
      })),
    )
    .execute();
}

function assertOpen(c: CaseRecord): void {
  if (c.state !== 'open') throw new AppError('inspection_case_closed');
}

/**
 * The findings named by `keys`, found again by the rules in the case ward (never trusted from
 * the client), each of the case's unit. Unknown or foreign keys: 422 with one issue each.
 */
async function resolveFindings(
  db: Executor,
  c: Pick<CaseRecord, 'ward_code' | 'business_id'>,
  keys: string[],
  now: Date,
) {
  const area = await resolveArea(db, { wardCode: c.ward_code });
  const found: Finding[] = [];
  const missing: Issue[] = [];
  const foreign: Issue[] = [];
  for (const [i, key] of keys.entries()) {
    const f = await findFindingByKey(db, area, key, now);
    if (!f)
      missing.push({
        path: `body.findingKeys.${i}`,
        code: 'finding_not_found',
        message: 'Không tìm thấy phát hiện này.',
      });
    else if (f.unit?.id !== c.business_id)
      foreign.push({
        path: `body.findingKeys.${i}`,
        code: 'finding_other_unit',
        message: 'Phát hiện này không thuộc đơn vị của hồ sơ hậu kiểm.',
      });
    else found.push(f);
  }
  if (missing.length > 0) throw new AppError('finding_not_found', undefined, { issues: [...missing, ...foreign] });
  if (foreign.length > 0) throw new AppError('finding_other_unit', undefined, { issues: foreign });
  return found;
}

export interface OpenCaseInput {
  business: BusinessRecord;
  title?: string | undefined;
  note?: string | undefined;
  findingKeys?: string[] | undefined;
}

/** Opens a case on a unit of the ward (one open case per unit), with its first findings and note. */
export async function openCase(db: Executor, input: OpenCaseInput, actor: AuditActor, now: Date): Promise<CaseRecord> {
  const b = input.business;
  const open = await db
    .selectFrom('inspection_cases')
    .select('id')
    .where('business_id', '=', b.id)
    .where('state', '=', 'open')
    .executeTakeFirst();
  if (open) throw new AppError('inspection_case_open');
  const keys = [...new Set(input.findingKeys ?? [])];
  const findings = await resolveFindings(db, { ward_code: b.ward_code, business_id: b.id }, keys, now);
  const id = newId();
  const title = input.title?.trim() || `Hậu kiểm ${b.name}`;
  await audit(
    db,
    actor,
    'inspection_case.opened',
    { type: 'inspection_case', id, wardCode: b.ward_code },
    { businessId: b.id, title, findings: keys, ...(input.note ? { note: input.note } : {}) },
    now,
  );
  const at = now.toISOString();
  await db
    .insertInto('inspection_cases')
    .values({
      id,
      business_id: b.id,
      ward_code: b.ward_code,
      district_code: b.district_code,
      province_code: b.province_code,
      title,
      state: 'open',
      outcome: null,
      opened_by: actor.id,
      opened_at: at,
      closed_by: null,
      closed_at: null,
      updated_at: at,
    })
    .execute();
  await addEntries(
    db,
    id,
    [
      { kind: 'opened', note: input.note?.trim() || null },
      ...findings.map((finding) => ({ kind: 'finding' as const, finding })),
    ],
    actor,
    now,
  );
  return (await findCase(db, id)) as CaseRecord;
}

/** Attaches findings (those already there are skipped). */
export async function addFindings(
  db: Executor,
  c: CaseRecord,
  keys: string[],
  actor: AuditActor,
  now: Date,
): Promise<CaseRecord> {
  assertOpen(c);
  const have = await findingKeysOf(db, c.id);
  const fresh = [...new Set(keys)].filter((k) => !have.has(k));
  const findings = await resolveFindings(db, c, fresh, now);
  if (findings.length === 0) return c;
  await audit(db, actor, 'inspection_case.findings_added', entity(c), { findings: fresh }, now);
  await touch(db, c.id, now);
  await addEntries(
    db,
    c.id,
    findings.map((finding) => ({ kind: 'finding' as const, finding })),
    actor,
    now,
  );
  return (await findCase(db, c.id)) as CaseRecord;
}

export async function addNote(db: Executor, c: CaseRecord, note: string, actor: AuditActor, now: Date) {
  assertOpen(c);
  await audit(db, actor, 'inspection_case.note_added', entity(c), { note }, now);
  await touch(db, c.id, now);
  await addEntries(db, c.id, [{ kind: 'note', note }], actor, now);
  return (await findCase(db, c.id)) as CaseRecord;
}

async function close(
  db: Executor,
  c: CaseRecord,
  outcome: 'no_action' | 'unit_suspended',
  note: string,
  actor: AuditActor,
  now: Date,
) {
  const at = now.toISOString();
  const moved = await db
    .updateTable('inspection_cases')
    .set({ state: 'closed', outcome, closed_by: actor.id, closed_at: at, updated_at: at })
    .where('id', '=', c.id)
    .where('state', '=', 'open')
    .executeTakeFirst();
  if (Number(moved.numUpdatedRows) !== 1) throw new AppError('inspection_case_closed');
  await addEntries(db, c.id, [{ kind: outcome === 'no_action' ? 'closed' : 'unit_suspended', note }], actor, now);
}

/** Closes the case without action on the unit (the findings explained, a warning given …). */
export async function closeCase(db: Executor, c: CaseRecord, note: string, actor: AuditActor, now: Date) {
  assertOpen(c);
  await audit(db, actor, 'inspection_case.closed', entity(c), { outcome: 'no_action', note }, now);
  await close(db, c, 'no_action', note, actor, now);
  return (await findCase(db, c.id)) as CaseRecord;
}

/**
 * Suspends the unit through the workflow (its approved initial dossier → suspended: the
 * business suspended, its permits and unit QR revoked by the hooks, the e-mail to the
 * business), then closes the case with that outcome. The workflow decides who may (the
 * one-stop desk) and from which state (an approved dossier: otherwise 409).
 */
export async function suspendUnit(
  db: Executor,
  c: CaseRecord,
  note: string,
  hooks: WorkflowHooks,
  actor: AuditActor,
  now: Date,
): Promise<{ case: CaseRecord; transition: TransitionResult }> {
  assertOpen(c);
  const initial = await db
    .selectFrom('dossiers')
    .select('id')
    .where('business_id', '=', c.business_id)
    .where('kind', '=', 'initial')
    .where('state', 'in', ['approved', 'suspended'])
    .executeTakeFirst();
  const dossier = initial ? await findDossier(db, initial.id) : undefined;
  if (!dossier) throw new AppError('no_approved_dossier');
  const transition = await transitionDossier(db, { dossier, action: 'suspend', note, hooks }, actor, now);
  await audit(
    db,
    actor,
    'inspection_case.unit_suspended',
    entity(c),
    { dossierId: dossier.id, businessId: c.business_id, note },
    now,
  );
  await close(db, c, 'unit_suspended', note, actor, now);
  return { case: (await findCase(db, c.id)) as CaseRecord, transition };
}
