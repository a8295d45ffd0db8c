import type { BusinessRow, Executor } from '../db/schema.js';
import { AppError, notFound } from '../errors.js';

/** The business's approved plan: the period permits must fall in, and the ward's reference. */
export interface ApprovedPlan {
  dossierId: string;
  planFrom: string;
  planTo: string;
  referenceNumber: string | null;
}

/**
 * The plan a business operates under: its latest approved `initial` dossier (a suspended one
 * is not approved) of the ward it is in now, or undefined. A business that moved to another
 * ward has none until the new ward approves one: the old ward's approval does not carry over.
 */
export async function approvedPlanOf(db: Executor, businessId: string): Promise<ApprovedPlan | undefined> {
  const d = await db
    .selectFrom('dossiers as d')
    .innerJoin('businesses as b', 'b.id', 'd.business_id')
    .select(['d.id', 'd.plan_from', 'd.plan_to', 'd.reference_number'])
    .where('d.business_id', '=', businessId)
    .whereRef('d.ward_code', '=', 'b.ward_code')
    .where('d.kind', '=', 'initial')
    .where('d.state', '=', 'approved')
    .orderBy('d.decided_at', 'desc')
    .orderBy('d.id')
    .executeTakeFirst();
  return d && { dossierId: d.id, planFrom: d.plan_from, planTo: d.plan_to, referenceNumber: d.reference_number };
}

export async function findBusinessRow(db: Executor, id: string): Promise<BusinessRow | undefined> {
  return db.selectFrom('businesses').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * The gate before any permit: the business exists, is active (not pending, refused or
 * suspended) and has an approved plan. Throws 404 / 409 `business_not_active` /
 * 409 `no_approved_plan`.
 */
export async function issuingBusiness(
  db: Executor,
  businessId: string,
): Promise<{ business: BusinessRow; plan: ApprovedPlan }> {
  const business = await findBusinessRow(db, businessId);
  if (!business) throw notFound('Không tìm thấy doanh nghiệp.');
  if (business.status !== 'active') throw new AppError('business_not_active');
  const plan = await approvedPlanOf(db, businessId);
  if (!plan) throw new AppError('no_approved_plan');
  return { business, plan };
}
