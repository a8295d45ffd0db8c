import { useTranslation } from 'react-i18next';
import type { Role } from '../lib/api-types.js';
import { ButtonLink } from '../ui/button.js';
import { Page } from '../ui/page.js';
import { BusinessHome } from './business/business-home.js';
import { InboxScreen } from './desk/inbox-screen.js';
import { WardDashboard } from './desk/ward-dashboard.js';
import { SupervisorHome } from './supervisor/supervisor-home.js';

/** The first screen after login: each role's main work. */
export function HomeScreen({ role }: { role: Role | null }) {
  switch (role) {
    case 'ward_admin':
    case 'ward_officer':
      return <WardDashboard />;
    case 'health_officer':
    case 'ward_leader':
      return <InboxScreen />;
    case 'business_rep':
      return <BusinessHome />;
    case 'supervisor':
      return <SupervisorHome />;
    default:
      return <CheckpointHome />;
  }
}

function CheckpointHome() {
  const { t } = useTranslation();
  return (
    <Page title={t('nav.checkpointApp')} lead={t('auth.checkpointHint')} help="cai-dat-ung-dung">
      <ButtonLink to="/checkpoint" variant="primary" external>
        {t('nav.checkpointApp')}
      </ButtonLink>
    </Page>
  );
}
