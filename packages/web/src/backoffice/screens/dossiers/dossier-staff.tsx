import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api-client.js';
import type { Page, StaffMember } from '../../lib/api-types.js';
import { useNotices } from '../../lib/notices.js';
import { useApi } from '../../lib/use-api.js';
import { Badge } from '../../ui/badge.js';
import { Button } from '../../ui/button.js';
import { type Column, DataTable } from '../../ui/data-table.js';
import { TextField } from '../../ui/field.js';
import { ErrorMessage, Loading } from '../../ui/messages.js';
import { Pager } from '../../ui/pager.js';
import { staffColumns } from './staff-columns.js';
import { EMPTY_ENTRY, entryOf, StaffForm } from './staff-form.js';

const PAGE_SIZE = 50;

/**
 * The people a dossier puts on the list: searched on the server (without diacritics; each
 * look is audited, so searching waits for Enter), paged, and while the dossier can be
 * changed, edited or removed one by one, or added by hand.
 */
export function DossierStaff({
  dossierId,
  editable,
  version,
}: {
  dossierId: string;
  editable: boolean;
  version: number;
}) {
  const { t } = useTranslation();
  const { notify } = useNotices();
  const [q, setQ] = useState('');
  const [query, setQuery] = useState('');
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const list = useApi<Page<StaffMember>>(`/api/v1/dossiers/${dossierId}/staff`, {
    q: query,
    page,
    pageSize: PAGE_SIZE,
  });
  // The dossier changed the list (an import, a transition): read it again.
  const [seenVersion, setSeenVersion] = useState(version);
  if (seenVersion !== version) {
    setSeenVersion(version);
    list.reload();
  }

  const search = (e: FormEvent) => {
    e.preventDefault();
    setPage(1);
    setQuery(q.trim());
  };
  const remove = async (m: StaffMember) => {
    const r = await api.delete(`/api/v1/dossiers/${dossierId}/staff/${m.id}`);
    if (!r.ok) return notify(r.error.message, 'error');
    notify(t('staffTable.deleted', { name: m.fullName }));
    list.reload();
  };

  const columns: Column<StaffMember>[] = [
    ...staffColumns(t),
    ...(editable
      ? [
          {
            key: 'actions',
            header: t('common.actions'),
            render: (m: StaffMember) =>
              m.status === 'pending' ? (
                <span className="page-actions">
                  <Button
                    small
                    aria-expanded={editing === m.id}
                    onClick={() => setEditing(editing === m.id ? null : m.id)}
                  >
                    {t('common.edit')}
                    <span className="visually-hidden"> {m.fullName}</span>
                  </Button>
                  <Button small variant="danger" onClick={() => void remove(m)}>
                    {t('common.delete')}
                    <span className="visually-hidden"> {m.fullName}</span>
                  </Button>
                </span>
              ) : null,
          },
        ]
      : [
          {
            key: 'status',
            header: t('common.status'),
            render: (m: StaffMember) => (
              <Badge tone={m.status === 'approved' ? 'good' : m.status === 'removed' ? 'neutral' : 'info'}>
                {t(`staffStatus.${m.status}`)}
              </Badge>
            ),
          },
        ]),
  ];
  const editingMember = list.data?.items.find((m) => m.id === editing);

  return (
    <section className="panel" aria-labelledby="dossier-staff-title">
      <div className="page-head">
        <h2 id="dossier-staff-title">
          {t('staffTable.title')}
          {list.data ? <span className="muted"> ({t('staffTable.count', { n: list.data.total })})</span> : null}
        </h2>
        {editable ? (
          <Button onClick={() => setEditing(editing === 'new' ? null : 'new')} aria-expanded={editing === 'new'}>
            {t('staffTable.add')}
          </Button>
        ) : null}
      </div>
      {editing === 'new' ? (
        <div className="panel">
          <h3>{t('staffTable.addTitle')}</h3>
          <StaffForm
            idPrefix="new-staff"
            dossierId={dossierId}
            initial={EMPTY_ENTRY}
            onCancel={() => setEditing(null)}
            onSaved={(m) => {
              setEditing(null);
              notify(t('staffTable.added', { name: m.fullName }));
              list.reload();
            }}
          />
        </div>
      ) : null}
      {editingMember ? (
        <div className="panel">
          <h3>{t('staffTable.editTitle', { name: editingMember.fullName })}</h3>
          <StaffForm
            key={editingMember.id}
            idPrefix={`edit-${editingMember.id}`}
            dossierId={dossierId}
            member={editingMember}
            initial={entryOf(editingMember)}
            onCancel={() => setEditing(null)}
            onSaved={(m) => {
              setEditing(null);
              notify(t('staffTable.saved', { name: m.fullName }));
              list.reload();
            }}
          />
        </div>
      ) : null}
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
          <Button type="submit">{t('common.search')}</Button>
        </form>
      </search>
      <ErrorMessage error={list.error} />
      {list.loading && !list.data ? (
        <Loading />
      ) : (
        <>
          <DataTable
            caption={t('staffTable.title')}
            columns={columns}
            rows={list.data?.items ?? []}
            rowKey={(m) => m.id}
            empty={query ? t('staffTable.noMatch') : t('staffTable.empty')}
          />
          {list.data ? <Pager page={page} pageSize={PAGE_SIZE} total={list.data.total} onPage={setPage} /> : null}
        </>
      )}
    </section>
  );
}
