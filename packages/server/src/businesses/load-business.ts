import { type Action, type AuthUser, authorizeById } from '../authz/index.js';
import type { Executor } from '../db/schema.js';
import { notFound } from '../errors.js';
import { type BusinessRecord, businessResource } from './business-presenter.js';
import { findBusiness } from './business-query.js';

/**
 * The one way a route reaches a business named in its URL or body: 404 when there is none
 * or when it is outside the user's reach, 403 when the user's role may not do `action` on
 * it as a resource of `type` (`business`, or what of it is asked for: `staff_list`,
 * `permit`, `unit_credential`, `permit_settings`).
 */
export async function loadBusinessFor(
  db: Executor,
  user: AuthUser,
  businessId: string,
  action: Action,
  type = 'business',
): Promise<BusinessRecord> {
  const b = await findBusiness(db, businessId);
  if (!b) throw notFound('Không tìm thấy doanh nghiệp.');
  authorizeById(user, action, businessResource(b, type), 'doanh nghiệp');
  return b;
}
