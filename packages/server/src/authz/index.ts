import './policies.js';

export { type AuthUser, authUserFromRow } from './auth-user.js';
export { type Action, allow, authorize, authorizeById, can, type Resource } from './policy.js';
export { isRole, isWardRole, ROLE_CODES, ROLES, type Role, WARD_ROLES, type WardRole } from './roles.js';
export { type Area, areaOfUnit, inOwnWard, inUserArea, isOwnBusiness } from './scope.js';
