import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApiError, api, issueFor } from '../../lib/api-client.js';
import type { DossierDetail, DossierKind } from '../../lib/api-types.js';
import { addDays, todayYmd } from '../../lib/dates.js';
import { useNotices } from '../../lib/notices.js';
import { Link, navigate, useQuery } from '../../lib/router.js';
import { Button } from '../../ui/button.js';
import { DateField } from '../../ui/date-field.js';
import { TextAreaField } from '../../ui/field.js';
import { ErrorMessage } from '../../ui/messages.js';
import { Page } from '../../ui/page.js';

/**
 * The business starts a dossier: the plan's period (a registration) or, after approval,
 * an amendment that adds people to the approved list (it keeps the approved period).
 */
export function NewDossierScreen() {
  const { t } = useTranslation();
  const { notify } = useNotices();
  const kind: DossierKind = useQuery().get('kind') === 'amendment' ? 'amendment' : 'initial';
  const today = todayYmd();
  const [planFrom, setPlanFrom] = useState(today);
  const [planTo, setPlanTo] = useState(addDays(today, 30));
  const [note, setNote] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const r = await api.post<DossierDetail>('/api/v1/dossiers', {
      kind,
      ...(kind === 'initial' ? { planFrom, planTo } : {}),
      ...(note.trim() ? { note: note.trim() } : {}),
    });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    notify(t('newDossier.created'));
    navigate(`/dossiers/${r.data.id}`, { replace: true });
  };
  return (
    <Page
      title={kind === 'amendment' ? t('newDossier.titleAmendment') : t('newDossier.title')}
      lead={kind === 'amendment' ? t('newDossier.leadAmendment') : t('newDossier.lead')}
      breadcrumb={<Link to="/dossiers">{t('common.back')}</Link>}
      help={kind === 'amendment' ? 'thu-hoi' : 'lap-va-nop-ho-so'}
      helpSection={kind === 'amendment' ? 'bo-sung' : undefined}
    >
      <ErrorMessage error={error} focus />
      <form className="form" onSubmit={submit} noValidate>
        {kind === 'initial' ? (
          <fieldset>
            <legend className="label">{t('newDossier.period')}</legend>
            <div className="form-row">
              <DateField
                label={t('newDossier.from')}
                value={planFrom}
                onValue={setPlanFrom}
                error={issueFor(error, 'planFrom')}
                required
              />
              <DateField
                label={t('newDossier.to')}
                value={planTo}
                onValue={setPlanTo}
                error={issueFor(error, 'planTo')}
                required
              />
            </div>
          </fieldset>
        ) : null}
        <TextAreaField
          label={`${t('common.note')} ${t('common.optional')}`}
          hint={kind === 'amendment' ? t('newDossier.noteHintAmendment') : t('newDossier.noteHint')}
          value={note}
          onValue={setNote}
          error={issueFor(error, 'note')}
        />
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={busy}>
            {t('newDossier.submit')}
          </Button>
        </div>
      </form>
    </Page>
  );
}
