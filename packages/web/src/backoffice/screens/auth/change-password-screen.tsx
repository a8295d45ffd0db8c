import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApiError, api, issueFor } from '../../lib/api-client.js';
import { useNotices } from '../../lib/notices.js';
import { navigate } from '../../lib/router.js';
import { useSession, useUser } from '../../lib/session.js';
import { Button } from '../../ui/button.js';
import { TextField } from '../../ui/field.js';
import { ErrorMessage, InfoBox } from '../../ui/messages.js';
import { Page } from '../../ui/page.js';

/** Change one's own password; required first when an account was created or reset. */
export function ChangePasswordScreen() {
  const { t } = useTranslation();
  const user = useUser();
  const { refresh } = useSession();
  const { notify } = useNotices();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [mismatch, setMismatch] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (next !== repeat) {
      setMismatch(true);
      return;
    }
    setMismatch(false);
    setBusy(true);
    const r = await api.post('/api/v1/auth/password', { currentPassword: current, newPassword: next });
    setBusy(false);
    if (!r.ok) {
      setError(r.error);
      return;
    }
    setError(null);
    setCurrent('');
    setNext('');
    setRepeat('');
    notify(t('auth.changed'));
    const forced = user.mustChangePassword;
    await refresh();
    if (forced) navigate('/', { replace: true });
  };
  return (
    <Page title={t('auth.changeTitle')} help="dang-nhap-mat-khau">
      {user.mustChangePassword ? (
        <InfoBox kind="warn">
          <p>{t('auth.mustChange')}</p>
        </InfoBox>
      ) : null}
      <ErrorMessage error={error} />
      <form className="form" onSubmit={submit} noValidate>
        <input type="text" name="username" autoComplete="username" value={user.username} readOnly hidden />
        <TextField
          label={t('auth.currentPassword')}
          type="password"
          autoComplete="current-password"
          value={current}
          onValue={setCurrent}
          error={issueFor(error, 'currentPassword')}
          required
        />
        <TextField
          label={t('auth.newPassword')}
          hint={t('auth.newPasswordHint')}
          type="password"
          autoComplete="new-password"
          value={next}
          onValue={setNext}
          error={issueFor(error, 'newPassword')}
          required
        />
        <TextField
          label={t('auth.repeatPassword')}
          type="password"
          autoComplete="new-password"
          value={repeat}
          onValue={setRepeat}
          error={mismatch ? t('auth.mismatch') : undefined}
          required
        />
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={busy}>
            {t('auth.changeSubmit')}
          </Button>
        </div>
      </form>
    </Page>
  );
}
