import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApiError, api, issueFor } from '../../lib/api-client.js';
import type { Page as ApiPage, Business, DossierChannel, DossierDetail, User } from '../../lib/api-types.js';
import { addDays, todayYmd } from '../../lib/dates.js';
import { useNotices } from '../../lib/notices.js';
import { navigate, useQuery } from '../../lib/router.js';
import { useUser } from '../../lib/session.js';
import { Button } from '../../ui/button.js';
import { DateField } from '../../ui/date-field.js';
import { Dialog } from '../../ui/dialog.js';
import { Checkbox, TextAreaField, TextField } from '../../ui/field.js';
import { ErrorMessage, InfoBox } from '../../ui/messages.js';
import { Page } from '../../ui/page.js';
import { BusinessStatusBadge } from '../../ui/state-badge.js';
import { BusinessFields, type BusinessInput, businessBody, EMPTY_BUSINESS } from '../business/business-fields.js';

const CHANNELS: DossierChannel[] = ['email', 'post', 'in_person'];

/**
 * The desk takes in a dossier that came by e-mail, post or in person: find the business (or
 * create it, with an account for its representative if wanted), say how it came and the
 * plan's period; the dossier then opens for the scans and the staff list.
 */
export function IntakeScreen() {
  const { t } = useTranslation();
  const me = useUser();
  const { notify } = useNotices();
  const preset = useQuery().get('business');
  const [business, setBusiness] = useState<Business | null>(null);
  const [mode, setMode] = useState<'find' | 'new'>('find');
  const [q, setQ] = useState('');
  const [found, setFound] = useState<Business[] | null>(null);
  const [draft, setDraft] = useState<BusinessInput>(EMPTY_BUSINESS);
  const [withAccount, setWithAccount] = useState(true);
  const [repName, setRepName] = useState('');
  const [repUsername, setRepUsername] = useState('');
  const [secret, setSecret] = useState<{ username: string; password: string } | null>(null);
  const [channel, setChannel] = useState<DossierChannel>('email');
  const today = todayYmd();
  const [planFrom, setPlanFrom] = useState(today);
  const [planTo, setPlanTo] = useState(addDays(today, 30));
  const [note, setNote] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!preset) return;
    void api.get<Business>(`/api/v1/businesses/${preset}`).then((r) => r.ok && setBusiness(r.data));
  }, [preset]);

  const find = async (e: FormEvent) => {
    e.preventDefault();
    const r = await api.get<ApiPage<Business>>('/api/v1/businesses', { q: q.trim(), pageSize: 20 });
    if (r.ok) setFound(r.data.items);
    else setError(r.error);
  };

  const create = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const r = await api.post<{ business: Business; user?: User; generatedPassword?: string }>('/api/v1/businesses', {
      ...businessBody(draft),
      wardCode: me.wardCode,
      ...(withAccount ? { account: { fullName: repName.trim(), username: repUsername.trim() } } : {}),
    });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setError(null);
    setBusiness(r.data.business);
    notify(t('intake.businessCreated', { name: r.data.business.name }));
    if (r.data.user && r.data.generatedPassword)
      setSecret({ username: r.data.user.username, password: r.data.generatedPassword });
  };

  const open = async (e: FormEvent) => {
    e.preventDefault();
    if (!business) return;
    setBusy(true);
    const r = await api.post<DossierDetail>('/api/v1/dossiers', {
      businessId: business.id,
      channel,
      kind: 'initial',
      planFrom,
      planTo,
      ...(note.trim() ? { note: note.trim() } : {}),
    });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    notify(t('intake.opened'));
    navigate(`/dossiers/${r.data.id}`);
  };

  return (
    <Page title={t('nav.intake')} lead={t('intake.lead')} help="tiep-nhan-ho-so">
      <ErrorMessage error={error} focus />
      <section className="panel" aria-labelledby="intake-business">
        <h2 id="intake-business">{t('intake.step1')}</h2>
        {business ? (
          <>
            <p>
              <strong>{business.name}</strong> · {t('dossier.taxCodeShort')}{' '}
              <span className="mono">{business.taxCode}</span> <BusinessStatusBadge status={business.status} />
            </p>
            <Button small onClick={() => setBusiness(null)}>
              {t('intake.changeBusiness')}
            </Button>
          </>
        ) : (
          <>
            <fieldset className="form-actions plain">
              <legend className="visually-hidden">{t('intake.step1')}</legend>
              <Button
                variant={mode === 'find' ? 'primary' : 'secondary'}
                aria-pressed={mode === 'find'}
                onClick={() => setMode('find')}
              >
                {t('intake.existing')}
              </Button>
              <Button
                variant={mode === 'new' ? 'primary' : 'secondary'}
                aria-pressed={mode === 'new'}
                onClick={() => setMode('new')}
              >
                {t('intake.newBusiness')}
              </Button>
            </fieldset>
            {mode === 'find' ? (
              <>
                <search>
                  <form className="toolbar" onSubmit={find}>
                    <TextField className="grow" type="search" label={t('businesses.search')} value={q} onValue={setQ} />
                    <Button type="submit">{t('common.search')}</Button>
                  </form>
                </search>
                {found ? (
                  found.length === 0 ? (
                    <p>{t('intake.notFound')}</p>
                  ) : (
                    <ul className="file-list">
                      {found.map((b) => (
                        <li key={b.id}>
                          <span>
                            <strong>{b.name}</strong> · <span className="mono">{b.taxCode}</span>{' '}
                            <BusinessStatusBadge status={b.status} />
                          </span>
                          <Button small onClick={() => setBusiness(b)}>
                            {t('intake.pick')}
                            <span className="visually-hidden"> {b.name}</span>
                          </Button>
                        </li>
                      ))}
                    </ul>
                  )
                ) : null}
              </>
            ) : (
              <form className="form form-wide" onSubmit={create} noValidate>
                <BusinessFields value={draft} onChange={setDraft} error={error} fixedWard={me.wardCode ?? undefined} />
                <Checkbox label={t('intake.withAccount')} checked={withAccount} onChecked={setWithAccount} />
                {withAccount ? (
                  <div className="form-row">
                    <TextField
                      label={t('intake.repName')}
                      value={repName}
                      onValue={setRepName}
                      error={issueFor(error, 'account.fullName')}
                    />
                    <TextField
                      label={t('users.username')}
                      hint={t('users.usernameHint')}
                      value={repUsername}
                      onValue={setRepUsername}
                      error={issueFor(error, 'account.username')}
                      autoCapitalize="none"
                      spellCheck={false}
                    />
                  </div>
                ) : null}
                <div className="form-actions">
                  <Button type="submit" variant="primary" busy={busy}>
                    {t('intake.createBusiness')}
                  </Button>
                </div>
              </form>
            )}
          </>
        )}
      </section>
      {business ? (
        <section className="panel" aria-labelledby="intake-dossier">
          <h2 id="intake-dossier">{t('intake.step2')}</h2>
          {business.status !== 'active' ? (
            <InfoBox kind="warn">
              <p>{t('intake.notActive')}</p>
            </InfoBox>
          ) : null}
          <form className="form form-wide" onSubmit={open} noValidate>
            <fieldset>
              <legend className="label">{t('dossier.channel')}</legend>
              {CHANNELS.map((c) => (
                <div className="checkbox" key={c}>
                  <input
                    type="radio"
                    id={`channel-${c}`}
                    name="channel"
                    value={c}
                    checked={channel === c}
                    onChange={() => setChannel(c)}
                  />
                  <label htmlFor={`channel-${c}`}>{t(`channels.${c}`)}</label>
                </div>
              ))}
            </fieldset>
            <div className="form-row">
              <DateField
                label={t('newDossier.from')}
                value={planFrom}
                onValue={setPlanFrom}
                error={issueFor(error, 'planFrom')}
              />
              <DateField
                label={t('newDossier.to')}
                value={planTo}
                onValue={setPlanTo}
                error={issueFor(error, 'planTo')}
              />
            </div>
            <TextAreaField
              label={`${t('common.note')} ${t('common.optional')}`}
              hint={t('intake.noteHint')}
              value={note}
              onValue={setNote}
            />
            <div className="form-actions">
              <Button type="submit" variant="primary" busy={busy}>
                {t('intake.open')}
              </Button>
            </div>
          </form>
        </section>
      ) : null}
      <Dialog open={secret !== null} title={t('users.generatedTitle')} onClose={() => setSecret(null)}>
        {secret ? (
          <>
            <p>{t('users.generatedText', { username: secret.username })}</p>
            <p>
              <span className="secret" data-testid="generated-password">
                {secret.password}
              </span>
            </p>
            <Button variant="primary" onClick={() => setSecret(null)}>
              {t('common.close')}
            </Button>
          </>
        ) : null}
      </Dialog>
    </Page>
  );
}
