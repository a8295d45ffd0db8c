import type { AuthUser } from './auth-user.js';
import type { Resource } from './policy.js';
import { allow, inArea, ownWard } from './policy.js';
import { isOwnBusiness } from './scope.js';

/**
 * Who may do what, one line each. Resource types: `user`, `checkpoint`, `audit`,
 * `ward_settings`. Add the lines for new resources (business, dossier, …) here.
 */
const WARD_STAFF = ['ward_admin', 'ward_officer', 'ward_leader', 'health_officer', 'checkpoint_officer'] as const;

allow(['ward_admin'], ['read', 'create', 'update'], 'user', ownWard);
allow(['supervisor'], ['read'], 'user', inArea);

allow(['ward_admin'], ['read', 'create', 'update', 'delete'], 'checkpoint', ownWard);
allow(['ward_officer', 'ward_leader', 'health_officer', 'checkpoint_officer'], ['read'], 'checkpoint', ownWard);
allow(['supervisor'], ['read'], 'checkpoint', inArea);

allow(['ward_admin'], ['read'], 'audit', ownWard);
allow(['supervisor'], ['read'], 'audit', inArea);

allow(['ward_admin'], ['read', 'update'], 'ward_settings', ownWard);
allow(WARD_STAFF, ['read'], 'ward_settings', ownWard);
allow(['supervisor'], ['read'], 'ward_settings', inArea);

// The printable guides of a ward: its people (staff, checkpoint officers, business representatives).
allow([...WARD_STAFF, 'business_rep'], ['read'], 'guide', ownWard);
allow(['supervisor'], ['read'], 'guide', inArea);

// The ward's workflow. A dossier is kept (edited, submitted) by the business when it came
// online, and by the one-stop desk when the desk took it in (e-mail, post, in person).
const ownBusiness = (u: AuthUser, r: Resource) => isOwnBusiness(u, r.businessId);
const channelOf = (r: Resource) => (r as Resource & { channel?: string }).channel;
const keptByBusiness = (u: AuthUser, r: Resource) => ownBusiness(u, r) && channelOf(r) === 'online';
const keptByDesk = (u: AuthUser, r: Resource) => ownWard(u, r) && channelOf(r) !== 'online';

allow(['ward_admin', 'ward_officer', 'ward_leader', 'health_officer'], ['read'], 'business', ownWard);
allow(['ward_officer'], ['create', 'update'], 'business', ownWard);
allow(['supervisor'], ['read'], 'business', inArea);
allow(['business_rep'], ['read', 'update'], 'business', ownBusiness);
// Taking back a refusal (of a registration or a dossier): the desk and the ward admin.
allow(['ward_officer', 'ward_admin'], ['manage'], 'business', ownWard);

allow(['ward_admin', 'ward_officer', 'ward_leader', 'health_officer'], ['read'], 'dossier', ownWard);
allow(['supervisor'], ['read'], 'dossier', inArea);
allow(['business_rep'], ['read'], 'dossier', ownBusiness);
allow(['business_rep'], ['create', 'update'], 'dossier', keptByBusiness);
allow(['ward_officer'], ['create', 'update'], 'dossier', keptByDesk);
// The leader signs (approve) or returns to the desk: transitions.ts says which, here only the ward.
allow(['ward_officer', 'ward_leader', 'health_officer'], ['manage'], 'dossier', ownWard);

allow(['ward_admin', 'ward_officer', 'ward_leader', 'health_officer'], ['read'], 'staff_list', ownWard);
allow(['supervisor'], ['read'], 'staff_list', inArea);
allow(['business_rep'], ['read', 'delete'], 'staff_list', ownBusiness);
allow(['ward_officer'], ['delete'], 'staff_list', ownWard);

allow(['ward_admin', 'ward_officer', 'ward_leader', 'health_officer'], ['read'], 'stats', ownWard);
allow(['supervisor'], ['read'], 'stats', inArea);

// Permits, unit credentials, ward keys, serial suffixes, the checkpoint's area list, scans.
const WARD_DESK = ['ward_admin', 'ward_officer'] as const;
const businessLevel = (u: AuthUser, r: Resource) => ownWard(u, r) && !!r.businessId;

allow(['business_rep'], ['read', 'create', 'update'], 'permit', ownBusiness);
allow(WARD_DESK, ['read', 'update'], 'permit', ownWard);
allow(['health_officer', 'ward_leader'], ['read'], 'permit', ownWard);
allow(['supervisor'], ['read'], 'permit', inArea);

allow(['business_rep'], ['read'], 'unit_credential', ownBusiness);
allow(['ward_admin', 'ward_officer', 'ward_leader', 'health_officer'], ['read'], 'unit_credential', ownWard);
allow(['supervisor'], ['read'], 'unit_credential', inArea);

allow(['ward_admin'], ['read', 'update'], 'ward_key', ownWard);
allow(['supervisor'], ['read'], 'ward_key', inArea);

allow(['ward_admin'], ['read', 'update'], 'permit_settings', ownWard);
allow(['ward_officer'], ['read', 'update'], 'permit_settings', businessLevel);
allow(['business_rep'], ['read', 'update'], 'permit_settings', ownBusiness);

allow(WARD_STAFF, ['read'], 'area_list', ownWard);

allow(['checkpoint_officer'], ['create'], 'scan', ownWard);
allow(WARD_STAFF, ['read'], 'scan', ownWard);
allow(['supervisor'], ['read'], 'scan', inArea);

// Post-inspection (hậu kiểm): the ward reads its findings and keeps its cases; supervisors read.
const INSPECTORS = ['ward_admin', 'ward_officer'] as const;
allow([...INSPECTORS, 'health_officer'], ['read'], 'inspection', ownWard);
allow(['supervisor'], ['read'], 'inspection', inArea);
allow([...INSPECTORS, 'health_officer'], ['read'], 'inspection_case', ownWard);
allow(['supervisor'], ['read'], 'inspection_case', inArea);
allow(INSPECTORS, ['create', 'update'], 'inspection_case', ownWard);
