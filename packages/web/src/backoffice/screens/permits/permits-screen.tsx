import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/format.js';
import { type ApiError, api } from '../../lib/api-client.js';
import type { Page as ApiPage, Business, Permit, PermitState } from '../../lib/api-types.js';
import { formatDay } from '../../lib/dates.js';
import { useNotices } from '../../lib/notices.js';
import { Link, navigate, useQuery, withQuery } from '../../lib/router.js';
import { useUser } from '../../lib/session.js';
import { useApi } from '../../lib/use-api.js';
import { sortByVi } from '../../lib/vietnamese.js';
import { Badge } from '../../ui/badge.js';
import { Button, ButtonLink } from '../../ui/button.js';
import { type Column, DataTable } from '../../ui/data-table.js';
import { SelectField, TextField } from '../../ui/field.js';
import { ErrorMessage, Loading } from '../../ui/messages.js';
import { Page } from '../../ui/page.js';
import { Pager } from '../../ui/pager.js';
import { ReasonDialog } from '../../ui/reason-dialog.js';
import { PrintPanel } from './print-panel.js';

const PAGE_SIZE = 50;
const STATES: PermitState[] = ['active', 'revoked', 'expired'];
const TONE = { active: 'good', revoked: 'bad', expired: 'neutral' } as const;

/**
 * Permits, newest first: a business sees its own, the ward every permit of its businesses
 * (filter by business). Search by name (without diacritics), document or serial; print
 * one, the selected ones or all active ones with a progress bar; revoke with a reason.
 */
export function PermitsScreen() {
  const { t } = useTranslation();
  const me = useUser();
  const { notify } = useNotices();
  const params = useQuery();
  const business = me.role === 'business_rep' ? (me.businessId ?? '') : (params.get('business') ?? '');
  const state = params.get('state') ?? '';
  const query = params.get('q') ?? '';
  const page = Number(params.get('page') ?? '1') || 1;
  const [q, setQ] = useState(query);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [revoking, setRevoking] = useState<Permit | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const list = useApi<ApiPage<Permit>>('/api/v1/permits', {
    businessId: me.role === 'business_rep' ? undefined : business,
    status: state,
    q: query,
    page,
    pageSize: PAGE_SIZE,
  });
  const ward = me.role !== 'business_rep';
  const businesses = useApi<ApiPage<Business>>(ward ? '/api/v1/businesses' : null, { pageSize: 200 });
  const names = useMemo(
    () => new Map(sortByVi(businesses.data?.items ?? [], (b) => b.name).map((b) => [b.id, b.name])),
    [businesses.data],
  );
  const canRevoke = me.role === 'business_rep' || me.role === 'ward_officer' || me.role === 'ward_admin';

  const go = (next: { state?: string; q?: string; page?: number; business?: string }) =>
    navigate(withQuery('/permits', { business: ward ? business : undefined, state, q: query, page: 1, ...next }), {
      replace: true,
    });
  const search = (e: FormEvent) => {
    e.preventDefault();
    go({ q: q.trim() });
  };
  const toggle = (id: string) =>
    setSelected((s) => {
      const n = new Set(s);
      if (n.has(id)) n.delete(id);
      else n.add(id);
      return n;
    });
  const revoke = async (e: FormEvent) => {
    e.preventDefault();
    if (!revoking) return;
    setBusy(true);
    const r = await api.post<Permit>(`/api/v1/permits/${revoking.id}/revoke`, { reason: reason.trim() });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    notify(t('permits.revoked', { serial: r.data.serial, name: r.data.holder }));
    setRevoking(null);
    list.setData((old) => (old ? { ...old, items: old.items.map((p) => (p.id === r.data.id ? r.data : p)) } : old));
  };

  const rows = list.data?.items ?? [];
  const columns: Column<Permit>[] = [
    {
      key: 'pick',
      header: t('permits.pick'),
      render: (p) => (
        <input
          type="checkbox"
          checked={selected.has(p.id)}
          onChange={() => toggle(p.id)}
          aria-label={t('permits.pickOne', { serial: p.serial, name: p.holder })}
        />
      ),
    },
    {
      key: 'serial',
      header: t('permits.serial'),
      render: (p) => (
        <>
          <strong className="nowrap">{p.serial}</strong>
          <br />
          <span className="muted nowrap">{formatDateTime(p.issuedAt)}</span>
        </>
      ),
      sortValue: (p) => p.serial,
    },
    {
      key: 'holder',
      header: t('permits.holder'),
      render: (p) => (
        <>
          {p.holder}
          <br />
          <span className="muted">
            {t(`idTypes.${p.idType}`)} <span className="mono">{p.idNumber}</span>
          </span>
        </>
      ),
      sortValue: (p) => p.holder,
    },
    ...(ward && !business
      ? [
          {
            key: 'business',
            header: t('dossier.business'),
            render: (p: Permit) => (
              <Link to={`/businesses/${p.businessId}`}>{names.get(p.businessId) ?? t('permits.businessLink')}</Link>
            ),
            sortValue: (p: Permit) => names.get(p.businessId) ?? '',
          },
        ]
      : []),
    { key: 'route', header: t('staffTable.route'), render: (p) => `${p.routeFrom} → ${p.routeTo}` },
    {
      key: 'validity',
      header: t('permits.validity'),
      render: (p) => (
        <span className="nowrap">
          {t('permits.from', { date: formatDay(p.validFromDate) })}
          <br />
          {t('permits.to', { date: formatDay(p.validToDate) })}
        </span>
      ),
      sortValue: (p) => p.validToDate,
    },
    {
      key: 'state',
      header: t('common.status'),
      render: (p) => (
        <>
          <Badge tone={TONE[p.status]}>{t(`permitStates.${p.status}`)}</Badge>
          {p.status === 'revoked' && p.revokedReason ? (
            <>
              <br />
              <span className="muted">{p.revokedReason}</span>
            </>
          ) : null}
        </>
      ),
      sortValue: (p) => p.status,
    },
    {
      key: 'actions',
      header: t('common.actions'),
      render: (p) => (
        <span className="page-actions">
          <a className="btn btn-small" href={`/api/v1/permits/${p.id}/pdf`} download>
            {t('permits.pdf')}
            <span className="visually-hidden"> {p.serial}</span>
          </a>
          {canRevoke && p.status === 'active' ? (
            <Button
              small
              variant="danger"
              onClick={() => {
                setRevoking(p);
                setReason('');
                setError(null);
              }}
            >
              {t('permits.revoke')}
              <span className="visually-hidden"> {p.serial}</span>
            </Button>
          ) : null}
        </span>
      ),
    },
  ];

  return (
    <Page
      title={t('nav.permits')}
      lead={ward ? t('permits.leadWard') : t('permits.lead')}
      help={ward ? 'giay-di-duong-cua-phuong' : 'cap-va-in-giay'}
      actions={
        me.role === 'business_rep' ? (
          <ButtonLink to="/permits/issue" variant="primary">
            {t('nav.issue')}
          </ButtonLink>
        ) : null
      }
    >
      <search>
        <form className="toolbar" onSubmit={search}>
          <TextField className="grow" type="search" label={t('permits.search')} value={q} onValue={setQ} />
          {ward ? (
            <SelectField
              label={t('dossier.business')}
              value={business}
              onValue={(v) => go({ business: v })}
              placeholder={t('common.all')}
              options={[...names.entries()].map(([value, label]) => ({ value, label }))}
            />
          ) : null}
          <SelectField
            label={t('common.status')}
            value={state}
            onValue={(v) => go({ state: v })}
            placeholder={t('common.all')}
            options={STATES.map((s) => ({ value: s, label: t(`permitStates.${s}`) }))}
          />
          <Button type="submit">{t('common.search')}</Button>
        </form>
      </search>
      <ErrorMessage error={list.error} />
      {list.loading && !list.data ? (
        <Loading />
      ) : (
        <>
          <p className="muted">{t('permits.count', { n: list.data?.total ?? 0 })}</p>
          <DataTable
            caption={t('nav.permits')}
            columns={columns}
            rows={rows}
            rowKey={(p) => p.id}
            empty={t('permits.none')}
          />
          {list.data ? (
            <Pager page={page} pageSize={PAGE_SIZE} total={list.data.total} onPage={(p) => go({ page: p })} />
          ) : null}
        </>
      )}
      <section className="panel" aria-labelledby="print-title">
        <h2 id="print-title">{t('print.title')}</h2>
        <p className="muted">{t('print.lead')}</p>
        <PrintPanel
          request={selected.size ? { ids: [...selected] } : null}
          label={t('print.selected', { n: selected.size })}
          disabled={selected.size === 0}
        />
        {business ? (
          <PrintPanel request={{ businessId: business, status: 'active' }} label={t('print.allActive')} />
        ) : null}
      </section>
      <ReasonDialog
        open={revoking !== null}
        title={t('permits.revokeTitle', { serial: revoking?.serial ?? '', name: revoking?.holder ?? '' })}
        text={t('permits.revokeText')}
        submitLabel={t('permits.revoke')}
        reason={reason}
        onReason={setReason}
        error={error}
        busy={busy}
        onSubmit={revoke}
        onClose={() => setRevoking(null)}
      />
    </Page>
  );
}
