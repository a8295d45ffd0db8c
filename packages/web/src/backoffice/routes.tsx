import type { RouteDef } from './app.js';
import { CheckpointsScreen } from './screens/admin/checkpoints-screen.js';
import { KeysScreen } from './screens/admin/keys-screen.js';
import { UsersScreen } from './screens/admin/users-screen.js';
import { WardSettingsScreen } from './screens/admin/ward-settings-screen.js';
import { AuditScreen } from './screens/audit/audit-screen.js';
import { ChangePasswordScreen } from './screens/auth/change-password-screen.js';
import { RegisterScreen } from './screens/business/register-screen.js';
import { StaffScreen } from './screens/business/staff-screen.js';
import { BusinessScreen } from './screens/desk/business-screen.js';
import { BusinessesScreen } from './screens/desk/businesses-screen.js';
import { InboxScreen } from './screens/desk/inbox-screen.js';
import { IntakeScreen } from './screens/desk/intake-screen.js';
import { DossierScreen } from './screens/dossiers/dossier-screen.js';
import { DossiersScreen } from './screens/dossiers/dossiers-screen.js';
import { NewDossierScreen } from './screens/dossiers/new-dossier-screen.js';
import { HelpIndexScreen } from './screens/help/help-index-screen.js';
import { HelpTopicScreen } from './screens/help/help-topic-screen.js';
import { HomeScreen } from './screens/home-screen.js';
import { AnomaliesScreen } from './screens/inspection/anomalies-screen.js';
import { CaseScreen } from './screens/inspection/case-screen.js';
import { CasesScreen } from './screens/inspection/cases-screen.js';
import { IssueScreen } from './screens/permits/issue-screen.js';
import { PermitsScreen } from './screens/permits/permits-screen.js';
import { ScansScreen } from './screens/scans/scans-screen.js';
import { StatisticsScreen } from './screens/stats/statistics-screen.js';

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
