import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/format.js';
import type { DossierDetail } from '../../lib/api-types.js';
import { formatDay } from '../../lib/dates.js';
import { Link } from '../../lib/router.js';
import { useUser } from '../../lib/session.js';
import { useApi } from '../../lib/use-api.js';
import { DeadlineClock } from '../../ui/deadline-clock.js';
import { ErrorMessage, InfoBox, Loading } from '../../ui/messages.js';
import { Page } from '../../ui/page.js';
import { DossierStateBadge } from '../../ui/state-badge.js';
import { AttachmentsPanel } from './attachments-panel.js';
import { DossierActions } from './dossier-actions.js';
import { DossierStaff } from './dossier-staff.js';
import { DossierTimeline } from './dossier-timeline.js';
import { DraftAndCopyActions } from './draft-and-copy-actions.js';
import { StaffImportPanel } from './staff-import-panel.js';

const OPEN = new Set(['submitted', 'health_confirmed', 'awaiting_leader']);
const REASON_STATES = new Set(['returned', 'rejected', 'suspended']);

/**
 * One dossier, for everyone who may see it: its state and 3-day clock, the reason it was
 * returned or rejected, what the viewer may do now, the plan's files (viewed in the page),
 * the staff list (imported and fixed while it can be changed) and its history.
 */
export function DossierScreen({ id }: { id: string }) {
  const { t } = useTranslation();
  const me = useUser();
  const detail = useApi<DossierDetail>(`/api/v1/dossiers/${id}`);
  const [staffVersion, setStaffVersion] = useState(0);
  const d = detail.data;
  const back =
    me.role === 'business_rep'
      ? '/dossiers'
      : me.role === 'health_officer' || me.role === 'ward_leader'
        ? '/'
        : '/inbox';
  if (detail.error && !d) {
    return (
      <Page title={t('dossier.title')}>
        <ErrorMessage error={detail.error} />
      </Page>
    );
  }
  if (!d) return <Loading />;
  const refresh = () => {
    detail.reload();
    setStaffVersion((v) => v + 1);
  };
  return (
    <Page
      title={t(`dossier.pageTitle.${d.kind}`, { name: d.businessName })}
      breadcrumb={<Link to={back}>{t('common.back')}</Link>}
      help={
        me.role === 'business_rep'
          ? 'lap-va-nop-ho-so'
          : me.role === 'health_officer'
            ? 'xac-nhan-phuong-an'
            : 'duyet-hay-tra-lai'
      }
    >
      <section className="panel status-panel" aria-label={t('common.status')}>
        <p className="status-line">
          <DossierStateBadge state={d.state} />
          {d.dueAt && OPEN.has(d.state) ? <DeadlineClock dueAt={d.dueAt} /> : null}
        </p>
        {d.stateNote && REASON_STATES.has(d.state) ? (
          <InfoBox kind="warn">
            <p>
              <strong>{t(`dossier.reasonTitle.${d.state as 'returned' | 'rejected' | 'suspended'}`)}</strong>{' '}
              {d.stateNote}
            </p>
          </InfoBox>
        ) : null}
        {d.state === 'draft' && d.editable ? (
          <p className="muted">{t('dossier.draftHelp')}</p>
        ) : d.state === 'returned' && d.editable ? (
          <p className="muted">{t('dossier.returnedHelp')}</p>
        ) : null}
        <dl className="facts">
          <dt>{t('dossier.business')}</dt>
          <dd>
            {me.role === 'business_rep' ? (
              d.businessName
            ) : (
              <Link to={`/businesses/${d.businessId}`}>{d.businessName}</Link>
            )}{' '}
            · {t('dossier.taxCodeShort')} <span className="mono">{d.businessTaxCode}</span>
          </dd>
          <dt>{t('dossier.kind')}</dt>
          <dd>{t(`kinds.${d.kind}`)}</dd>
          <dt>{t('dossier.channel')}</dt>
          <dd>{t(`channels.${d.channel}`)}</dd>
          <dt>{t('dossier.plan')}</dt>
          <dd>{t('dossier.planRange', { from: formatDay(d.planFrom), to: formatDay(d.planTo) })}</dd>
          {d.submittedAt ? (
            <>
              <dt>{t('dossier.submittedAt')}</dt>
              <dd>{formatDateTime(d.submittedAt)}</dd>
            </>
          ) : null}
          {d.dueAt ? (
            <>
              <dt>{t('dossier.dueAt')}</dt>
              <dd>{formatDateTime(d.dueAt)}</dd>
            </>
          ) : null}
          {d.healthConfirmedAt ? (
            <>
              <dt>{t('dossier.healthConfirmedAt')}</dt>
              <dd>{formatDateTime(d.healthConfirmedAt)}</dd>
            </>
          ) : null}
          {d.referenceNumber ? (
            <>
              <dt>{t('dossier.referenceNumber')}</dt>
              <dd>{d.referenceNumber}</dd>
            </>
          ) : null}
          {d.approvedBy ? (
            <>
              <dt>{t('dossier.approvedBy')}</dt>
              <dd>
                {d.approvedBy.name}
                {d.approvedBy.title ? ` (${d.approvedBy.title})` : ''}
              </dd>
            </>
          ) : null}
          {d.commitment ? (
            <>
              <dt>{t('dossier.commitment')}</dt>
              <dd>
                {t('dossier.commitmentBy', { name: d.commitment.name, at: formatDateTime(d.commitment.at) })}
                <br />
                <small>{d.commitment.text}</small>
              </dd>
            </>
          ) : null}
          <dt>{t('dossier.staffCount')}</dt>
          <dd>{d.staffCount.toLocaleString('vi-VN')}</dd>
          {d.note ? (
            <>
              <dt>{t('common.note')}</dt>
              <dd>{d.note}</dd>
            </>
          ) : null}
        </dl>
        <DraftAndCopyActions dossier={d} />
      </section>
      <DossierActions
        dossier={d}
        onDone={(next) => {
          detail.setData(next);
          setStaffVersion((v) => v + 1);
        }}
      />
      {d.kind === 'initial' || d.attachments.length > 0 ? (
        <AttachmentsPanel
          dossierId={d.id}
          attachments={d.attachments}
          rights={d.fileRights}
          draft={d.state === 'draft'}
          onChange={detail.reload}
        />
      ) : null}
      {d.editable ? <StaffImportPanel dossierId={d.id} onSaved={refresh} /> : null}
      <DossierStaff dossierId={d.id} editable={d.editable} version={staffVersion} />
      <DossierTimeline events={d.events} />
    </Page>
  );
}
