import { forbidden, notFound } from '../errors.js';
import type { AuthUser } from './auth-user.js';
import type { Role } from './roles.js';
import { type Area, inOwnWard, inUserArea } from './scope.js';

export type Action = 'read' | 'create' | 'update' | 'delete' | 'manage';

/** Anything a policy decides on: its type and where it sits (plus its business, if any). */
export interface Resource extends Area {
  type: string;
  businessId?: string | null;
}

type Condition = (user: AuthUser, resource: Resource) => boolean;
interface Rule {
  roles: readonly Role[];
  actions: readonly Action[];
  type: string;
  when: Condition;
}

const RULES: Rule[] = [];

/**
 * Declares that users with one of `roles` may do `actions` on resources of `type` when
 * `when` holds. Outline-style one-liners; everything not allowed is denied.
 */
export function allow(roles: readonly Role[], actions: readonly Action[], type: string, when: Condition): void {
  RULES.push({ roles, actions, type, when });
}

export function can(user: AuthUser, action: Action, resource: Resource): boolean {
  return RULES.some(
    (r) =>
      r.type === resource.type && r.roles.includes(user.role) && r.actions.includes(action) && r.when(user, resource),
  );
}

/** Throws 403 `forbidden` unless allowed. For requests that name a ward or area (codes are public). */
export function authorize(user: AuthUser, action: Action, resource: Resource): void {
  if (!can(user, action, resource)) throw forbidden();
}

/**
 * For a resource addressed by id: 404 `not_found` when the user may not even read it (its
 * existence is not revealed), 403 `forbidden` when they may read it but not do `action`.
 */
export function authorizeById(user: AuthUser, action: Action, resource: Resource, what?: string): void {
  if (!can(user, 'read', resource)) throw notFound(what ? `Không tìm thấy ${what}.` : undefined);
  if (!can(user, action, resource)) throw forbidden();
}

export const always: Condition = () => true;
export const ownWard: Condition = (u, r) => inOwnWard(u, r);
export const inArea: Condition = (u, r) => inUserArea(u, r);
