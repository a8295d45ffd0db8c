import { allow, inArea, ownWard } from './policy.js';

/**
 * Who may do what, one line each. Resource types: `user`, `checkpoint`, `audit`,
 * `ward_settings`. Add the lines for new resources (business, dossier, …) here.
 */
const WARD_STAFF = ['ward_admin', 'ward_officer', 'health_officer', 'checkpoint_officer'] as const;

allow(['ward_admin'], ['read', 'create', 'update'], 'user', ownWard);
allow(['supervisor'], ['read'], 'user', inArea);

allow(['ward_admin'], ['read', 'create', 'update', 'delete'], 'checkpoint', ownWard);
allow(['ward_officer', 'health_officer', 'checkpoint_officer'], ['read'], 'checkpoint', ownWard);
allow(['supervisor'], ['read'], 'checkpoint', inArea);

allow(['ward_admin'], ['read'], 'audit', ownWard);
allow(['supervisor'], ['read'], 'audit', inArea);

allow(['ward_admin'], ['read', 'update'], 'ward_settings', ownWard);
allow(WARD_STAFF, ['read'], 'ward_settings', ownWard);
allow(['supervisor'], ['read'], 'ward_settings', inArea);
