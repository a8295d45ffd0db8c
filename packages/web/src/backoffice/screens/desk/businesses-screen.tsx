import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../shared/format.js';
import type { Page as ApiPage, Business, BusinessStatus } from '../../lib/api-types.js';
import { Link, navigate, useQuery, withQuery } from '../../lib/router.js';
import { useUser } from '../../lib/session.js';
import { useApi } from '../../lib/use-api.js';
import { Button, ButtonLink } from '../../ui/button.js';
import { type Column, DataTable } from '../../ui/data-table.js';
import { SelectField, TextField } from '../../ui/field.js';
import { GuideDownload } from '../../ui/guide-downloads.js';
import { ErrorMessage, Loading } from '../../ui/messages.js';
import { Page } from '../../ui/page.js';
import { Pager } from '../../ui/pager.js';
import { BusinessStatusBadge } from '../../ui/state-badge.js';

const STATUSES: BusinessStatus[] = ['pending', 'active', 'suspended', 'refused'];
const PAGE_SIZE = 50;

/** The ward's businesses: search by name (without diacritics) or tax code, filter by status. */
export function BusinessesScreen() {
  const { t } = useTranslation();
  const me = useUser();
  const params = useQuery();
  const status = params.get('status') ?? '';
  const query = params.get('q') ?? '';
  const page = Number(params.get('page') ?? '1') || 1;
  const [q, setQ] = useState(query);
  const list = useApi<ApiPage<Business>>('/api/v1/businesses', { status, q: query, page, pageSize: PAGE_SIZE });
  const go = (next: { status?: string; q?: string; page?: number }) =>
    navigate(withQuery('/businesses', { status, q: query, page: 1, ...next }), { replace: true });
  const search = (e: FormEvent) => {
    e.preventDefault();
    go({ q: q.trim() });
  };
  const columns: Column<Business>[] = [
    {
      key: 'name',
      header: t('business.name'),
      render: (b) => (
        <Link to={`/businesses/${b.id}`}>
          <strong>{b.name}</strong>
        </Link>
      ),
      sortValue: (b) => b.name,
    },
    {
      key: 'tax',
      header: t('business.taxCode'),
      render: (b) => <span className="mono">{b.taxCode}</span>,
      sortValue: (b) => b.taxCode,
    },
    { key: 'line', header: t('business.lineOfBusiness'), render: (b) => b.lineOfBusiness },
    { key: 'contact', header: t('business.contactName'), render: (b) => `${b.contactName} · ${b.contactPhone}` },
    {
      key: 'status',
      header: t('common.status'),
      render: (b) => <BusinessStatusBadge status={b.status} />,
      sortValue: (b) => b.status,
    },
    { key: 'via', header: t('business.registeredVia'), render: (b) => t(`business.via.${b.registeredVia}`) },
    {
      key: 'created',
      header: t('common.createdAt'),
      render: (b) => formatDate(b.createdAt),
      sortValue: (b) => b.createdAt,
    },
  ];
  return (
    <Page
      title={t('nav.businesses')}
      lead={t('businesses.lead')}
      help="tiep-nhan-doanh-nghiep"
      actions={
        me.role === 'ward_officer' ? (
          <>
            {me.wardCode ? <GuideDownload wardCode={me.wardCode} kind="business" /> : null}
            <ButtonLink to="/intake" variant="primary">
              {t('nav.intake')}
            </ButtonLink>
          </>
        ) : null
      }
    >
      <search>
        <form className="toolbar" onSubmit={search}>
          <TextField className="grow" type="search" label={t('businesses.search')} value={q} onValue={setQ} />
          <SelectField
            label={t('common.status')}
            value={status}
            onValue={(v) => go({ status: v })}
            placeholder={t('common.all')}
            options={STATUSES.map((s) => ({ value: s, label: t(`businessStatus.${s}`) }))}
          />
          <Button type="submit">{t('common.search')}</Button>
        </form>
      </search>
      <ErrorMessage error={list.error} />
      {list.loading && !list.data ? (
        <Loading />
      ) : (
        <>
          <p className="muted">{t('businesses.count', { n: list.data?.total ?? 0 })}</p>
          <DataTable
            caption={t('nav.businesses')}
            columns={columns}
            rows={list.data?.items ?? []}
            rowKey={(b) => b.id}
            empty={t('businesses.none')}
          />
          {list.data ? (
            <Pager page={page} pageSize={PAGE_SIZE} total={list.data.total} onPage={(p) => go({ page: p })} />
          ) : null}
        </>
      )}
    </Page>
  );
}
