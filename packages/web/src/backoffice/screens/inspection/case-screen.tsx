import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { tDynamic } from '../../../i18n/index.js';
import { formatDateTime } from '../../../shared/format.js';
import { type ApiError, api } from '../../lib/api-client.js';
import type { InspectionCaseDetail } from '../../lib/api-types.js';
import { useNotices } from '../../lib/notices.js';
import { Link } from '../../lib/router.js';
import { useUser } from '../../lib/session.js';
import { useApi } from '../../lib/use-api.js';
import { Badge } from '../../ui/badge.js';
import { Button } from '../../ui/button.js';
import { TextAreaField } from '../../ui/field.js';
import { ErrorMessage, Loading } from '../../ui/messages.js';
import { Page } from '../../ui/page.js';
import { ReasonDialog } from '../../ui/reason-dialog.js';

/** One inspection case: its timeline (findings as found, notes), a note, close, or suspend the unit. */
export function CaseScreen({ id }: { id: string }) {
  const { t } = useTranslation();
  const me = useUser();
  const { notify } = useNotices();
  const c = useApi<InspectionCaseDetail>(`/api/v1/inspection/cases/${id}`);
  const [note, setNote] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [dialog, setDialog] = useState<'close' | 'suspend' | null>(null);
  const [reason, setReason] = useState('');
  const keeper = me.role === 'ward_admin' || me.role === 'ward_officer';
  const post = async (path: string, body: object, done: string) => {
    setBusy(true);
    const r = await api.post<InspectionCaseDetail>(`/api/v1/inspection/cases/${id}/${path}`, body);
    setBusy(false);
    if (!r.ok) {
      setError(r.error);
      return false;
    }
    setError(null);
    c.setData(r.data);
    notify(done);
    return true;
  };
  const addNote = async (e: FormEvent) => {
    e.preventDefault();
    if (await post('notes', { note }, t('cases.noted'))) setNote('');
  };
  const finish = async (e: FormEvent) => {
    e.preventDefault();
    const ok =
      dialog === 'suspend'
        ? await post('suspend', { note: reason }, t('cases.suspended'))
        : await post('close', { note: reason }, t('cases.closed'));
    if (ok) {
      setDialog(null);
      setReason('');
    }
  };
  if (!c.data) return <Page title={t('cases.title')}>{c.error ? <ErrorMessage error={c.error} /> : <Loading />}</Page>;
  const d = c.data;
  return (
    <Page
      title={d.title}
      lead={`${d.business.name} · MST ${d.business.taxCode}`}
      breadcrumb={<Link to="/inspection/cases">{t('cases.title')}</Link>}
      actions={
        keeper && d.state === 'open' ? (
          <>
            <Button onClick={() => setDialog('close')}>{t('cases.close')}</Button>
            {me.role === 'ward_officer' ? (
              <Button variant="danger" onClick={() => setDialog('suspend')}>
                {t('cases.suspend')}
              </Button>
            ) : null}
          </>
        ) : null
      }
    >
      <p>
        <Badge tone={d.state === 'open' ? 'info' : d.outcome === 'unit_suspended' ? 'bad' : 'neutral'}>
          {d.state === 'open' ? t('cases.state.open') : t(`cases.outcome.${d.outcome ?? 'no_action'}`)}
        </Badge>
      </p>
      <h2>{t('cases.timeline')}</h2>
      <ol className="timeline">
        {d.entries.map((e) => (
          <li key={e.id}>
            <strong>{t(`cases.entry.${e.kind}`)}</strong>
            {e.finding ? <> · {tDynamic(`inspection.kinds.${e.finding.kind}`, e.finding.kind)}</> : null}
            <span className="muted">
              {' '}
              · {formatDateTime(e.at)} · {e.actor.name ?? tDynamic(`roles.${e.actor.role}`, e.actor.role)}
            </span>
            {e.finding ? <p>{e.finding.explanation}</p> : null}
            {e.note ? <p>{e.note}</p> : null}
          </li>
        ))}
      </ol>
      {keeper && d.state === 'open' ? (
        <form className="form" onSubmit={addNote}>
          <ErrorMessage error={dialog ? null : error} />
          <TextAreaField label={t('cases.note')} value={note} onValue={setNote} rows={3} required />
          <div className="form-actions">
            <Button type="submit" variant="primary" busy={busy}>
              {t('cases.addNote')}
            </Button>
          </div>
        </form>
      ) : null}
      <ReasonDialog
        open={dialog !== null}
        title={dialog === 'suspend' ? t('cases.suspendTitle', { name: d.business.name }) : t('cases.closeTitle')}
        {...(dialog === 'suspend' ? { text: t('cases.suspendText') } : {})}
        hint={dialog === 'suspend' ? t('cases.suspendReason') : t('cases.closeReason')}
        submitLabel={dialog === 'suspend' ? t('cases.suspend') : t('cases.close')}
        reason={reason}
        onReason={setReason}
        error={error}
        busy={busy}
        onSubmit={finish}
        onClose={() => setDialog(null)}
      />
    </Page>
  );
}
