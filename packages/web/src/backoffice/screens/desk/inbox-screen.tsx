import { useTranslation } from 'react-i18next';
import type { Page as ApiPage, Business, BusinessChange, Dossier } from '../../lib/api-types.js';
import { Link } from '../../lib/router.js';
import { useUser } from '../../lib/session.js';
import { useApi } from '../../lib/use-api.js';
import { ButtonLink } from '../../ui/button.js';
import { ErrorMessage, InfoBox, Loading } from '../../ui/messages.js';
import { Page } from '../../ui/page.js';
import { DossierTable } from '../dossiers/dossier-table.js';

/**
 * The one-stop desk's inbox: every dossier waiting for the ward, the most urgent first, each
 * with its 3-day clock. The Health Station's queue is the same list narrowed to what waits
 * for it.
 */
export function InboxScreen() {
  const { t } = useTranslation();
  const me = useUser();
  const health = me.role === 'health_officer';
  const list = useApi<ApiPage<Dossier>>('/api/v1/dossiers', {
    state: health ? 'submitted' : 'submitted,health_confirmed',
    pageSize: 200,
  });
  const pending = useApi<ApiPage<Business>>(health ? null : '/api/v1/businesses', { status: 'pending', pageSize: 1 });
  const changes = useApi<{ items: BusinessChange[] }>(health ? null : '/api/v1/business-changes');
  const items = list.data?.items ?? [];
  const overdue = items.filter((d) => d.overdue).length;
  return (
    <Page
      title={health ? t('nav.healthQueue') : t('nav.inbox')}
      lead={health ? t('inbox.leadHealth') : t('inbox.lead')}
      help={health ? 'xac-nhan-phuong-an' : 'han-xu-ly-ho-so'}
      actions={
        health ? null : (
          <ButtonLink to="/intake" variant="primary">
            {t('nav.intake')}
          </ButtonLink>
        )
      }
    >
      {pending.data && pending.data.total > 0 ? (
        <InfoBox>
          <p>
            {t('inbox.pendingRegistrations', { n: pending.data.total })}{' '}
            <Link to="/businesses?status=pending">{t('inbox.reviewThem')}</Link>
          </p>
        </InfoBox>
      ) : null}
      {changes.data && changes.data.items.length > 0 ? (
        <InfoBox>
          <p>{t('deadEnds.inboxChanges', { n: changes.data.items.length })}</p>
          <ul>
            {changes.data.items.map((c) => (
              <li key={c.id}>
                <Link to={`/businesses/${c.businessId}`}>{c.businessName}</Link> ({c.taxCode})
              </li>
            ))}
          </ul>
        </InfoBox>
      ) : null}
      {list.data ? (
        <p aria-live="polite">
          {t('inbox.count', { n: list.data.total })}
          {overdue ? <strong className="clock-overdue"> {t('inbox.overdueCount', { n: overdue })}</strong> : null}
        </p>
      ) : null}
      <ErrorMessage error={list.error} />
      {list.loading && !list.data ? (
        <Loading />
      ) : (
        <DossierTable
          dossiers={items}
          caption={health ? t('nav.healthQueue') : t('nav.inbox')}
          empty={t('inbox.none')}
        />
      )}
    </Page>
  );
}
