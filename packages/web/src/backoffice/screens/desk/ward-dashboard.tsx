import { useTranslation } from 'react-i18next';
import { tDynamic } from '../../../i18n/index.js';
import { formatDateTime } from '../../../shared/format.js';
import { inSentence, useUnit } from '../../lib/admin-units.js';
import type { Stats } from '../../lib/api-types.js';
import { useUser } from '../../lib/session.js';
import { useApi } from '../../lib/use-api.js';
import { ErrorMessage, Loading } from '../../ui/messages.js';
import { Page } from '../../ui/page.js';
import { Stat } from '../../ui/stat.js';

/** Where each count leads (the list behind it), for the ward's own screens. */
const LINKS: Record<string, Record<string, string>> = {
  businesses: { pendingRegistration: '/businesses?status=pending', registered: '/businesses' },
  dossiers: { waiting: '/inbox', overdue: '/inbox', dueWithin24h: '/inbox', returned: '/dossiers' },
  permits: { active: '/permits' },
  scans: { today: '/scans' },
};

/** Counts that are bad news when not zero. */
const BAD = new Set(['dossiers.overdue']);

/** The sections and counts shown, in order (a section the server does not send is skipped). */
export const DASHBOARD: Array<[string, string[]]> = [
  ['dossiers', ['waiting', 'overdue', 'dueWithin24h', 'returned', 'approved']],
  ['businesses', ['registered', 'pendingRegistration', 'approved', 'suspended']],
  ['staff', ['approved', 'pending']],
  ['permits', ['active', 'issuedToday', 'revoked', 'unitQrActive']],
  ['scans', ['today', 'todayValid', 'todayNotValid', 'todayCannotVerify']],
];

/** The ward's overview: what waits, what is late, and the article's counts. */
export function WardDashboard() {
  const { t } = useTranslation();
  const me = useUser();
  // The ward admin has no desk screens: only the permits and the scan log are linked.
  const link = (to: string | undefined) =>
    to && (me.role === 'ward_officer' || /^\/(permits|scans)/.test(to)) ? to : undefined;
  const ward = useUnit(me.wardCode);
  const stats = useApi<Stats>('/api/v1/stats');
  return (
    <Page
      title={t('dashboard.title')}
      help={me.role === 'ward_admin' ? 'tai-lieu-huong-dan' : 'han-xu-ly-ho-so'}
      lead={ward ? t('dashboard.leadWard', { ward: inSentence(ward.name) }) : undefined}
    >
      <ErrorMessage error={stats.error} />
      {!stats.data ? (
        <Loading />
      ) : (
        <>
          {DASHBOARD.map(([section, keys]) => {
            const values = stats.data?.sections[section];
            if (!values) return null;
            return (
              <section key={section} aria-labelledby={`stats-${section}`}>
                <h2 id={`stats-${section}`}>{tDynamic(`stats.sections.${section}`, section)}</h2>
                <ul className="cards">
                  {keys
                    .filter((k) => k in values)
                    .map((k) => (
                      <Stat
                        key={k}
                        label={tDynamic(`stats.${section}.${k}`, k)}
                        value={values[k]}
                        to={link(LINKS[section]?.[k])}
                        bad={BAD.has(`${section}.${k}`) && (values[k] ?? 0) > 0}
                      />
                    ))}
                </ul>
              </section>
            );
          })}
          <p className="muted">{t('dashboard.at', { at: formatDateTime(stats.data.at) })}</p>
        </>
      )}
    </Page>
  );
}
