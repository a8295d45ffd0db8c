import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/format.js';
import type { Page as ApiPage, InspectionCase } from '../../lib/api-types.js';
import { Link } from '../../lib/router.js';
import { useApi } from '../../lib/use-api.js';
import { Badge } from '../../ui/badge.js';
import { type Column, DataTable } from '../../ui/data-table.js';
import { SelectField } from '../../ui/field.js';
import { ErrorMessage, Loading } from '../../ui/messages.js';
import { Page } from '../../ui/page.js';

/** The ward's inspection cases, open ones first. */
export function CasesScreen() {
  const { t } = useTranslation();
  const [state, setState] = useState('');
  const cases = useApi<ApiPage<InspectionCase>>('/api/v1/inspection/cases', {
    state: state || undefined,
    pageSize: 200,
  });
  const columns: Column<InspectionCase>[] = [
    {
      key: 'title',
      header: t('cases.caseTitle'),
      render: (c) => <Link to={`/inspection/cases/${c.id}`}>{c.title}</Link>,
      sortValue: (c) => c.title,
    },
    { key: 'unit', header: t('cases.unit'), render: (c) => `${c.business.name} (${c.business.taxCode})` },
    {
      key: 'state',
      header: t('common.status'),
      render: (c) => (
        <Badge tone={c.state === 'open' ? 'info' : c.outcome === 'unit_suspended' ? 'bad' : 'neutral'}>
          {c.state === 'open' ? t('cases.state.open') : t(`cases.outcome.${c.outcome ?? 'no_action'}`)}
        </Badge>
      ),
    },
    { key: 'findings', header: t('cases.findings'), className: 'num', render: (c) => c.findingCount },
    {
      key: 'opened',
      header: t('cases.openedAt'),
      render: (c) => <span className="nowrap">{formatDateTime(c.openedAt)}</span>,
      sortValue: (c) => c.openedAt,
    },
  ];
  return (
    <Page title={t('cases.title')} lead={t('cases.lead')}>
      <div className="toolbar">
        <SelectField
          label={t('common.status')}
          value={state}
          onValue={setState}
          placeholder={t('common.all')}
          options={[
            { value: 'open', label: t('cases.state.open') },
            { value: 'closed', label: t('cases.state.closed') },
          ]}
        />
      </div>
      <ErrorMessage error={cases.error} />
      {cases.loading && !cases.data ? (
        <Loading />
      ) : (
        <DataTable
          caption={t('cases.title')}
          columns={columns}
          rows={cases.data?.items ?? []}
          rowKey={(c) => c.id}
          empty={t('cases.none')}
        />
      )}
    </Page>
  );
}
