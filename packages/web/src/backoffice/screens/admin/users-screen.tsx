import { type FormEvent, type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../shared/format.js';
import { unitNames, useChildUnits } from '../../lib/admin-units.js';
import { type ApiError, api, issueFor } from '../../lib/api-client.js';
import { type Items, type User, WARD_ROLES, type WardRole } from '../../lib/api-types.js';
import { useNotices } from '../../lib/notices.js';
import { useUser } from '../../lib/session.js';
import { useApi } from '../../lib/use-api.js';
import { matchesVi } from '../../lib/vietnamese.js';
import { Badge } from '../../ui/badge.js';
import { Button } from '../../ui/button.js';
import { type Column, DataTable } from '../../ui/data-table.js';
import { Dialog } from '../../ui/dialog.js';
import { SelectField, TextField } from '../../ui/field.js';
import { ErrorMessage, Loading } from '../../ui/messages.js';
import { Page } from '../../ui/page.js';

type Pending = { kind: 'deactivate' | 'reset'; user: User } | null;

/** The ward's staff accounts (ward admin: manage; supervisor: read the area's). */
export function UsersScreen() {
  const { t } = useTranslation();
  const me = useUser();
  const manage = me.role === 'ward_admin';
  const { notify } = useNotices();
  const list = useApi<Items<User>>('/api/v1/users');
  const wards = unitNames(useChildUnits(me.role === 'supervisor' ? me.districtCode : null));
  const [q, setQ] = useState('');
  const [role, setRole] = useState('');
  const [state, setState] = useState('');
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<{ username: string; password: string } | null>(null);
  const [pending, setPending] = useState<Pending>(null);
  const [busy, setBusy] = useState(false);
  const [editing, setEditing] = useState<User | null>(null);

  const rows = useMemo(
    () =>
      (list.data?.items ?? []).filter(
        (u) =>
          matchesVi(q, u.fullName, u.username, u.title) &&
          (!role || u.role === role) &&
          (!state || (state === 'active' ? u.active : !u.active)),
      ),
    [list.data, q, role, state],
  );

  const replace = (u: User) =>
    list.setData((old) => ({ items: (old?.items ?? []).map((x) => (x.id === u.id ? u : x)) }));

  const reactivate = async (u: User) => {
    const r = await api.post<User>(`/api/v1/users/${u.id}/reactivate`);
    if (!r.ok) return notify(r.error.message, 'error');
    replace(r.data);
    notify(t('users.reactivated', { username: u.username }));
  };

  const confirmPending = async () => {
    if (!pending) return;
    setBusy(true);
    const u = pending.user;
    if (pending.kind === 'deactivate') {
      const r = await api.post<User>(`/api/v1/users/${u.id}/deactivate`);
      setBusy(false);
      setPending(null);
      if (!r.ok) return notify(r.error.message, 'error');
      replace(r.data);
      notify(t('users.deactivated', { username: u.username }));
    } else {
      const r = await api.post<{ generatedPassword?: string }>(`/api/v1/users/${u.id}/reset-password`, {});
      setBusy(false);
      setPending(null);
      if (!r.ok) return notify(r.error.message, 'error');
      notify(t('users.passwordReset', { username: u.username }));
      list.reload();
      if (r.data.generatedPassword) setSecret({ username: u.username, password: r.data.generatedPassword });
    }
  };

  const columns: Column<User>[] = [
    {
      key: 'name',
      header: t('users.fullName'),
      render: (u) => (
        <>
          {u.fullName} {u.id === me.id ? <span className="muted">{t('users.you')}</span> : null}
          {u.title ? <div className="muted">{u.title}</div> : null}
        </>
      ),
      sortValue: (u) => u.fullName,
    },
    {
      key: 'username',
      header: t('users.username'),
      render: (u) => <span className="mono">{u.username}</span>,
      sortValue: (u) => u.username,
    },
    {
      key: 'email',
      header: t('users.email'),
      render: (u) =>
        u.email ? <span className="mono">{u.email}</span> : <span className="muted">{t('users.noEmail')}</span>,
      sortValue: (u) => u.email ?? '',
    },
    {
      key: 'role',
      header: t('users.role'),
      render: (u) => t(`roles.${u.role}`),
      sortValue: (u) => t(`roles.${u.role}`),
    },
    ...(me.role === 'supervisor'
      ? [
          {
            key: 'ward',
            header: t('users.ward'),
            render: (u: User) => (u.wardCode ? (wards.get(u.wardCode) ?? u.wardCode) : t('common.none')),
            sortValue: (u: User) => (u.wardCode ? (wards.get(u.wardCode) ?? u.wardCode) : ''),
          },
        ]
      : []),
    {
      key: 'state',
      header: t('common.status'),
      render: (u) => (
        <>
          {u.active ? (
            <Badge tone="good">{t('users.stateActive')}</Badge>
          ) : (
            <Badge tone="bad">{t('users.stateInactive')}</Badge>
          )}{' '}
          {u.mustChangePassword && u.active ? <Badge tone="warn">{t('users.mustChange')}</Badge> : null}
        </>
      ),
      sortValue: (u) => (u.active ? 0 : 1),
    },
    {
      key: 'created',
      header: t('common.createdAt'),
      render: (u) => formatDate(u.createdAt),
      sortValue: (u) => u.createdAt,
    },
    ...(manage
      ? [
          {
            key: 'actions',
            header: t('common.actions'),
            render: (u: User) =>
              u.id === me.id ? null : (
                <span className="page-actions">
                  {u.active ? (
                    <Button small variant="danger" onClick={() => setPending({ kind: 'deactivate', user: u })}>
                      {t('users.deactivate')}
                      <span className="visually-hidden"> {u.username}</span>
                    </Button>
                  ) : (
                    <Button small onClick={() => void reactivate(u)}>
                      {t('users.reactivate')}
                      <span className="visually-hidden"> {u.username}</span>
                    </Button>
                  )}
                  <Button small onClick={() => setEditing(u)}>
                    {t('users.edit')}
                    <span className="visually-hidden"> {u.username}</span>
                  </Button>
                  {u.active ? (
                    <Button small onClick={() => setPending({ kind: 'reset', user: u })}>
                      {t('users.resetPassword')}
                      <span className="visually-hidden"> {u.username}</span>
                    </Button>
                  ) : null}
                </span>
              ),
          },
        ]
      : []),
  ];

  return (
    <Page
      title={t('users.title')}
      lead={t('users.lead')}
      help="tai-khoan-can-bo"
      actions={
        manage ? (
          <Button variant="primary" onClick={() => setCreating(true)}>
            {t('users.create')}
          </Button>
        ) : null
      }
    >
      <search className="toolbar">
        <TextField className="grow" type="search" label={t('users.search')} value={q} onValue={setQ} />
        <SelectField
          label={t('users.filterRole')}
          value={role}
          onValue={setRole}
          placeholder={t('common.all')}
          options={[...WARD_ROLES, 'business_rep' as const].map((r) => ({
            value: r,
            label: t(`roles.${r}`),
          }))}
        />
        <SelectField
          label={t('users.filterState')}
          value={state}
          onValue={setState}
          placeholder={t('common.all')}
          options={[
            { value: 'active', label: t('users.stateActive') },
            { value: 'inactive', label: t('users.stateInactive') },
          ]}
        />
      </search>
      {list.error ? <ErrorMessage error={list.error} /> : null}
      {list.loading && !list.data ? (
        <Loading />
      ) : (
        <>
          <p className="muted" aria-live="polite">
            {t('common.shown', { shown: rows.length, total: list.data?.items.length ?? 0 })}
          </p>
          <DataTable
            caption={t('users.title')}
            columns={columns}
            rows={rows}
            rowKey={(u) => u.id}
            empty={t('users.none')}
            initialSort={{ key: 'name', dir: 'asc' }}
          />
        </>
      )}
      <EditUserDialog
        user={editing}
        onClose={() => setEditing(null)}
        onSaved={(u) => {
          setEditing(null);
          replace(u);
          notify(t('users.saved', { username: u.username }));
        }}
      />
      <CreateUserDialog
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(u, password) => {
          setCreating(false);
          list.setData((old) => ({ items: [...(old?.items ?? []), u] }));
          notify(t('users.created', { username: u.username }));
          if (password) setSecret({ username: u.username, password });
        }}
      />
      <Dialog open={secret !== null} title={t('users.generatedTitle')} onClose={() => setSecret(null)}>
        {secret ? (
          <>
            <p>{t('users.generatedText', { username: secret.username })}</p>
            <p>
              <span className="secret" data-testid="generated-password">
                {secret.password}
              </span>
            </p>
            <div className="form-actions">
              <Button
                onClick={() => {
                  void navigator.clipboard?.writeText(secret.password).then(() => notify(t('common.copied')));
                }}
              >
                {t('common.copy')}
              </Button>
              <Button variant="primary" onClick={() => setSecret(null)}>
                {t('common.close')}
              </Button>
            </div>
          </>
        ) : null}
      </Dialog>
      <Dialog
        open={pending !== null}
        title={
          pending?.kind === 'deactivate'
            ? t('users.deactivateTitle', { username: pending.user.username })
            : t('users.resetTitle', { username: pending?.user.username ?? '' })
        }
        onClose={() => setPending(null)}
      >
        <p>{pending?.kind === 'deactivate' ? t('users.deactivateText') : t('users.resetText')}</p>
        <div className="form-actions">
          <Button
            variant={pending?.kind === 'deactivate' ? 'danger-solid' : 'primary'}
            busy={busy}
            onClick={() => void confirmPending()}
          >
            {pending?.kind === 'deactivate' ? t('users.deactivate') : t('users.resetPassword')}
          </Button>
          <Button onClick={() => setPending(null)}>{t('common.cancel')}</Button>
        </div>
      </Dialog>
    </Page>
  );
}

function CreateUserDialog({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (user: User, generatedPassword: string | undefined) => void;
}) {
  const { t } = useTranslation();
  const [profile, setProfile] = useState<Profile>(NO_PROFILE);
  const [username, setUsername] = useState('');
  const [role, setRole] = useState<WardRole>('ward_officer');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const reset = () => {
    setProfile(NO_PROFILE);
    setUsername('');
    setRole('ward_officer');
    setPassword('');
    setError(null);
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const { fullName, title, email } = profile;
    const r = await api.post<{ user: User; generatedPassword?: string }>('/api/v1/users', {
      fullName,
      username,
      role,
      ...(title.trim() ? { title: title.trim() } : {}),
      ...(email.trim() ? { email: email.trim() } : {}),
      ...(password ? { password } : {}),
    });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    reset();
    onCreated(r.data.user, r.data.generatedPassword);
  };
  return (
    <Dialog
      open={open}
      title={t('users.createTitle')}
      onClose={() => {
        reset();
        onClose();
      }}
    >
      <ErrorMessage error={error} />
      <form className="form" onSubmit={submit} noValidate>
        <ProfileFields value={profile} onValue={setProfile} error={error}>
          <TextField
            label={t('users.username')}
            hint={t('users.usernameHint')}
            value={username}
            onValue={setUsername}
            error={issueFor(error, 'username')}
            required
            autoCapitalize="none"
            spellCheck={false}
            autoComplete="off"
          />
          <SelectField
            label={t('users.role')}
            value={role}
            onValue={(v) => setRole(v as WardRole)}
            options={WARD_ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
            error={issueFor(error, 'role')}
          />
        </ProfileFields>
        <TextField
          label={t('users.password')}
          hint={t('users.passwordHint')}
          type="password"
          autoComplete="new-password"
          value={password}
          onValue={setPassword}
          error={issueFor(error, 'password')}
        />
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={busy}>
            {t('users.create')}
          </Button>
          <Button
            onClick={() => {
              reset();
              onClose();
            }}
          >
            {t('common.cancel')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

/** The ward admin changes an account's name, position (chức vụ) or e-mail; empty clears the last two. */
function EditUserDialog({
  user,
  onClose,
  onSaved,
}: {
  user: User | null;
  onClose: () => void;
  onSaved: (u: User) => void;
}) {
  const { t } = useTranslation();
  const [profile, setProfile] = useState<Profile>(NO_PROFILE);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [forId, setForId] = useState<string | null>(null);
  if (user && forId !== user.id) {
    setForId(user.id);
    setProfile({ fullName: user.fullName, title: user.title ?? '', email: user.email ?? '' });
    setError(null);
  }
  const close = () => {
    setForId(null);
    onClose();
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!user) return;
    const { fullName, title, email } = profile;
    // Only what changed: the server answers "nothing to change" when nothing did.
    const body = {
      ...(fullName.trim() !== user.fullName ? { fullName } : {}),
      ...(title.trim() !== (user.title ?? '') ? { title: title.trim() } : {}),
      ...(email.trim().toLowerCase() !== (user.email ?? '') ? { email: email.trim() } : {}),
    };
    if (Object.keys(body).length === 0) return close();
    setBusy(true);
    const r = await api.patch<User>(`/api/v1/users/${user.id}`, body);
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setForId(null);
    onSaved(r.data);
  };
  return (
    <Dialog open={user !== null} title={t('users.editTitle', { username: user?.username ?? '' })} onClose={close}>
      <form className="form" onSubmit={submit} noValidate>
        <ErrorMessage error={error} />
        <ProfileFields value={profile} onValue={setProfile} error={error} />
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={busy}>
            {t('deadEnds.save')}
          </Button>
          <Button onClick={close}>{t('common.cancel')}</Button>
        </div>
      </form>
    </Dialog>
  );
}

/** What a person is called and reached by: the fields the create and edit dialogs share. */
interface Profile {
  fullName: string;
  title: string;
  email: string;
}
const NO_PROFILE: Profile = { fullName: '', title: '', email: '' };

/** Name, then what the dialog adds (username, role), then position (chức vụ) and e-mail. */
function ProfileFields({
  value,
  onValue,
  error,
  children,
}: {
  value: Profile;
  onValue: (p: Profile) => void;
  error: ApiError | null;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        label={t('users.fullName')}
        value={value.fullName}
        onValue={(fullName) => onValue({ ...value, fullName })}
        error={issueFor(error, 'fullName')}
        required
        autoComplete="off"
      />
      {children}
      <TextField
        label={t('users.jobTitle')}
        hint={t('users.jobTitleHint')}
        value={value.title}
        onValue={(title) => onValue({ ...value, title })}
        error={issueFor(error, 'title')}
        autoComplete="off"
      />
      <TextField
        label={t('users.email')}
        hint={t('users.emailHint')}
        type="email"
        value={value.email}
        onValue={(email) => onValue({ ...value, email })}
        error={issueFor(error, 'email')}
        autoComplete="off"
      />
    </>
  );
}
