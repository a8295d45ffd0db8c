import type { AuditAction } from '@thonghanh/core';
import { type AuditActor, audit } from '../audit/append-audit.js';
import type { Role } from '../authz/index.js';
import type { DossierState, Executor } from '../db/schema.js';
import { AppError, forbidden, validationFailed } from '../errors.js';
import { getWardSettings } from '../ward-settings/ward-settings.js';
import type { WorkflowHooks } from '../workflow/hooks.js';
import { checkTransition, STATE_LABELS, type Transition, type TransitionAction } from '../workflow/transitions.js';
import { COMMITMENT_TEXT } from './commitment.js';
import { type DossierRecord, findDossier } from './dossier-query.js';
import { nextReferenceNumber } from './next-reference-number.js';
import { recordDossierEvent } from './record-dossier-event.js';

const DAY_MS = 86_400_000;

/** The audit action of each transition: `dossier.<past tense>`. */
const AUDIT_ACTION: Record<TransitionAction, AuditAction> = {
  submit: 'dossier.submitted',
  confirm_health: 'dossier.health_confirmed',
  return: 'dossier.returned',
  send_for_signature: 'dossier.sent_for_signature',
  return_to_desk: 'dossier.returned_to_desk',
  approve: 'dossier.approved',
  reject: 'dossier.rejected',
  suspend: 'dossier.suspended',
  reinstate: 'dossier.reinstated',
  reopen: 'dossier.rejection_reversed',
};

export interface TransitionInput {
  dossier: DossierRecord;
  action: TransitionAction;
  note?: string | null | undefined;
  hooks: WorkflowHooks;
  /** Submit: the business representative's commitment (ký cam kết); refused without it. */
  commitment?: Commitment | undefined;
}

/** The representative's commitment, made when the dossier is (re)submitted. */
export interface Commitment {
  /** The representative's full name, typed as their signature. */
  name: string;
  /** They ticked "Tôi cam kết…" (the text is COMMITMENT_TEXT). */
  accepted: boolean;
}

/** The approver's name and position (chức vụ), printed on the confirmation. */
export interface Approver {
  name: string;
  title: string | null;
}

export interface TransitionResult {
  dossier: DossierRecord;
  from: DossierState;
  transition: Transition;
  /** True for a submission after a return. */
  resubmitted: boolean;
}

/**
 * Moves a dossier along one row of the state machine (workflow/transitions.ts), with its
 * effects, all in the caller's transaction: the timeline row, the audit row, and
 * - submit: submitted_at, due_at = now + the ward's due_days, reminder cleared; needs a
 *   plan file (initial dossiers) and at least one person;
 * - confirm_health: health_confirmed_at;
 * - submit also records the representative's commitment (name, text, time), refused
 *   (`commitment_required`) without it;
 * - approve: the ward's reference number, who approved (`approver`: name and title), the
 *   dossier's people `approved`, `hooks.dossierApproved`;
 * - send_for_signature / return_to_desk: the leader's queue in and out (a return's reason kept);
 * - reject: the dossier's people `removed` (never approved);
 * - suspend / reinstate (initial dossier): the business `suspended` / `active`,
 *   `hooks.businessSuspended` / `businessReinstated`;
 * - reopen (the ward takes back a rejection): back to `submitted` with a new deadline, the
 *   people the rejection removed pending again; refused (409 `dossier_exists`) when the
 *   business has meanwhile started another dossier of the same kind.
 * A dossier of a ward the business has moved away from moves no more (409 `illegal_transition`).
 * The actor's role decides (`actor.role`); their scope is the caller's check.
 */
export async function transitionDossier(
  db: Executor,
  input: TransitionInput,
  actor: AuditActor,
  now: Date,
  approver?: Approver,
): Promise<TransitionResult> {
  const { dossier, action, hooks } = input;
  const note = input.note?.trim() ? input.note.trim() : null;
  const check = checkTransition(action, dossier, actor.role as Role, note);
  if (!check.ok) {
    if (check.reason === 'illegal') {
      if (action === 'approve' && dossier.state === 'health_confirmed' && dossier.approval === 'leader') {
        throw new AppError('leader_signature_required');
      }
      throw new AppError(
        'illegal_transition',
        `Hồ sơ đang ở trạng thái "${STATE_LABELS[dossier.state]}" nên không thể ${ACTION_VERB[action]}.`,
      );
    }
    if (check.reason === 'not_allowed') throw forbidden();
    throw validationFailed([
      { path: 'body.note', code: 'required', message: 'Nhập lý do (doanh nghiệp sẽ đọc lý do này).' },
    ]);
  }
  const t = check.transition;
  const at = now.toISOString();
  const set: Record<string, string | null> = { state: t.to, updated_at: at };

  const business = await db
    .selectFrom('businesses')
    .select(['status', 'ward_code'])
    .where('id', '=', dossier.business_id)
    .executeTakeFirst();
  // A business that moved (businesses/changes/move-business.ts): its old ward's dossiers are
  // that ward's history. Suspending, reinstating or reopening one would act on a business
  // another ward now answers for (its status, its new ward's unit QR and permits).
  if (business && business.ward_code !== dossier.ward_code) {
    throw new AppError(
      'illegal_transition',
      'Doanh nghiệp đã chuyển sang phường khác: hồ sơ này là lịch sử của phường cũ, không xử lý tiếp được. Giấy đi đường phường đã cấp vẫn thu hồi được từng giấy.',
    );
  }
  if ((action === 'submit' || action === 'approve') && business?.status !== 'active') {
    throw new AppError('business_not_active');
  }
  switch (action) {
    case 'reopen': {
      await assertNoNewerDossier(db, dossier);
      const { dueDays } = await getWardSettings(db, dossier.ward_code);
      Object.assign(set, {
        due_at: new Date(now.getTime() + dueDays * DAY_MS).toISOString(),
        reminded_at: null,
        health_confirmed_at: null,
        decided_at: null,
        state_note: note,
      });
      break;
    }
    case 'submit': {
      const name = input.commitment?.name.trim();
      if (!input.commitment?.accepted || !name) throw new AppError('commitment_required');
      await assertComplete(db, dossier);
      const { dueDays } = await getWardSettings(db, dossier.ward_code);
      Object.assign(set, {
        submitted_at: at,
        due_at: new Date(now.getTime() + dueDays * DAY_MS).toISOString(),
        reminded_at: null,
        health_confirmed_at: null,
        state_note: null,
        commitment_name: name,
        commitment_text: COMMITMENT_TEXT,
        committed_at: at,
        committed_by: actor.id,
      });
      break;
    }
    case 'confirm_health':
      set.health_confirmed_at = at;
      break;
    case 'approve':
      set.reference_number = await nextReferenceNumber(db, dossier.ward_code, now);
      set.decided_at = at;
      set.state_note = note;
      set.approved_by = actor.id;
      set.approved_by_name = approver?.name ?? null;
      set.approved_by_title = approver?.title ?? null;
      break;
    case 'reject':
      set.decided_at = at;
      set.state_note = note;
      break;
    default:
      set.state_note = note;
  }

  const moved = await db
    .updateTable('dossiers')
    .set(set)
    .where('id', '=', dossier.id)
    .where('state', '=', dossier.state)
    .executeTakeFirst();
  if (Number(moved.numUpdatedRows) !== 1) {
    throw new AppError('illegal_transition', 'Hồ sơ vừa được người khác xử lý. Hãy tải lại trang.');
  }
  await recordDossierEvent(db, { dossierId: dossier.id, action, from: dossier.state, to: t.to, note }, actor, now);
  await audit(
    db,
    actor,
    AUDIT_ACTION[action],
    { type: 'dossier', id: dossier.id, wardCode: dossier.ward_code },
    {
      from: dossier.state,
      to: t.to,
      ...(note ? { note } : {}),
      ...(set.reference_number ? { referenceNumber: set.reference_number } : {}),
      ...(set.approved_by_name ? { approvedBy: set.approved_by_name } : {}),
      ...(set.commitment_name ? { commitmentName: set.commitment_name } : {}),
      ...(set.due_at ? { dueAt: set.due_at } : {}),
    },
    now,
  );

  const base = { businessId: dossier.business_id, wardCode: dossier.ward_code, actor, now };
  if (action === 'approve') {
    const people = await db
      .selectFrom('staff_members')
      .select('id')
      .where('dossier_id', '=', dossier.id)
      .where('status', '=', 'pending')
      .execute();
    await db
      .updateTable('staff_members')
      .set({ status: 'approved', approved_at: at, updated_at: at })
      .where('dossier_id', '=', dossier.id)
      .where('status', '=', 'pending')
      .execute();
    await hooks.dossierApproved(db, {
      ...base,
      dossierId: dossier.id,
      kind: dossier.kind,
      referenceNumber: set.reference_number as string,
      planFrom: dossier.plan_from,
      planTo: dossier.plan_to,
      staffIds: people.map((p) => p.id),
    });
  } else if (action === 'reject') {
    await db
      .updateTable('staff_members')
      .set({
        status: 'removed',
        removed_at: at,
        removed_reason: `Hồ sơ bị từ chối: ${note}`,
        removed_by: actor.id,
        updated_at: at,
      })
      .where('dossier_id', '=', dossier.id)
      .where('status', '=', 'pending')
      .execute();
  } else if (action === 'reopen') {
    // The people the rejection removed (never approved) wait for the review again.
    await db
      .updateTable('staff_members')
      .set({ status: 'pending', removed_at: null, removed_reason: null, removed_by: null, updated_at: at })
      .where('dossier_id', '=', dossier.id)
      .where('status', '=', 'removed')
      .where('approved_at', 'is', null)
      .where('removed_reason', 'like', 'Hồ sơ bị từ chối:%')
      .execute();
  } else if (action === 'suspend' || action === 'reinstate') {
    const status = action === 'suspend' ? 'suspended' : 'active';
    await db
      .updateTable('businesses')
      .set({ status, status_reason: note, updated_at: at })
      .where('id', '=', dossier.business_id)
      .execute();
    await audit(
      db,
      actor,
      action === 'suspend' ? 'business.suspended' : 'business.reinstated',
      { type: 'business', id: dossier.business_id, wardCode: dossier.ward_code },
      { status, reason: note, dossierId: dossier.id },
      now,
    );
    const e = { ...base, dossierId: dossier.id, reason: note as string };
    if (action === 'suspend') await hooks.businessSuspended(db, e);
    else await hooks.businessReinstated(db, e);
  }
  return {
    dossier: (await findDossier(db, dossier.id)) as DossierRecord,
    from: dossier.state,
    transition: t,
    resubmitted: action === 'submit' && dossier.state === 'returned',
  };
}

const ACTION_VERB: Record<TransitionAction, string> = {
  submit: 'nộp',
  confirm_health: 'xác nhận phương án',
  return: 'trả lại',
  send_for_signature: 'trình lãnh đạo ký',
  return_to_desk: 'trả lại Một cửa',
  approve: 'phê duyệt',
  reject: 'từ chối',
  suspend: 'tạm dừng hoạt động',
  reinstate: 'cho hoạt động trở lại',
  reopen: 'hủy quyết định từ chối',
};

/** A rejection is taken back only while the business has no other dossier of that kind under way. */
async function assertNoNewerDossier(db: Executor, dossier: DossierRecord): Promise<void> {
  const states =
    dossier.kind === 'initial'
      ? (['draft', 'submitted', 'health_confirmed', 'returned', 'approved', 'suspended'] as const)
      : (['draft', 'submitted', 'health_confirmed', 'returned'] as const);
  const other = await db
    .selectFrom('dossiers')
    .select('id')
    .where('business_id', '=', dossier.business_id)
    .where('kind', '=', dossier.kind)
    .where('state', 'in', states)
    .where('id', '!=', dossier.id)
    .executeTakeFirst();
  if (other) {
    throw new AppError(
      'dossier_exists',
      'Doanh nghiệp đã lập một hồ sơ khác cùng loại sau khi hồ sơ này bị từ chối: xử lý hồ sơ đó thay vì hủy quyết định từ chối.',
    );
  }
}

/** A dossier is sent with its plan (an initial one) and at least one person. */
async function assertComplete(db: Executor, dossier: DossierRecord): Promise<void> {
  const missing: string[] = [];
  if (dossier.kind === 'initial') {
    const file = await db
      .selectFrom('dossier_attachments')
      .select('id')
      .where('dossier_id', '=', dossier.id)
      .executeTakeFirst();
    if (!file) missing.push('kế hoạch phòng chống dịch (tệp PDF hoặc ảnh)');
  }
  const person = await db
    .selectFrom('staff_members')
    .select('id')
    .where('dossier_id', '=', dossier.id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  if (!person) missing.push('danh sách người lao động');
  if (missing.length) throw new AppError('dossier_incomplete', `Hồ sơ chưa có ${missing.join(' và ')}.`);
}
