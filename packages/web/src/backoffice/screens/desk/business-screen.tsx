import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/format.js';
import { type ApiError, api } from '../../lib/api-client.js';
import type { Page as ApiPage, Business, Dossier, UnitCredential } from '../../lib/api-types.js';
import { formatDay } from '../../lib/dates.js';
import { useFeatures } from '../../lib/features.js';
import { useNotices } from '../../lib/notices.js';
import { Link, withQuery } from '../../lib/router.js';
import { useUser } from '../../lib/session.js';
import { useApi } from '../../lib/use-api.js';
import { BusinessFacts } from '../../ui/business-facts.js';
import { Button, ButtonLink } from '../../ui/button.js';
import { ErrorMessage, InfoBox, Loading } from '../../ui/messages.js';
import { Page } from '../../ui/page.js';
import { ReasonDialog } from '../../ui/reason-dialog.js';
import { BusinessStatusBadge } from '../../ui/state-badge.js';
import { BusinessDetailsEditor } from '../business/business-details-editor.js';
import { BusinessStaff } from '../business/staff-screen.js';
import { DossierTable } from '../dossiers/dossier-table.js';

/**
 * One business as the ward sees it: its details and status (accept or refuse a registration
 * it made itself), its dossiers, its unit QR and the ward's confirmation PDF, its registered
 * staff (take people off with a reason) and its permits.
 */
export function BusinessScreen({ id }: { id: string }) {
  const { t } = useTranslation();
  const me = useUser();
  const features = useFeatures();
  const { notify } = useNotices();
  const business = useApi<Business>(`/api/v1/businesses/${id}`);
  const dossiers = useApi<ApiPage<Dossier>>('/api/v1/dossiers', { business: id, pageSize: 50 });
  const approved = dossiers.data?.items.some(
    (d) => d.kind === 'initial' && (d.state === 'approved' || d.state === 'suspended'),
  );
  const credential = useApi<UnitCredential>(approved ? `/api/v1/businesses/${id}/unit-credential` : null);
  const [refusing, setRefusing] = useState(false);
  const [reversing, setReversing] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const b = business.data;
  const desk = me.role === 'ward_officer';
  const canReverse = desk || me.role === 'ward_admin';

  const accept = async () => {
    setBusy(true);
    const r = await api.post<Business>(`/api/v1/businesses/${id}/accept`, {});
    setBusy(false);
    if (!r.ok) return notify(r.error.message, 'error');
    business.setData(r.data);
    notify(t('businessReview.accepted', { name: r.data.name }));
  };
  const refuse = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const r = await api.post<Business>(`/api/v1/businesses/${id}/refuse`, { reason: reason.trim() });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    business.setData(r.data);
    setRefusing(false);
    notify(t('businessReview.refused', { name: r.data.name }));
  };

  const reverse = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const r = await api.post<Business>(`/api/v1/businesses/${id}/reverse-refusal`, { reason: reason.trim() });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    business.setData(r.data);
    setReversing(false);
    dossiers.reload();
    notify(t('deadEnds.reversed', { name: r.data.name }));
  };

  if (!b) return business.error ? <ErrorMessage error={business.error} /> : <Loading />;
  return (
    <Page title={b.name} breadcrumb={<Link to="/businesses">{t('nav.businesses')}</Link>} help="tiep-nhan-doanh-nghiep">
      <section className="panel" aria-labelledby="biz-info">
        <h2 id="biz-info">{t('businessReview.info')}</h2>
        <p>
          <BusinessStatusBadge status={b.status} />
        </p>
        {b.statusReason && b.status !== 'active' ? (
          <InfoBox kind="warn">
            <p>
              <strong>{t('common.reason')}:</strong> {b.statusReason}
            </p>
          </InfoBox>
        ) : null}
        <BusinessFacts business={b}>
          <dt>{t('business.registeredVia')}</dt>
          <dd>
            {t(`business.via.${b.registeredVia}`)} · {formatDateTime(b.createdAt)}
          </dd>
        </BusinessFacts>
        {b.status !== 'refused' ? <BusinessDetailsEditor business={b} onChanged={business.setData} /> : null}
        {canReverse && b.status === 'refused' ? (
          <div className="form-actions">
            <Button
              variant="primary"
              onClick={() => {
                setReversing(true);
                setReason('');
                setError(null);
              }}
            >
              {t('deadEnds.reverse')}
            </Button>
          </div>
        ) : null}
        {desk && b.status === 'pending' ? (
          <div className="form-actions">
            <Button variant="primary" busy={busy} onClick={() => void accept()}>
              {t('businessReview.accept')}
            </Button>
            <Button
              variant="danger"
              onClick={() => {
                setRefusing(true);
                setReason('');
                setError(null);
              }}
            >
              {t('businessReview.refuse')}
            </Button>
          </div>
        ) : null}
      </section>
      {b.status !== 'pending' && b.status !== 'refused' ? (
        <>
          <section aria-labelledby="biz-dossiers">
            <div className="page-head">
              <h2 id="biz-dossiers">{t('nav.dossiers')}</h2>
              {desk ? (
                <ButtonLink small to={withQuery('/intake', { business: b.id })}>
                  {t('businessReview.intakeFor')}
                </ButtonLink>
              ) : null}
            </div>
            {dossiers.data ? (
              <DossierTable
                dossiers={dossiers.data.items}
                caption={t('nav.dossiers')}
                showBusiness={false}
                empty={t('dossiers.none')}
              />
            ) : (
              <Loading />
            )}
          </section>
          {credential.data ? (
            <section className="panel" aria-labelledby="biz-credential">
              <h2 id="biz-credential">{t('unitCredential.title')}</h2>
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
                <dt>{t('common.status')}</dt>
                <dd>{t(`permitStates.${credential.data.status}`)}</dd>
              </dl>
              <p className="form-actions">
                <a className="btn" href={`/api/v1/businesses/${b.id}/confirmation.pdf`} download>
                  {t('unitCredential.download')}
                </a>
                {features.has('permits') ? (
                  <ButtonLink to={withQuery('/permits', { business: b.id })}>{t('businessReview.permits')}</ButtonLink>
                ) : null}
              </p>
            </section>
          ) : null}
          <section aria-labelledby="biz-staff">
            <h2 id="biz-staff">{t('nav.staff')}</h2>
            <BusinessStaff businessId={b.id} canRemove={desk} />
          </section>
        </>
      ) : null}
      <ReasonDialog
        open={refusing}
        title={t('businessReview.refuseTitle', { name: b.name })}
        hint={t('dossier.reasonHint')}
        submitLabel={t('businessReview.refuse')}
        reason={reason}
        onReason={setReason}
        error={error}
        busy={busy}
        onSubmit={refuse}
        onClose={() => setRefusing(false)}
      />
      <ReasonDialog
        open={reversing}
        title={t('deadEnds.reverseTitle', { name: b.name })}
        text={t('deadEnds.reverseText')}
        hint={t('dossier.reasonHint')}
        submitLabel={t('deadEnds.reverse')}
        reason={reason}
        onReason={setReason}
        error={error}
        busy={busy}
        onSubmit={reverse}
        onClose={() => setReversing(false)}
      />
    </Page>
  );
}
