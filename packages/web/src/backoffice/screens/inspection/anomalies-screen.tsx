import { ANOMALY_KINDS } from '@thonghanh/contract/anomaly-kinds';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { tDynamic } from '../../../i18n/index.js';
import { formatDateTime } from '../../../shared/format.js';
import { api, type Query } from '../../lib/api-client.js';
import type {
  Page as ApiPage,
  Finding,
  FindingsPage,
  InspectionCase,
  InspectionCaseDetail,
} from '../../lib/api-types.js';
import { addDays, todayYmd, vnDayStartIso } from '../../lib/dates.js';
import { useNotices } from '../../lib/notices.js';
import { navigate, withQuery } from '../../lib/router.js';
import { useUser } from '../../lib/session.js';
import { useApi } from '../../lib/use-api.js';
import { Badge } from '../../ui/badge.js';
import { Button } from '../../ui/button.js';
import { type Column, DataTable } from '../../ui/data-table.js';
import { DateField } from '../../ui/date-field.js';
import { SelectField } from '../../ui/field.js';
import { ErrorMessage, Loading } from '../../ui/messages.js';
import { Page } from '../../ui/page.js';
import { Pager } from '../../ui/pager.js';
import { Stat } from '../../ui/stat.js';

/** The kinds of finding, in the order of the counts and the filter (the contract's). */
export { ANOMALY_KINDS };

const PAGE_SIZE = 50;

/**
 * Post-inspection: the findings of the period (counts per kind, then the list newest first,
 * each with its explanation); the ward puts a finding into its unit's inspection case.
 */
export function AnomaliesScreen() {
  const { t } = useTranslation();
  const me = useUser();
  const { notify } = useNotices();
  const keeper = me.role === 'ward_admin' || me.role === 'ward_officer';
  const today = todayYmd();
  const [from, setFrom] = useState(addDays(today, -7));
  const [to, setTo] = useState(today);
  const [kind, setKind] = useState('');
  const [filter, setFilter] = useState({ from, to, kind });
  const [page, setPage] = useState(1);
  const query: Query = {
    from: filter.from ? vnDayStartIso(filter.from) : undefined,
    to: filter.to ? vnDayStartIso(addDays(filter.to, 1)) : undefined,
    kind: filter.kind || undefined,
  };
  const findings = useApi<FindingsPage>('/api/v1/inspection/anomalies', { ...query, page, pageSize: PAGE_SIZE });
  const apply = (e: FormEvent) => {
    e.preventDefault();
    setPage(1);
    setFilter({ from, to, kind });
  };
  const attach = async (f: Finding) => {
    if (!f.unit) return;
    const open = await api.get<ApiPage<InspectionCase>>('/api/v1/inspection/cases', {
      businessId: f.unit.id,
      state: 'open',
    });
    const existing = open.ok ? open.data.items[0] : undefined;
    const r = existing
      ? await api.post<InspectionCaseDetail>(`/api/v1/inspection/cases/${existing.id}/findings`, {
          findingKeys: [f.key],
        })
      : await api.post<InspectionCaseDetail>('/api/v1/inspection/cases', {
          businessId: f.unit.id,
          findingKeys: [f.key],
        });
    if (!r.ok) return notify(r.error.message, 'error');
    notify(existing ? t('inspection.added') : t('inspection.opened', { title: r.data.title }));
    navigate(`/inspection/cases/${r.data.id}`);
  };
  const columns: Column<Finding>[] = [
    {
      key: 'at',
      header: t('inspection.at'),
      render: (f) => <span className="nowrap">{formatDateTime(f.at)}</span>,
      sortValue: (f) => f.at,
    },
    {
      key: 'kind',
      header: t('inspection.kind'),
      render: (f) => (
        <Badge tone={f.kind === 'never_scanned' || f.kind === 'off_schedule' ? 'warn' : 'bad'}>
          {tDynamic(`inspection.kinds.${f.kind}`, f.kind)}
        </Badge>
      ),
      sortValue: (f) => f.kind,
    },
    { key: 'explanation', header: t('inspection.explanation'), render: (f) => f.explanation },
    {
      key: 'unit',
      header: t('inspection.unit'),
      render: (f) =>
        f.unit ? (
          <>
            {f.unit.name}
            {keeper && me.wardCode === f.unit.wardCode ? (
              <>
                <br />
                <Button onClick={() => void attach(f)}>{t('inspection.addToCase')}</Button>
              </>
            ) : null}
          </>
        ) : (
          t('common.none')
        ),
    },
  ];
  const counts = findings.data?.counts;
  return (
    <Page
      title={t('inspection.title')}
      lead={t('inspection.lead')}
      actions={
        <a className="btn" href={withQuery('/api/v1/inspection/anomalies/export', query)} download>
          {t('inspection.export')}
        </a>
      }
    >
      <form className="toolbar" onSubmit={apply}>
        <DateField label={t('inspection.from')} value={from} onValue={setFrom} />
        <DateField label={t('inspection.to')} value={to} onValue={setTo} />
        <SelectField
          label={t('inspection.kind')}
          value={kind}
          onValue={setKind}
          placeholder={t('common.all')}
          options={ANOMALY_KINDS.map((k) => ({ value: k, label: tDynamic(`inspection.kinds.${k}`, k) }))}
        />
        <Button type="submit" variant="primary">
          {t('common.filter')}
        </Button>
      </form>
      {counts ? (
        <ul className="cards" aria-label={t('inspection.kind')}>
          {ANOMALY_KINDS.map((k) => (
            <Stat
              key={k}
              label={tDynamic(`inspection.kinds.${k}`, k)}
              value={counts[k] ?? 0}
              bad={(counts[k] ?? 0) > 0}
            />
          ))}
        </ul>
      ) : null}
      <ErrorMessage error={findings.error} />
      {findings.loading && !findings.data ? (
        <Loading />
      ) : (
        <>
          <p className="muted">{t('inspection.count', { n: findings.data?.total ?? 0 })}</p>
          <DataTable
            caption={t('inspection.title')}
            columns={columns}
            rows={findings.data?.items ?? []}
            rowKey={(f) => f.key}
            empty={t('inspection.none')}
          />
          {findings.data ? (
            <Pager page={page} pageSize={PAGE_SIZE} total={findings.data.total} onPage={setPage} />
          ) : null}
        </>
      )}
    </Page>
  );
}
