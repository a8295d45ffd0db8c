import { useTranslation } from 'react-i18next';
import { HELP_ROLES, topicsFor } from '../../../help/help-topics.js';
import type { GuidePdf, HelpRole } from '../../../help/help-types.js';
import { inSentence, useUnit } from '../../lib/admin-units.js';
import { Link } from '../../lib/router.js';
import { useSession } from '../../lib/session.js';
import { GuideDownloads } from '../../ui/guide-downloads.js';
import { helpPath } from '../../ui/help-link.js';
import { Page } from '../../ui/page.js';
import { HelpFrame } from './help-frame.js';

/** Which printable guides each role is offered (the server lets anyone of the ward download both). */
const PDFS: Partial<Record<HelpRole, readonly GuidePdf[]>> = {
  ward_admin: ['business', 'checkpoint'],
  ward_officer: ['business', 'checkpoint'],
  health_officer: ['business', 'checkpoint'],
  business_rep: ['business'],
  checkpoint_officer: ['checkpoint'],
};

function TopicList({ role }: { role: HelpRole }) {
  return (
    <ul className="help-topics">
      {topicsFor(role).map((t) => (
        <li key={t.id}>
          <Link to={helpPath(t.id)}>{t.title}</Link>
          <span className="muted"> — {t.summary}</span>
        </li>
      ))}
    </ul>
  );
}

/** The help's table of contents: the reader's own pages first, the printable guides, then the other roles'. */
export function HelpIndexScreen() {
  const { t } = useTranslation();
  const { user, status } = useSession();
  const role = status === 'signed-in' ? (user?.role ?? null) : null;
  const ward = useUnit(role ? user?.wardCode : null);
  // Someone without an account is most likely a business: its pages first.
  const others = role
    ? HELP_ROLES.filter((r) => r !== role)
    : ['business_rep' as const, ...HELP_ROLES.filter((r) => r !== 'business_rep')];
  const pdfs = role ? PDFS[role] : undefined;
  return (
    <HelpFrame>
      <Page title={t('help.title')} lead={t('help.lead')}>
        {role ? (
          <section aria-labelledby="help-mine">
            <h2 id="help-mine">{t('help.forRole', { role: t(`roles.${role}`) })}</h2>
            <TopicList role={role} />
          </section>
        ) : null}
        {pdfs && user?.wardCode ? (
          <section className="panel" aria-labelledby="help-printable">
            <h2 id="help-printable">{t('help.printable')}</h2>
            <p>{t('help.printableLead', { ward: ward ? `UBND ${inSentence(ward.name)}` : '' })}</p>
            <GuideDownloads wardCode={user.wardCode} kinds={pdfs} />
          </section>
        ) : role ? null : (
          <p className="muted">{t('help.pdfNeedsSignIn')}</p>
        )}
        <section aria-labelledby="help-others">
          {role ? (
            <>
              <h2 id="help-others">{t('help.otherRoles')}</h2>
              <p className="muted">{t('help.otherRolesLead')}</p>
            </>
          ) : (
            <h2 id="help-others" className="visually-hidden">
              {t('help.title')}
            </h2>
          )}
          {others.map((r) => (
            <section key={r} aria-labelledby={`help-role-${r}`}>
              <h3 id={`help-role-${r}`}>{t(`roles.${r}`)}</h3>
              <TopicList role={r} />
            </section>
          ))}
        </section>
      </Page>
    </HelpFrame>
  );
}
