import type { Executor, UnitCredentialRow } from '../db/schema.js';
import { approvedPlanOf } from './issuing-business.js';
import type { IssueContext } from './signing-context.js';
import { activeUnitCredential, issueUnitCredential } from './unit-credential.js';

/** The business details the unit QR's claims carry (`unitName`, `address`), by API name. */
export const UNIT_CLAIM_FIELDS: readonly string[] = ['name', 'address'];

/**
 * A unit QR that says what the business is now: when an approved change touches a detail the
 * unit claims carry, the active unit credential is replaced by one signed with the new
 * details, for the same approval (reference, staff count, plan period), the old one revoked
 * (so verifiers see it revoked at their next list refresh). Nothing when the business has no
 * active unit credential (not approved yet, or suspended: reinstating issues a fresh one).
 * In the caller's transaction.
 */
export async function reissueUnitCredentialForDetails(
  db: Executor,
  businessId: string,
  fields: readonly string[],
  ctx: IssueContext,
): Promise<UnitCredentialRow | null> {
  const changed = fields.filter((f) => UNIT_CLAIM_FIELDS.includes(f));
  if (changed.length === 0) return null;
  const current = await activeUnitCredential(db, businessId);
  const plan = await approvedPlanOf(db, businessId);
  if (!current || !plan) return null;
  return issueUnitCredential(
    db,
    {
      businessId,
      dossierId: current.dossier_id,
      approvalRef: current.approval_ref,
      planFrom: plan.planFrom,
      planTo: plan.planTo,
      replaces: changed.includes('name')
        ? 'Doanh nghiệp đổi tên: đã cấp mã QR đơn vị mới'
        : 'Doanh nghiệp đổi địa chỉ: đã cấp mã QR đơn vị mới',
    },
    ctx,
  );
}
