import { type Action, type AuthUser, authorize, authorizeById } from '../authz/index.js';
import { loadBusinessFor } from '../businesses/load-business.js';
import type { Executor, PermitRow } from '../db/schema.js';
import { notFound } from '../errors.js';
import { userAreaFilter, wardArea } from '../jurisdictions/ward-area.js';
import { permitResource } from './permit-presenter.js';
import { findPermit, type PermitFilter } from './permit-query.js';

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
    await loadBusinessFor(db, user, named.businessId, 'read', 'permit');
    scope.businessId = named.businessId;
  }
  return scope;
}
