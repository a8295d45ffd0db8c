import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../lib/api-client.js';
import { useFeatures } from '../../lib/features.js';
import { Link } from '../../lib/router.js';
import { useSession } from '../../lib/session.js';
import { Button } from '../../ui/button.js';
import { TextField } from '../../ui/field.js';
import { ErrorMessage, InfoBox } from '../../ui/messages.js';

/**
 * Sign-in, shown in place of any screen when nobody is signed in (the URL stays, so the
 * user lands where they meant to go). Shows the server's message as it is, including the
 * back-off after repeated failures ("thử lại sau N giây").
 */
export function LoginScreen() {
  const { t } = useTranslation();
  const { signIn, reason } = useSession();
  const features = useFeatures();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = t('app.windowTitle', { page: t('auth.loginTitle') });
  }, [t]);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const r = await signIn(username.trim(), password);
    setBusy(false);
    if (!r.ok) {
      setError(r.error);
      setPassword('');
    }
  };
  return (
    <div className="login-page">
      <main className="login-card" id="main">
        <p className="brand-line">{t('app.name')}</p>
        <h1 ref={heading} tabIndex={-1}>
          {t('auth.loginTitle')}
        </h1>
        <p className="lead">{t('auth.loginLead')}</p>
        {reason && !error ? (
          <InfoBox kind="warn">
            <p>{reason}</p>
          </InfoBox>
        ) : null}
        <ErrorMessage error={error} />
        <form className="form" onSubmit={submit} noValidate>
          <TextField
            label={t('auth.username')}
            name="username"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            value={username}
            onValue={setUsername}
            required
          />
          <TextField
            label={t('auth.password')}
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onValue={setPassword}
            required
          />
          <div className="form-actions">
            <Button type="submit" variant="primary" busy={busy}>
              {busy ? t('auth.signingIn') : t('auth.submit')}
            </Button>
          </div>
        </form>
        {features.has('businesses') ? (
          <p>
            {t('auth.registerPrompt')} <Link to="/register">{t('auth.registerLink')}</Link>
          </p>
        ) : null}
        <p className="muted">{t('auth.checkpointHint')}</p>
        <p>
          <Link to="/help">{t('help.fromLogin')}</Link>
        </p>
      </main>
    </div>
  );
}
