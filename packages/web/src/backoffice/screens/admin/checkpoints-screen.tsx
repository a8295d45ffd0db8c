import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { unitNames, useChildUnits } from '../../lib/admin-units.js';
import { type ApiError, api, issueFor } from '../../lib/api-client.js';
import type { Checkpoint, Items } from '../../lib/api-types.js';
import { useNotices } from '../../lib/notices.js';
import { useUser } from '../../lib/session.js';
import { useApi } from '../../lib/use-api.js';
import { Badge } from '../../ui/badge.js';
import { Button } from '../../ui/button.js';
import { type Column, DataTable } from '../../ui/data-table.js';
import { Dialog } from '../../ui/dialog.js';
import { Checkbox, SelectField, TextField } from '../../ui/field.js';
import { GuideDownloads } from '../../ui/guide-downloads.js';
import { ErrorMessage, Loading } from '../../ui/messages.js';
import { Page } from '../../ui/page.js';

/** The ward's checkpoints: name, the ward it stands in (any ward of the district), place. */
export function CheckpointsScreen() {
  const { t } = useTranslation();
  const me = useUser();
  const manage = me.role === 'ward_admin';
  const { notify } = useNotices();
  const list = useApi<Items<Checkpoint>>('/api/v1/checkpoints');
  const wardsOfDistrict = useChildUnits(me.districtCode);
  const owners = unitNames(wardsOfDistrict);
  const [showInactive, setShowInactive] = useState(false);
  const [editing, setEditing] = useState<Checkpoint | 'new' | null>(null);
  const [stopping, setStopping] = useState<Checkpoint | null>(null);
  const [busy, setBusy] = useState(false);

  const rows = useMemo(
    () => (list.data?.items ?? []).filter((c) => showInactive || c.active),
    [list.data, showInactive],
  );
  const upsert = (c: Checkpoint) =>
    list.setData((old) => {
      const items = old?.items ?? [];
      return { items: items.some((x) => x.id === c.id) ? items.map((x) => (x.id === c.id ? c : x)) : [...items, c] };
    });

  const setActive = async (c: Checkpoint, active: boolean) => {
    setBusy(true);
    const r = active
      ? await api.patch<Checkpoint>(`/api/v1/checkpoints/${c.id}`, { active: true })
      : await api.delete<Checkpoint>(`/api/v1/checkpoints/${c.id}`);
    setBusy(false);
    setStopping(null);
    if (!r.ok) return notify(r.error.message, 'error');
    upsert(r.data);
    notify(t(active ? 'checkpoints.reactivated' : 'checkpoints.deactivated', { name: c.name }));
  };

  const columns: Column<Checkpoint>[] = [
    { key: 'name', header: t('checkpoints.name'), render: (c) => <strong>{c.name}</strong>, sortValue: (c) => c.name },
    { key: 'ward', header: t('checkpoints.ward'), render: (c) => c.wardName, sortValue: (c) => c.wardName },
    { key: 'place', header: t('checkpoints.place'), render: (c) => c.place || t('common.none') },
    ...(me.role === 'supervisor'
      ? [
          {
            key: 'owner',
            header: t('users.ward'),
            render: (c: Checkpoint) => owners.get(c.ownerWardCode) ?? c.ownerWardCode,
            sortValue: (c: Checkpoint) => owners.get(c.ownerWardCode) ?? c.ownerWardCode,
          },
        ]
      : []),
    {
      key: 'state',
      header: t('common.status'),
      render: (c) =>
        c.active ? (
          <Badge tone="good">{t('common.active')}</Badge>
        ) : (
          <Badge tone="neutral">{t('common.inactive')}</Badge>
        ),
      sortValue: (c) => (c.active ? 0 : 1),
    },
    ...(manage
      ? [
          {
            key: 'actions',
            header: t('common.actions'),
            render: (c: Checkpoint) => (
              <span className="page-actions">
                <Button small onClick={() => setEditing(c)}>
                  {t('common.edit')}
                  <span className="visually-hidden"> {c.name}</span>
                </Button>
                {c.active ? (
                  <Button small variant="danger" onClick={() => setStopping(c)}>
                    {t('checkpoints.deactivate')}
                    <span className="visually-hidden"> {c.name}</span>
                  </Button>
                ) : (
                  <Button small busy={busy} onClick={() => void setActive(c, true)}>
                    {t('checkpoints.reactivate')}
                    <span className="visually-hidden"> {c.name}</span>
                  </Button>
                )}
              </span>
            ),
          },
        ]
      : []),
  ];

  return (
    <Page
      title={t('checkpoints.title')}
      lead={t('checkpoints.lead')}
      help="chot-kiem-soat"
      actions={
        manage ? (
          <Button variant="primary" onClick={() => setEditing('new')}>
            {t('checkpoints.create')}
          </Button>
        ) : null
      }
    >
      <div className="toolbar">
        <Checkbox label={t('checkpoints.showInactive')} checked={showInactive} onChecked={setShowInactive} />
      </div>
      {list.error ? <ErrorMessage error={list.error} /> : null}
      {list.loading && !list.data ? (
        <Loading />
      ) : (
        <DataTable
          caption={t('checkpoints.title')}
          columns={columns}
          rows={rows}
          rowKey={(c) => c.id}
          empty={t('checkpoints.none')}
          initialSort={{ key: 'name', dir: 'asc' }}
        />
      )}
      {manage && me.wardCode ? (
        <section className="panel" aria-labelledby="checkpoint-guide">
          <h2 id="checkpoint-guide">{t('help.pdf.checkpoint')}</h2>
          <p className="muted">{t('help.checkpointGuideLead')}</p>
          <GuideDownloads wardCode={me.wardCode} kinds={['checkpoint']} />
        </section>
      ) : null}
      {manage ? (
        <CheckpointDialog
          checkpoint={editing}
          wards={wardsOfDistrict.map((w) => ({ value: w.code, label: w.name }))}
          defaultWard={me.wardCode ?? ''}
          onClose={() => setEditing(null)}
          onSaved={(c, isNew) => {
            setEditing(null);
            upsert(c);
            notify(t(isNew ? 'checkpoints.created' : 'checkpoints.saved', { name: c.name }));
          }}
        />
      ) : null}
      <Dialog
        open={stopping !== null}
        title={t('checkpoints.deactivateTitle', { name: stopping?.name ?? '' })}
        onClose={() => setStopping(null)}
      >
        <p>{t('checkpoints.deactivateText')}</p>
        <div className="form-actions">
          <Button variant="danger-solid" busy={busy} onClick={() => stopping && void setActive(stopping, false)}>
            {t('checkpoints.deactivate')}
          </Button>
          <Button onClick={() => setStopping(null)}>{t('common.cancel')}</Button>
        </div>
      </Dialog>
    </Page>
  );
}

function CheckpointDialog({
  checkpoint,
  wards,
  defaultWard,
  onClose,
  onSaved,
}: {
  checkpoint: Checkpoint | 'new' | null;
  wards: Array<{ value: string; label: string }>;
  defaultWard: string;
  onClose: () => void;
  onSaved: (c: Checkpoint, isNew: boolean) => void;
}) {
  const { t } = useTranslation();
  const isNew = checkpoint === 'new';
  const current = checkpoint && checkpoint !== 'new' ? checkpoint : null;
  return (
    <Dialog
      open={checkpoint !== null}
      title={isNew ? t('checkpoints.createTitle') : t('checkpoints.editTitle')}
      onClose={onClose}
    >
      {checkpoint !== null ? (
        <CheckpointForm
          key={current?.id ?? 'new'}
          initial={current}
          wards={wards}
          defaultWard={defaultWard}
          onCancel={onClose}
          onSaved={(c) => onSaved(c, isNew)}
        />
      ) : null}
    </Dialog>
  );
}

function CheckpointForm({
  initial,
  wards,
  defaultWard,
  onCancel,
  onSaved,
}: {
  initial: Checkpoint | null;
  wards: Array<{ value: string; label: string }>;
  defaultWard: string;
  onCancel: () => void;
  onSaved: (c: Checkpoint) => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState(initial?.name ?? '');
  const [wardCode, setWardCode] = useState(initial?.wardCode ?? defaultWard);
  const [place, setPlace] = useState(initial?.place ?? '');
  const [latitude, setLatitude] = useState(initial?.latitude?.toString() ?? '');
  const [longitude, setLongitude] = useState(initial?.longitude?.toString() ?? '');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const coordinate = (v: string) => (v.trim() === '' ? null : Number(v.replace(',', '.')));
    const body = { name, wardCode, place, latitude: coordinate(latitude), longitude: coordinate(longitude) };
    const r = initial
      ? await api.patch<Checkpoint>(`/api/v1/checkpoints/${initial.id}`, body)
      : await api.post<Checkpoint>('/api/v1/checkpoints', body);
    setBusy(false);
    if (!r.ok) return setError(r.error);
    onSaved(r.data);
  };
  return (
    <>
      <ErrorMessage error={error} />
      <form className="form" onSubmit={submit} noValidate>
        <TextField
          label={t('checkpoints.name')}
          hint={t('checkpoints.nameHint')}
          value={name}
          onValue={setName}
          error={issueFor(error, 'name')}
          required
        />
        <SelectField
          label={t('checkpoints.ward')}
          hint={t('checkpoints.wardHint')}
          value={wardCode}
          onValue={setWardCode}
          options={wards}
          error={issueFor(error, 'wardCode')}
        />
        <TextField
          label={t('checkpoints.place')}
          hint={t('checkpoints.placeHint')}
          value={place}
          onValue={setPlace}
          error={issueFor(error, 'place')}
        />
        <div className="field-row">
          <TextField
            label={t('checkpoints.latitude')}
            value={latitude}
            onValue={setLatitude}
            inputMode="decimal"
            error={issueFor(error, 'latitude')}
          />
          <TextField
            label={t('checkpoints.longitude')}
            value={longitude}
            onValue={setLongitude}
            inputMode="decimal"
            error={issueFor(error, 'longitude')}
          />
        </div>
        <p className="hint">{t('checkpoints.coordinatesHint')}</p>
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={busy}>
            {t('common.save')}
          </Button>
          <Button onClick={onCancel}>{t('common.cancel')}</Button>
        </div>
      </form>
    </>
  );
}
