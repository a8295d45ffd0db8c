import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/format.js';
import { type ApiError, api } from '../../lib/api-client.js';
import type { Page as ApiPage, StaffMember, StaffStatus } from '../../lib/api-types.js';
import { useNotices } from '../../lib/notices.js';
import { useUser } from '../../lib/session.js';
import { useApi } from '../../lib/use-api.js';
import { Button, ButtonLink } from '../../ui/button.js';
import { type Column, DataTable } from '../../ui/data-table.js';
import { SelectField, TextField } from '../../ui/field.js';
import { ErrorMessage, Loading } from '../../ui/messages.js';
import { Page } from '../../ui/page.js';
import { Pager } from '../../ui/pager.js';
import { ReasonDialog } from '../../ui/reason-dialog.js';
import { staffColumns } from '../dossiers/staff-columns.js';

const PAGE_SIZE = 50;

/** The business's registered staff list (approved), as the business sees it. */
export function StaffScreen() {
  const { t } = useTranslation();
  const me = useUser();
  return (
    <Page
      title={t('nav.staff')}
      lead={t('businessStaff.lead')}
      help="thu-hoi"
      helpSection="rut-nguoi"
      actions={<ButtonLink to="/dossiers/new?kind=amendment">{t('businessHome.amend')}</ButtonLink>}
    >
      {me.businessId ? <BusinessStaff businessId={me.businessId} canRemove /> : null}
    </Page>
  );
}

/**
 * A business's registered staff: search (without diacritics, on Enter: each look is
 * audited), filter by status, and take people off at once with a reason (their permits are
 * revoked with them).
 */
export function BusinessStaff({ businessId, canRemove }: { businessId: string; canRemove: boolean }) {
  const { t } = useTranslation();
  const { notify } = useNotices();
  const [q, setQ] = useState('');
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState<StaffStatus>('approved');
  const [page, setPage] = useState(1);
  const [removing, setRemoving] = useState<StaffMember | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const list = useApi<ApiPage<StaffMember>>(`/api/v1/businesses/${businessId}/staff`, {
    q: query,
    status,
    page,
    pageSize: PAGE_SIZE,
  });
  const search = (e: FormEvent) => {
    e.preventDefault();
    setPage(1);
    setQuery(q.trim());
  };
  const remove = async (e: FormEvent) => {
    e.preventDefault();
    if (!removing) return;
    setBusy(true);
    const r = await api.post<{ removed: number }>(`/api/v1/businesses/${businessId}/staff/remove`, {
      staffIds: [removing.id],
      reason: reason.trim(),
    });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    notify(t('businessStaff.removed', { name: removing.fullName }));
    setRemoving(null);
    list.reload();
  };
  const columns: Column<StaffMember>[] = [
    ...staffColumns(t),
    ...(status === 'removed'
      ? [
          {
            key: 'removed',
            header: t('businessStaff.removedCol'),
            render: (m: StaffMember) => (
              <>
                {m.removedAt ? formatDateTime(m.removedAt) : ''}
                <br />
                <span className="muted">{m.removedReason}</span>
              </>
            ),
          },
        ]
      : []),
    ...(canRemove && status === 'approved'
      ? [
          {
            key: 'actions',
            header: t('common.actions'),
            render: (m: StaffMember) => (
              <Button
                small
                variant="danger"
                onClick={() => {
                  setRemoving(m);
                  setReason('');
                  setError(null);
                }}
              >
                {t('businessStaff.remove')}
                <span className="visually-hidden"> {m.fullName}</span>
              </Button>
            ),
          },
        ]
      : []),
  ];
  return (
    <>
      <search>
        <form className="toolbar" onSubmit={search}>
          <TextField
            className="grow"
            type="search"
            label={t('staffTable.search')}
            hint={t('staffTable.searchHint')}
            value={q}
            onValue={setQ}
          />
          <SelectField
            label={t('common.status')}
            value={status}
            onValue={(v) => {
              setStatus(v as StaffStatus);
              setPage(1);
            }}
            options={(['approved', 'pending', 'removed'] as const).map((s) => ({
              value: s,
              label: t(`staffStatus.${s}`),
            }))}
          />
          <Button type="submit">{t('common.search')}</Button>
        </form>
      </search>
      <ErrorMessage error={list.error} />
      {list.loading && !list.data ? (
        <Loading />
      ) : (
        <>
          <p className="muted">{t('staffTable.count', { n: list.data?.total ?? 0 })}</p>
          <DataTable
            caption={t('nav.staff')}
            columns={columns}
            rows={list.data?.items ?? []}
            rowKey={(m) => m.id}
            empty={t('staffTable.empty')}
          />
          {list.data ? <Pager page={page} pageSize={PAGE_SIZE} total={list.data.total} onPage={setPage} /> : null}
        </>
      )}
      <ReasonDialog
        open={removing !== null}
        title={t('businessStaff.removeTitle', { name: removing?.fullName ?? '' })}
        text={t('businessStaff.removeText')}
        submitLabel={t('businessStaff.remove')}
        reason={reason}
        onReason={setReason}
        error={error}
        busy={busy}
        onSubmit={remove}
        onClose={() => setRemoving(null)}
      />
    </>
  );
}
