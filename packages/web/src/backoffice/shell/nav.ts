import type { Role } from '../lib/api-types.js';

/** One entry of the navigation: the key of its label under `nav.*`. */
export interface NavItem {
  to: string;
  label:
    | 'home'
    | 'users'
    | 'checkpoints'
    | 'settings'
    | 'audit'
    | 'keys'
    | 'inbox'
    | 'dossiers'
    | 'intake'
    | 'businesses'
    | 'registrations'
    | 'healthQueue'
    | 'leaderQueue'
    | 'myBusiness'
    | 'myDossiers'
    | 'staff'
    | 'permits'
    | 'issue'
    | 'scans'
    | 'password'
    | 'checkpointApp'
    | 'inspection'
    | 'cases'
    | 'statistics';
  /** Navigates the whole page (another app, not a screen of this one). */
  external?: boolean;
}

export interface NavGroup {
  label: 'groupWork' | 'groupAdmin' | 'groupAccount';
  items: NavItem[];
}

/**
 * What each role sees. Screens whose server routes do not exist yet are hidden by
 * `features` (see features.ts), so nobody lands on a screen that cannot work.
 */
export function navFor(role: Role, has: (feature: Feature) => boolean): NavGroup[] {
  const work: NavItem[] = [];
  const admin: NavItem[] = [];
  switch (role) {
    case 'ward_admin':
      work.push({ to: '/', label: 'home' });
      if (has('permits')) work.push({ to: '/permits', label: 'permits' });
      if (has('scans')) work.push({ to: '/scans', label: 'scans' });
      if (has('inspection')) {
        work.push({ to: '/inspection', label: 'inspection' }, { to: '/inspection/cases', label: 'cases' });
        work.push({ to: '/statistics', label: 'statistics' });
      }
      admin.push({ to: '/users', label: 'users' }, { to: '/checkpoints', label: 'checkpoints' });
      admin.push({ to: '/settings', label: 'settings' });
      if (has('keys')) admin.push({ to: '/keys', label: 'keys' });
      admin.push({ to: '/audit', label: 'audit' });
      break;
    case 'ward_officer':
      work.push({ to: '/', label: 'home' });
      if (has('dossiers')) {
        work.push({ to: '/inbox', label: 'inbox' }, { to: '/dossiers', label: 'dossiers' });
        work.push({ to: '/intake', label: 'intake' });
      }
      if (has('businesses')) work.push({ to: '/businesses', label: 'businesses' });
      if (has('permits')) work.push({ to: '/permits', label: 'permits' });
      if (has('scans')) work.push({ to: '/scans', label: 'scans' });
      if (has('inspection')) {
        work.push({ to: '/inspection', label: 'inspection' }, { to: '/inspection/cases', label: 'cases' });
        work.push({ to: '/statistics', label: 'statistics' });
      }
      break;
    case 'ward_leader':
      work.push({ to: '/', label: 'leaderQueue' });
      if (has('dossiers')) work.push({ to: '/dossiers', label: 'dossiers' });
      if (has('businesses')) work.push({ to: '/businesses', label: 'businesses' });
      break;
    case 'health_officer':
      work.push({ to: '/', label: 'healthQueue' });
      if (has('dossiers')) work.push({ to: '/dossiers', label: 'dossiers' });
      if (has('businesses')) work.push({ to: '/businesses', label: 'businesses' });
      break;
    case 'business_rep':
      work.push({ to: '/', label: 'myBusiness' });
      if (has('dossiers')) work.push({ to: '/dossiers', label: 'myDossiers' });
      if (has('staff')) work.push({ to: '/staff', label: 'staff' });
      if (has('permits')) work.push({ to: '/permits', label: 'permits' }, { to: '/permits/issue', label: 'issue' });
      break;
    case 'supervisor':
      work.push({ to: '/', label: 'home' });
      if (has('dossiers')) work.push({ to: '/dossiers', label: 'dossiers' });
      if (has('businesses')) work.push({ to: '/businesses', label: 'businesses' });
      if (has('scans')) work.push({ to: '/scans', label: 'scans' });
      if (has('inspection')) {
        work.push({ to: '/inspection', label: 'inspection' }, { to: '/inspection/cases', label: 'cases' });
        work.push({ to: '/statistics', label: 'statistics' });
      }
      admin.push({ to: '/users', label: 'users' }, { to: '/checkpoints', label: 'checkpoints' });
      admin.push({ to: '/audit', label: 'audit' });
      break;
    case 'checkpoint_officer':
      work.push({ to: '/checkpoint', label: 'checkpointApp', external: true });
      break;
  }
  const groups: NavGroup[] = [{ label: 'groupWork', items: work }];
  if (admin.length) groups.push({ label: 'groupAdmin', items: admin });
  groups.push({ label: 'groupAccount', items: [{ to: '/password', label: 'password' }] });
  return groups;
}

export type Feature = 'businesses' | 'dossiers' | 'staff' | 'permits' | 'keys' | 'scans' | 'inspection';
