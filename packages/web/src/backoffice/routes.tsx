import { type ComponentType, lazy } from 'react';
import type { RouteDef } from './app.js';
import { ChangePasswordScreen } from './screens/auth/change-password-screen.js';
import { InboxScreen } from './screens/desk/inbox-screen.js';
import { HomeScreen } from './screens/home-screen.js';

// Each screen is its own chunk, loaded when first opened (app.tsx shows <Loading /> meanwhile):
// the first load carries the shell, the login and the home screens (the inbox is one), not
// every role's screens.
function lazyScreen<P extends object>(load: () => Promise<ComponentType<P>>) {
  return lazy(async () => ({ default: await load() }));
}

const CheckpointsScreen = lazyScreen(() =>
  import('./screens/admin/checkpoints-screen.js').then((m) => m.CheckpointsScreen),
);
const KeysScreen = lazyScreen(() => import('./screens/admin/keys-screen.js').then((m) => m.KeysScreen));
const UsersScreen = lazyScreen(() => import('./screens/admin/users-screen.js').then((m) => m.UsersScreen));
const WardSettingsScreen = lazyScreen(() =>
  import('./screens/admin/ward-settings-screen.js').then((m) => m.WardSettingsScreen),
);
const AuditScreen = lazyScreen(() => import('./screens/audit/audit-screen.js').then((m) => m.AuditScreen));
const RegisterScreen = lazyScreen(() => import('./screens/business/register-screen.js').then((m) => m.RegisterScreen));
const StaffScreen = lazyScreen(() => import('./screens/business/staff-screen.js').then((m) => m.StaffScreen));
const BusinessScreen = lazyScreen(() => import('./screens/desk/business-screen.js').then((m) => m.BusinessScreen));
const BusinessesScreen = lazyScreen(() =>
  import('./screens/desk/businesses-screen.js').then((m) => m.BusinessesScreen),
);
const IntakeScreen = lazyScreen(() => import('./screens/desk/intake-screen.js').then((m) => m.IntakeScreen));
const DossierScreen = lazyScreen(() => import('./screens/dossiers/dossier-screen.js').then((m) => m.DossierScreen));
const DossiersScreen = lazyScreen(() => import('./screens/dossiers/dossiers-screen.js').then((m) => m.DossiersScreen));
const NewDossierScreen = lazyScreen(() =>
  import('./screens/dossiers/new-dossier-screen.js').then((m) => m.NewDossierScreen),
);
const HelpIndexScreen = lazyScreen(() => import('./screens/help/help-index-screen.js').then((m) => m.HelpIndexScreen));
const HelpTopicScreen = lazyScreen(() => import('./screens/help/help-topic-screen.js').then((m) => m.HelpTopicScreen));
const AnomaliesScreen = lazyScreen(() =>
  import('./screens/inspection/anomalies-screen.js').then((m) => m.AnomaliesScreen),
);
const CaseScreen = lazyScreen(() => import('./screens/inspection/case-screen.js').then((m) => m.CaseScreen));
const CasesScreen = lazyScreen(() => import('./screens/inspection/cases-screen.js').then((m) => m.CasesScreen));
const IssueScreen = lazyScreen(() => import('./screens/permits/issue-screen.js').then((m) => m.IssueScreen));
const PermitsScreen = lazyScreen(() => import('./screens/permits/permits-screen.js').then((m) => m.PermitsScreen));
const ScansScreen = lazyScreen(() => import('./screens/scans/scans-screen.js').then((m) => m.ScansScreen));
const StatisticsScreen = lazyScreen(() =>
  import('./screens/stats/statistics-screen.js').then((m) => m.StatisticsScreen),
);

const WARD_READERS = ['ward_officer', 'ward_leader', 'health_officer', 'ward_admin', 'supervisor'] as const;
const ALL_READERS = ['business_rep', ...WARD_READERS] as const;

/** Every screen: its path, who may open it, and what it shows. First match wins. */
export const ROUTES: RouteDef[] = [
  { path: '/', roles: 'any', render: (_p, role) => <HomeScreen role={role} /> },
  { path: '/register', roles: 'public', render: () => <RegisterScreen /> },
  { path: '/help', roles: 'public', render: () => <HelpIndexScreen /> },
  { path: '/help/:id', roles: 'public', render: (p) => <HelpTopicScreen key={p.id} id={p.id as string} /> },
  { path: '/password', roles: 'any', render: () => <ChangePasswordScreen /> },
  { path: '/users', roles: ['ward_admin', 'supervisor'], render: () => <UsersScreen /> },
  { path: '/checkpoints', roles: ['ward_admin', 'supervisor'], render: () => <CheckpointsScreen /> },
  { path: '/settings', roles: ['ward_admin'], render: () => <WardSettingsScreen /> },
  { path: '/keys', roles: ['ward_admin'], render: () => <KeysScreen /> },
  { path: '/audit', roles: ['ward_admin', 'supervisor'], render: () => <AuditScreen /> },
  { path: '/inbox', roles: ['ward_officer', 'ward_leader', 'health_officer'], render: () => <InboxScreen /> },
  { path: '/intake', roles: ['ward_officer'], render: () => <IntakeScreen /> },
  { path: '/dossiers', roles: ALL_READERS, render: () => <DossiersScreen /> },
  { path: '/dossiers/new', roles: ['business_rep'], render: () => <NewDossierScreen /> },
  { path: '/dossiers/:id', roles: ALL_READERS, render: (p) => <DossierScreen key={p.id} id={p.id as string} /> },
  { path: '/businesses', roles: WARD_READERS, render: () => <BusinessesScreen /> },
  { path: '/businesses/:id', roles: WARD_READERS, render: (p) => <BusinessScreen key={p.id} id={p.id as string} /> },
  { path: '/staff', roles: ['business_rep'], render: () => <StaffScreen /> },
  { path: '/permits', roles: ALL_READERS, render: () => <PermitsScreen /> },
  { path: '/permits/issue', roles: ['business_rep'], render: () => <IssueScreen /> },
  { path: '/scans', roles: WARD_READERS, render: () => <ScansScreen /> },
  { path: '/inspection', roles: WARD_READERS, render: () => <AnomaliesScreen /> },
  { path: '/inspection/cases', roles: WARD_READERS, render: () => <CasesScreen /> },
  {
    path: '/inspection/cases/:id',
    roles: WARD_READERS,
    render: (p) => <CaseScreen key={p.id} id={p.id as string} />,
  },
  { path: '/statistics', roles: WARD_READERS, render: () => <StatisticsScreen /> },
];
