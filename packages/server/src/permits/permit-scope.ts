import { type Action, type AuthUser, authorize, authorizeById } from '../authz/index.js';
import type { BusinessRow, Executor, PermitRow } from '../db/schema.js';
import { notFound } from '../errors.js';
import { userAreaFilter, wardArea } from '../jurisdictions/ward-area.js';
import { findBusinessRow } from './issuing-business.js';
import { permitResource } from './permit-presenter.js';
import { findPermit, type PermitFilter } from './permit-query.js';

/** A business as a resource of `type` (permit, unit_credential, permit_settings). */
export const businessResource = (type: string, b: BusinessRow) => ({
  type,
  wardCode: b.ward_code,
  districtCode: b.district_code,
  provinceCode: b.province_code,
  businessId: b.id,
});

/** Loads a business addressed by id and checks `action` on its `type` (404 outside the user's reach). */
export async function loadBusinessFor(
  db: Executor,
  user: AuthUser,
  businessId: string,
  type: string,
  action: Action,
): Promise<BusinessRow> {
  const b = await findBusinessRow(db, businessId);
  if (!b) throw notFound('Không tìm thấy doanh nghiệp.');
  authorizeById(user, action, businessResource(type, b), 'doanh nghiệp');
  return b;
}

/** Loads a permit addressed by id and checks `action` (404 outside the user's reach). */
export async function loadPermitFor(db: Executor, user: AuthUser, id: string, action: Action): Promise<PermitRow> {
  const p = await findPermit(db, id);
  if (!p) throw notFound('Không tìm thấy giấy đi đường.');
  authorizeById(user, action, permitResource(p), 'giấy đi đường');
  return p;
}

/**
 * The part of a permit filter that keeps a list inside what the user may read: a business
 * rep their business, ward staff their ward, a supervisor their area; narrowed by a named
 * ward (403 outside) or business (404 outside).
 */
export async function permitScope(
  db: Executor,
  user: AuthUser,
  named: { ward?: string | undefined; businessId?: string | undefined },
): Promise<Omit<PermitFilter, 'now'>> {
  const scope: Omit<PermitFilter, 'now'> =
    user.role === 'business_rep' ? { businessId: user.businessId ?? '∅' } : { ...userAreaFilter(user) };
  if (named.ward) {
    authorize(user, 'read', { type: 'permit', ...(await wardArea(db, named.ward, 'query.ward')) });
    scope.wardCode = named.ward;
  }
  if (named.businessId) {
    await loadBusinessFor(db, user, named.businessId, 'permit', 'read');
    scope.businessId = named.businessId;
  }
  return scope;
}
