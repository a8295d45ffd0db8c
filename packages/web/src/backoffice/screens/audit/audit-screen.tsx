import { AUDIT_ENTITY_TYPES } from '@thonghanh/core';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { tDynamic } from '../../../i18n/index.js';
import { formatDayTime } from '../../../shared/format.js';
import { unitNames, useChildUnits } from '../../lib/admin-units.js';
import { type ApiError, api } from '../../lib/api-client.js';
import type { AuditEntry, AuditPage, Items, User } from '../../lib/api-types.js';
import { useUser } from '../../lib/session.js';
import { useApi } from '../../lib/use-api.js';
import { Button } from '../../ui/button.js';
import { type Column, DataTable } from '../../ui/data-table.js';
import { SelectField } from '../../ui/field.js';
import { ErrorMessage, Loading } from '../../ui/messages.js';
import { Page } from '../../ui/page.js';
import { describeDetail } from './audit-detail.js';

const PAGE = 100;

/** A row's detail: one labelled Vietnamese value per line. */
function DetailList({ action, detail }: { action: string; detail: Record<string, unknown> }) {
  const { t } = useTranslation();
  const lines = describeDetail(action, detail);
  if (lines.length === 0) return <span className="muted">{t('common.none')}</span>;
  return (
    <ul className="detail-list">
      {lines.map((l) => (
        <li key={l.key}>
          <span className="muted">{l.label}:</span> {l.value}
        </li>
      ))}
    </ul>
  );
}

/** The hash-chained audit log of the ward (or the supervisor's area), newest first. */
export function AuditScreen() {
  const { t } = useTranslation();
  const me = useUser();
  const users = useApi<Items<User>>('/api/v1/users');
  const wards = useChildUnits(me.role === 'supervisor' ? me.districtCode : null);
  const wardName = unitNames(wards);
  const [entityType, setEntityType] = useState('');
  const [ward, setWard] = useState('');
  const [items, setItems] = useState<AuditEntry[]>([]);
  const [next, setNext] = useState<number | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ApiError | null>(null);

  const load = useCallback(
    async (before: number | null) => {
      setLoading(true);
      const r = await api.get<AuditPage>('/api/v1/audit', { limit: PAGE, entityType, ward, before });
      setLoading(false);
      if (!r.ok) return setError(r.error);
      setError(null);
      setItems((old) => (before === null ? r.data.items : [...old, ...r.data.items]));
      setNext(r.data.nextBefore);
    },
    [entityType, ward],
  );
  useEffect(() => {
    void load(null);
  }, [load]);

  const names = useMemo(
    () => new Map((users.data?.items ?? []).map((u) => [u.id, `${u.fullName} (${u.username})`])),
    [users.data],
  );

  const columns: Column<AuditEntry>[] = [
    { key: 'seq', header: t('audit.seq'), render: (e) => <span className="mono">{e.seq}</span>, className: 'num' },
    { key: 'at', header: t('audit.at'), render: (e) => <span className="nowrap">{formatDayTime(e.at)}</span> },
    {
      key: 'actor',
      header: t('audit.actor'),
      render: (e) => (
        <>
          {e.actorId
            ? (names.get(e.actorId) ?? <span className="mono">{e.actorId.slice(0, 8)}</span>)
            : t('audit.system')}
          {e.actorId ? (
            <>
              <br />
              <span className="muted">{tDynamic(`roles.${e.actorRole}`, e.actorRole)}</span>
            </>
          ) : null}
        </>
      ),
    },
    { key: 'action', header: t('audit.action'), render: (e) => tDynamic(`audit.actions.${e.action}`, e.action) },
    {
      key: 'entity',
      header: t('audit.entity'),
      render: (e) => (
        <>
          {tDynamic(`audit.entities.${e.entityType}`, e.entityType)}
          {e.entityId && e.entityId !== e.actorId ? (
            <>
              {' '}
              <span className="mono muted">{e.entityId.slice(0, 8)}</span>
            </>
          ) : null}
        </>
      ),
    },
    ...(me.role === 'supervisor'
      ? [
          {
            key: 'ward',
            header: t('audit.ward'),
            render: (e: AuditEntry) => (e.wardCode ? (wardName.get(e.wardCode) ?? e.wardCode) : t('common.none')),
          },
        ]
      : []),
    {
      key: 'detail',
      header: t('audit.detail'),
      render: (e) => <DetailList action={e.action} detail={e.detail} />,
    },
  ];

  return (
    <Page title={t('audit.title')} lead={t('audit.lead')} help="nhat-ky-he-thong">
      <div className="toolbar">
        <SelectField
          label={t('audit.filterEntity')}
          value={entityType}
          onValue={setEntityType}
          placeholder={t('common.all')}
          options={AUDIT_ENTITY_TYPES.map((k) => ({ value: k, label: tDynamic(`audit.entities.${k}`, k) }))}
        />
        {me.role === 'supervisor' ? (
          <SelectField
            label={t('audit.filterWard')}
            value={ward}
            onValue={setWard}
            placeholder={t('common.all')}
            options={wards.map((w) => ({ value: w.code, label: w.name }))}
          />
        ) : null}
      </div>
      <ErrorMessage error={error} />
      {loading && items.length === 0 ? (
        <Loading />
      ) : (
        <DataTable
          caption={t('audit.title')}
          columns={columns}
          rows={items}
          rowKey={(e) => String(e.seq)}
          empty={t('audit.none')}
        />
      )}
      {next !== null ? (
        <p>
          <Button busy={loading} onClick={() => void load(next)}>
            {t('audit.loadMore')}
          </Button>
        </p>
      ) : null}
    </Page>
  );
}
