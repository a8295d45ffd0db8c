import { type AuditActor, audit } from '../../audit/append-audit.js';
import type { BusinessChangeRow, Executor } from '../../db/schema.js';
import { AppError, forbidden, unknownAdminUnit, validationFailed } from '../../errors.js';
import { findAdminUnit } from '../../jurisdictions/admin-units-query.js';
import { afterUbnd } from '../../notifications/vn-time.js';
import { revokeUnitCredentials } from '../../permits/unit-credential.js';
import type { BusinessRecord } from '../business-presenter.js';

/**
 * A move of the head office to another ward (chuyển phường): the business's representative
 * asks with the new ward and address; the destination ward decides, since it becomes
 * responsible (docs/architecture.md, "A business that moves to another ward").
 */

/**
 * Dossiers a ward is still working on, or that go back to it (a returned dossier is sent
 * again to the ward that returned it, with its reference and deadline): the move waits for
 * their outcome. A draft amendment adds people to the list the old ward approved, which does
 * not carry over: it is deleted (or sent and decided) first. A draft initial dossier moves
 * with the business: no ward has seen it.
 */
const IN_PROGRESS = ['submitted', 'health_confirmed', 'awaiting_leader', 'returned'] as const;

export async function assertNoOpenDossier(db: Executor, businessId: string): Promise<void> {
  const open = await db
    .selectFrom('dossiers')
    .select(['state', 'kind'])
    .where('business_id', '=', businessId)
    .where((eb) =>
      eb.or([eb('state', 'in', IN_PROGRESS), eb.and([eb('state', '=', 'draft'), eb('kind', '=', 'amendment')])]),
    )
    .executeTakeFirst();
  if (!open) return;
  throw new AppError(
    'business_has_open_dossier',
    open.state === 'draft'
      ? 'Doanh nghiệp có hồ sơ bổ sung người lao động chưa nộp (bổ sung vào danh sách phường cũ đã duyệt, không chuyển sang phường mới được): hãy xóa hồ sơ nháp đó trước khi chuyển phường.'
      : undefined,
  );
}

/** What a move asks for: the destination's area and name, as recorded in the request. */
export interface MoveTarget {
  wardCode: string;
  districtCode: string;
  provinceCode: string;
  wardName: string;
}

/**
 * Checks a move asked in a PATCH: only the business's representative (403), of an active or
 * suspended business (409 `business_not_active`), with the new address (400), to a ward that
 * exists (422 `unknown_admin_unit`) and is not the current one (400 `ward_unchanged`), while
 * no dossier is in progress (409 `business_has_open_dossier`).
 */
export async function moveTarget(
  db: Executor,
  business: BusinessRecord,
  edit: { wardCode: string; address?: string | undefined },
  actor: AuditActor,
): Promise<MoveTarget> {
  if (actor.role !== 'business_rep') {
    throw forbidden('Chỉ người đại diện doanh nghiệp đề nghị chuyển phường; phường mới duyệt đề nghị.');
  }
  if (business.status !== 'active' && business.status !== 'suspended') {
    throw new AppError(
      'business_not_active',
      'Doanh nghiệp chưa được phường tiếp nhận nên chưa chuyển phường được: đăng ký được tiếp nhận trước.',
    );
  }
  if (edit.address === undefined) {
    throw validationFailed([
      { path: 'body.address', code: 'required', message: 'Nhập địa chỉ trụ sở mới tại phường mới.' },
    ]);
  }
  const unit = await findAdminUnit(db, edit.wardCode);
  if (unit?.level !== 'ward') throw unknownAdminUnit(edit.wardCode, 'body.wardCode');
  if (unit.code === business.ward_code) throw new AppError('ward_unchanged');
  await assertNoOpenDossier(db, business.id);
  return {
    wardCode: unit.code,
    districtCode: unit.district_code as string,
    provinceCode: unit.province_code as string,
    wardName: unit.name,
  };
}

/** The ward a change request moves the business to, if it is a move. */
export const moveOf = (change: Pick<BusinessChangeRow, 'proposed'>): { wardCode: string; wardName: string } | null => {
  const p = JSON.parse(change.proposed) as { wardCode?: string; wardName?: string };
  return p.wardCode ? { wardCode: p.wardCode, wardName: p.wardName ?? p.wardCode } : null;
};

/**
 * Applies an approved move, in the approval's transaction: the business's ward (and district,
 * province) change; its active unit QR is revoked and not reissued (the old ward's approval
 * does not carry over); its representatives' accounts move with it; its draft dossiers (and
 * the people they list) go to the new ward. A business the old ward suspended becomes active
 * in the new one: the suspension was of the old ward's approval, which stays suspended there,
 * and without a plan of the new ward it still issues nothing (it could otherwise not even
 * register with the ward that just accepted it). Permits already issued stay valid, and past
 * dossiers stay with the ward that handled them. Audited `business.moved`.
 */
export async function applyMove(
  db: Executor,
  business: BusinessRecord,
  change: BusinessChangeRow,
  actor: AuditActor,
  now: Date,
): Promise<void> {
  const to = moveOf(change);
  if (!to) return;
  const unit = await findAdminUnit(db, to.wardCode);
  if (unit?.level !== 'ward') throw unknownAdminUnit(to.wardCode, 'wardCode');
  const area = {
    ward_code: unit.code,
    district_code: unit.district_code as string,
    province_code: unit.province_code as string,
  };
  const at = now.toISOString();
  const drafts = (
    await db
      .selectFrom('dossiers')
      .select('id')
      .where('business_id', '=', business.id)
      .where('state', '=', 'draft')
      .execute()
  ).map((d) => d.id);
  await audit(
    db,
    actor,
    'business.moved',
    { type: 'business', id: business.id, wardCode: unit.code },
    {
      changeId: change.id,
      from: { wardCode: business.ward_code, address: business.address },
      to: { wardCode: unit.code, address: JSON.parse(change.proposed).address ?? business.address },
      dossiers: drafts,
      ...(business.status === 'suspended' ? { status: 'active' } : {}),
    },
    now,
  );
  await revokeUnitCredentials(
    db,
    business.id,
    business.ward_code,
    `Doanh nghiệp chuyển sang ${afterUbnd(unit.name)}: cần hồ sơ được phường mới phê duyệt`,
    { actor, now },
  );
  await db
    .updateTable('businesses')
    .set({
      ...area,
      ...(business.status === 'suspended' ? { status: 'active', status_reason: null } : {}),
      updated_at: at,
    })
    .where('id', '=', business.id)
    .execute();
  await db
    .updateTable('users')
    .set({ ...area, updated_at: at })
    .where('business_id', '=', business.id)
    .execute();
  if (drafts.length > 0) {
    await db
      .updateTable('dossiers')
      .set({ ...area, updated_at: at })
      .where('id', 'in', drafts)
      .execute();
    await db
      .updateTable('staff_members')
      .set({ ward_code: unit.code, updated_at: at })
      .where('dossier_id', 'in', drafts)
      .execute();
  }
}
