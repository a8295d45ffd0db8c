import { useTranslation } from 'react-i18next';
import { inSentence } from '../../lib/admin-units.js';
import type { Page as ApiPage, Business, Dossier, UnitCredential } from '../../lib/api-types.js';
import { formatDay } from '../../lib/dates.js';
import { useFeatures } from '../../lib/features.js';
import { useUser } from '../../lib/session.js';
import { useApi } from '../../lib/use-api.js';
import { BusinessFacts } from '../../ui/business-facts.js';
import { ButtonLink } from '../../ui/button.js';
import { GuideDownload } from '../../ui/guide-downloads.js';
import { HelpLink } from '../../ui/help-link.js';
import { ErrorMessage, InfoBox, Loading } from '../../ui/messages.js';
import { Page } from '../../ui/page.js';
import { BusinessStatusBadge } from '../../ui/state-badge.js';
import { DossierTable } from '../dossiers/dossier-table.js';
import { BusinessDetailsEditor } from './business-details-editor.js';
import { ReapplyPanel } from './reapply-panel.js';

/**
 * The business's first screen: whether the ward has accepted it, its dossiers and what to do
 * next (register the plan and staff list, add people, issue permits), and once approved its
 * unit QR and the ward's confirmation.
 */
export function BusinessHome() {
  const { t } = useTranslation();
  const me = useUser();
  const features = useFeatures();
  const business = useApi<Business>(me.businessId ? `/api/v1/businesses/${me.businessId}` : null);
  const active = business.data?.status === 'active';
  const dossiers = useApi<ApiPage<Dossier>>(active ? '/api/v1/dossiers' : null, { pageSize: 20 });
  // Only the current ward's dossiers count: a business that moved registers again with its new ward.
  const here = (dossiers.data?.items ?? []).filter((d) => d.wardCode === business.data?.wardCode);
  const approved = here.some((d) => d.kind === 'initial' && d.state === 'approved');
  const moved = (dossiers.data?.items.length ?? 0) > here.length;
  const credential = useApi<UnitCredential>(
    approved && me.businessId ? `/api/v1/businesses/${me.businessId}/unit-credential` : null,
  );
  if (!me.businessId) {
    return (
      <Page title={t('nav.myBusiness')}>
        <InfoBox kind="warn">
          <p>{t('businessHome.noBusiness')}</p>
        </InfoBox>
      </Page>
    );
  }
  const b = business.data;
  if (!b) return business.error ? <ErrorMessage error={business.error} /> : <Loading />;
  const items = dossiers.data?.items ?? [];
  const hasOpenInitial = here.some((d) => d.kind === 'initial' && d.state !== 'rejected');
  return (
    <Page title={b.name} lead={t('businessHome.lead')} help="lap-va-nop-ho-so">
      <section className="panel" aria-labelledby="business-status">
        <h2 id="business-status">{t('businessHome.statusTitle')}</h2>
        <p>
          <BusinessStatusBadge status={b.status} />
        </p>
        {b.status === 'pending' ? <p>{t('businessHome.pending', { ward: inSentence(b.wardName) })}</p> : null}
        {b.status === 'refused' || b.status === 'suspended' ? (
          <InfoBox kind="warn">
            <p>
              <strong>{t('common.reason')}:</strong> {b.statusReason ?? t('common.none')}
            </p>
          </InfoBox>
        ) : null}
        <BusinessFacts business={b} />
        {b.status === 'refused' ? null : <BusinessDetailsEditor business={b} onChanged={business.setData} />}
      </section>
      {b.status === 'refused' ? <ReapplyPanel business={b} onChanged={business.setData} /> : null}
      {active ? (
        <>
          <section className="panel" aria-labelledby="next-steps">
            <h2 id="next-steps">{t('businessHome.nextTitle')}</h2>
            {!hasOpenInitial && moved ? (
              <InfoBox kind="warn">
                <p>{t('businessHome.movedHelp', { ward: inSentence(b.wardName) })}</p>
              </InfoBox>
            ) : null}
            {!hasOpenInitial ? <p>{t('businessHome.startHelp')}</p> : null}
            <div className="form-actions">
              {!hasOpenInitial ? (
                <ButtonLink to="/dossiers/new" variant="primary">
                  {t('businessHome.start')}
                </ButtonLink>
              ) : null}
              {approved ? (
                <>
                  {features.has('permits') ? (
                    <ButtonLink to="/permits/issue" variant="primary">
                      {t('nav.issue')}
                    </ButtonLink>
                  ) : null}
                  <ButtonLink to="/staff">{t('nav.staff')}</ButtonLink>
                  <ButtonLink to="/dossiers/new?kind=amendment">{t('businessHome.amend')}</ButtonLink>
                </>
              ) : null}
            </div>
          </section>
          {credential.data ? (
            <section className="panel" aria-labelledby="unit-qr">
              <div className="heading-with-help">
                <h2 id="unit-qr">{t('unitCredential.title')}</h2>
                <HelpLink topic="ma-qr-cua-don-vi" />
              </div>
              <dl className="facts">
                <dt>{t('unitCredential.approvalRef')}</dt>
                <dd>{credential.data.approvalRef}</dd>
                <dt>{t('unitCredential.validity')}</dt>
                <dd>
                  {t('dossier.planRange', {
                    from: formatDay(credential.data.validFromDate),
                    to: formatDay(credential.data.validToDate),
                  })}
                </dd>
                <dt>{t('unitCredential.staffCount')}</dt>
                <dd>{credential.data.staffCount.toLocaleString('vi-VN')}</dd>
              </dl>
              <figure className="unit-qr">
                <img
                  src={`/api/v1/businesses/${b.id}/unit-credential.png?scale=6`}
                  alt={t('deadEnds.unitQrAlt', { name: b.name })}
                  width={240}
                  height={240}
                />
                <figcaption>{t('deadEnds.unitQrHint')}</figcaption>
              </figure>
              <p className="form-actions">
                <a className="btn btn-primary" href={`/api/v1/businesses/${b.id}/unit-credential.png`} download>
                  {t('deadEnds.unitQrDownload')}
                </a>
                <a className="btn" href={`/api/v1/businesses/${b.id}/confirmation.pdf`} download>
                  {t('unitCredential.download')}
                </a>
                <GuideDownload wardCode={b.wardCode} kind="business" />
              </p>
            </section>
          ) : null}
          <section aria-labelledby="my-dossiers">
            <h2 id="my-dossiers">{t('nav.myDossiers')}</h2>
            {dossiers.data ? (
              <DossierTable
                dossiers={items}
                caption={t('nav.myDossiers')}
                showBusiness={false}
                empty={t('dossiers.none')}
              />
            ) : (
              <Loading />
            )}
          </section>
        </>
      ) : null}
    </Page>
  );
}
