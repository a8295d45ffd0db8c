import { useTranslation } from 'react-i18next';
import type { Page as ApiPage, Business, BusinessChange, Dossier } from '../../lib/api-types.js';
import { Link } from '../../lib/router.js';
import { useUser } from '../../lib/session.js';
import { useApi } from '../../lib/use-api.js';
import { ButtonLink } from '../../ui/button.js';
import { ErrorMessage, InfoBox, Loading } from '../../ui/messages.js';
import { Page } from '../../ui/page.js';
import { DossierTable } from '../dossiers/dossier-table.js';
import { IncomingMoves } from './incoming-moves.js';

/**
 * The one-stop desk's inbox: every dossier waiting for the ward, the most urgent first, each
 * with its 3-day clock. The Health Station's queue is the same list narrowed to what waits
 * for it.
 */
export function InboxScreen() {
  const { t } = useTranslation();
  const me = useUser();
  const health = me.role === 'health_officer';
  // The ward leader's inbox: what the desk sent up for signature.
  const leader = me.role === 'ward_leader';
  const list = useApi<ApiPage<Dossier>>('/api/v1/dossiers', {
    state: health ? 'submitted' : leader ? 'awaiting_leader' : 'submitted,health_confirmed,awaiting_leader',
    pageSize: 200,
  });
  const pending = useApi<ApiPage<Business>>(health || leader ? null : '/api/v1/businesses', {
    status: 'pending',
    pageSize: 1,
  });
  const title = health ? t('nav.healthQueue') : leader ? t('nav.leaderQueue') : t('nav.inbox');
  const changes = useApi<{ items: BusinessChange[] }>(health || leader ? null : '/api/v1/business-changes');
  // Moves into the ward are decided here (the business's page is still its old ward's).
  const moves = changes.data?.items.filter((c) => c.kind === 'move') ?? [];
  const details = changes.data?.items.filter((c) => c.kind !== 'move') ?? [];
  const items = list.data?.items ?? [];
  const overdue = items.filter((d) => d.overdue).length;
  return (
    <Page
      title={title}
      lead={health ? t('inbox.leadHealth') : leader ? t('inbox.leadLeader') : t('inbox.lead')}
      help={health ? 'xac-nhan-phuong-an' : leader ? 'lanh-dao-ky-phe-duyet' : 'han-xu-ly-ho-so'}
      actions={
        health || leader ? null : (
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
      {moves.length > 0 ? <IncomingMoves moves={moves} onDecided={changes.reload} /> : null}
      {details.length > 0 ? (
        <InfoBox>
          <p>{t('deadEnds.inboxChanges', { n: details.length })}</p>
          <ul>
            {details.map((c) => (
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
        <DossierTable dossiers={items} caption={title} empty={t('inbox.none')} />
      )}
    </Page>
  );
}
