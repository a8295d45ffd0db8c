import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/format.js';
import { inSentence, useUnit } from '../../lib/admin-units.js';
import { type ApiError, api, issueFor } from '../../lib/api-client.js';
import type { WardSettings } from '../../lib/api-types.js';
import { useNotices } from '../../lib/notices.js';
import { useUser } from '../../lib/session.js';
import { useApi } from '../../lib/use-api.js';
import { Button } from '../../ui/button.js';
import { TextAreaField, TextField } from '../../ui/field.js';
import { GuideDownloads } from '../../ui/guide-downloads.js';
import { ErrorMessage, Loading } from '../../ui/messages.js';
import { Page } from '../../ui/page.js';

/** Due days, the legal-basis line printed on permits, the desk's e-mail. */
export function WardSettingsScreen() {
  const { t } = useTranslation();
  const me = useUser();
  const ward = useUnit(me.wardCode);
  const { notify } = useNotices();
  const path = me.wardCode ? `/api/v1/wards/${me.wardCode}/settings` : null;
  const settings = useApi<WardSettings>(path);
  const [dueDays, setDueDays] = useState('3');
  const [legalBasis, setLegalBasis] = useState('');
  const [deskEmail, setDeskEmail] = useState('');
  const [leaderSigns, setLeaderSigns] = useState(true);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!settings.data) return;
    setDueDays(String(settings.data.dueDays));
    setLegalBasis(settings.data.legalBasis ?? '');
    setDeskEmail(settings.data.deskEmail ?? '');
    setLeaderSigns(settings.data.leaderApprovalRequired);
  }, [settings.data]);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!path) return;
    setBusy(true);
    const r = await api.patch<WardSettings>(path, {
      dueDays: Number(dueDays),
      legalBasis: legalBasis.trim() || null,
      deskEmail: deskEmail.trim() || null,
      leaderApprovalRequired: leaderSigns,
    });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setError(null);
    settings.setData(r.data);
    notify(t('settings.saved'));
  };
  return (
    <Page
      title={t('settings.title')}
      lead={t('settings.lead', { ward: ward ? inSentence(ward.name) : '' })}
      help="thiet-lap-phuong"
    >
      {settings.error ? <ErrorMessage error={settings.error} /> : null}
      {!settings.data ? (
        <Loading />
      ) : (
        <>
          <p className="muted">
            {settings.data.updatedAt
              ? t('settings.lastUpdated', { at: formatDateTime(settings.data.updatedAt) })
              : t('settings.never')}
          </p>
          <ErrorMessage error={error} />
          <form className="form form-wide" onSubmit={submit} noValidate>
            <TextField
              label={t('settings.dueDays')}
              hint={t('settings.dueDaysHint')}
              type="number"
              min={1}
              max={30}
              inputMode="numeric"
              value={dueDays}
              onValue={setDueDays}
              error={issueFor(error, 'dueDays')}
              style={{ maxWidth: 140 }}
            />
            <TextAreaField
              label={t('settings.legalBasis')}
              hint={t('settings.legalBasisHint')}
              value={legalBasis}
              onValue={setLegalBasis}
              error={issueFor(error, 'legalBasis')}
              rows={4}
            />
            <TextField
              label={t('settings.deskEmail')}
              hint={t('settings.deskEmailHint')}
              type="email"
              value={deskEmail}
              onValue={setDeskEmail}
              error={issueFor(error, 'deskEmail')}
              autoComplete="email"
            />
            <div className="field">
              <label className="check">
                <input type="checkbox" checked={leaderSigns} onChange={(e) => setLeaderSigns(e.target.checked)} />{' '}
                {t('settings.leaderApprovalRequired')}
              </label>
              <p className="hint">{t('settings.leaderApprovalRequiredHint')}</p>
            </div>
            <div className="form-actions">
              <Button type="submit" variant="primary" busy={busy}>
                {t('common.save')}
              </Button>
            </div>
          </form>
          {me.wardCode ? (
            <section className="panel" aria-labelledby="ward-guides">
              <h2 id="ward-guides">{t('help.printable')}</h2>
              <p className="muted">{t('help.printableLead', { ward: ward ? `UBND ${inSentence(ward.name)}` : '' })}</p>
              <GuideDownloads wardCode={me.wardCode} kinds={['business', 'checkpoint']} />
            </section>
          ) : null}
        </>
      )}
    </Page>
  );
}
