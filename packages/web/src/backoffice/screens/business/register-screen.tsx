import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApiError, api, issueFor } from '../../lib/api-client.js';
import type { Business, User } from '../../lib/api-types.js';
import { Link, navigate } from '../../lib/router.js';
import { useSession } from '../../lib/session.js';
import { Button } from '../../ui/button.js';
import { TextField } from '../../ui/field.js';
import { helpPath } from '../../ui/help-link.js';
import { ErrorMessage } from '../../ui/messages.js';
import { BusinessFields, type BusinessInput, businessBody, EMPTY_BUSINESS } from './business-fields.js';

/**
 * A business registers itself with its representative's account (no login needed). It waits
 * for the ward's one-stop desk to accept it; the representative is signed in straight away
 * to follow that. The username is the tax code (the server derives it: a form that let
 * people choose one would tell them which usernames are taken).
 */
export function RegisterScreen() {
  const { t } = useTranslation();
  const { signIn, status } = useSession();
  const [business, setBusiness] = useState<BusinessInput>(EMPTY_BUSINESS);
  const [fullName, setFullName] = useState('');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    document.title = t('app.windowTitle', { page: t('register.title') });
  }, [t]);
  useEffect(() => {
    if (status === 'signed-in') navigate('/', { replace: true });
  }, [status]);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (password !== repeat) return setMismatch(true);
    setMismatch(false);
    setBusy(true);
    const r = await api.post<{ business: Business; user: User }>('/api/v1/businesses/register', {
      ...businessBody(business),
      account: { fullName: fullName.trim(), password },
    });
    if (!r.ok) {
      setBusy(false);
      setError(r.error);
      return;
    }
    await signIn(r.data.user.username, password);
    setBusy(false);
    navigate('/', { replace: true });
  };
  return (
    <div className="login-page">
      <main className="login-card register-card" id="main">
        <p className="brand-line">{t('app.name')}</p>
        <h1 tabIndex={-1}>{t('register.title')}</h1>
        <p className="lead">
          {t('register.lead')} <Link to={helpPath('dang-ky-doanh-nghiep')}>{t('help.fromLogin')}</Link>
        </p>
        <ErrorMessage error={error} focus />
        <form className="form form-wide" onSubmit={submit} noValidate>
          <h2>{t('register.businessPart')}</h2>
          <BusinessFields value={business} onChange={setBusiness} error={error} defaultDistrict="004" />
          <h2>{t('register.accountPart')}</h2>
          <p>
            <span className="muted">{t('register.accountLead')}</span> {t('register.usernameIsTaxCode')}
          </p>
          {/* For password managers: the account they save is the tax code. */}
          <input type="text" name="username" autoComplete="username" value={business.taxCode} readOnly hidden />
          <TextField
            label={t('users.fullName')}
            value={fullName}
            onValue={setFullName}
            error={issueFor(error, 'account.fullName')}
            required
            autoComplete="name"
          />
          <div className="form-row">
            <TextField
              label={t('auth.password')}
              hint={t('auth.newPasswordHint')}
              type="password"
              value={password}
              onValue={setPassword}
              error={issueFor(error, 'account.password')}
              required
              autoComplete="new-password"
            />
            <TextField
              label={t('auth.repeatPassword')}
              type="password"
              value={repeat}
              onValue={setRepeat}
              error={mismatch ? t('auth.mismatch') : undefined}
              required
              autoComplete="new-password"
            />
          </div>
          <div className="form-actions">
            <Button type="submit" variant="primary" busy={busy}>
              {t('register.submit')}
            </Button>
            <Link to="/">{t('register.haveAccount')}</Link>
          </div>
        </form>
      </main>
    </div>
  );
}
