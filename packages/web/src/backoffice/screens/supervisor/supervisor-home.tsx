import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { tDynamic } from '../../../i18n/index.js';
import { formatDateTime } from '../../../shared/format.js';
import { inSentence, useChildUnits, useUnit } from '../../lib/admin-units.js';
import { api } from '../../lib/api-client.js';
import type { AdminUnit, Stats } from '../../lib/api-types.js';
import { useUser } from '../../lib/session.js';
import { useApi } from '../../lib/use-api.js';
import { type Column, DataTable } from '../../ui/data-table.js';
import { ErrorMessage, Loading } from '../../ui/messages.js';
import { Page } from '../../ui/page.js';
import { Stat } from '../../ui/stat.js';

/** The counts per unit, in the table's order. */
const COLUMNS: Array<[string, string]> = [
  ['businesses', 'registered'],
  ['businesses', 'approved'],
  ['dossiers', 'waiting'],
  ['dossiers', 'overdue'],
  ['staff', 'approved'],
  ['permits', 'active'],
  ['permits', 'unitQrActive'],
  ['scans', 'today'],
];

interface Row {
  unit: AdminUnit;
  stats: Stats | null;
}

/**
 * The supervisor's read-only view of its area: the area's totals, then one row per ward of
 * the district (or per district of the city) with the same counts.
 */
export function SupervisorHome() {
  const { t } = useTranslation();
  const me = useUser();
  const area = useUnit(me.districtCode ?? me.provinceCode);
  const units = useChildUnits(me.districtCode ?? me.provinceCode);
  const level = me.districtCode ? 'ward' : 'district';
  const totals = useApi<Stats>('/api/v1/stats');
  const [rows, setRows] = useState<Row[]>([]);
  useEffect(() => {
    let live = true;
    setRows(units.map((unit) => ({ unit, stats: null })));
    // A few at a time: a district has a dozen wards, a city hundreds of units.
    const queue = [...units];
    const worker = async () => {
      for (let u = queue.shift(); u; u = queue.shift()) {
        const unit = u;
        const r = await api.get<Stats>(
          '/api/v1/stats',
          level === 'ward' ? { ward: unit.code } : { district: unit.code },
        );
        if (!live) return;
        if (r.ok) setRows((old) => old.map((x) => (x.unit.code === unit.code ? { unit, stats: r.data } : x)));
      }
    };
    void Promise.all([worker(), worker(), worker(), worker()]);
    return () => {
      live = false;
    };
  }, [units, level]);
  const value = (row: Row, section: string, key: string) => row.stats?.sections[section]?.[key];
  const columns: Column<Row>[] = [
    {
      key: 'unit',
      header: t(`supervisor.unit.${level}`),
      render: (r) => <strong className="nowrap">{r.unit.name}</strong>,
      sortValue: (r) => r.unit.name,
    },
    ...COLUMNS.map(([section, key]) => ({
      key: `${section}.${key}`,
      header: tDynamic(`supervisor.columns.${section}.${key}`, key),
      className: 'num',
      render: (r: Row) => {
        const v = value(r, section, key);
        if (v === undefined) return <span className="muted">…</span>;
        return section === 'dossiers' && key === 'overdue' && v > 0 ? (
          <strong className="clock-overdue">{v.toLocaleString('vi-VN')}</strong>
        ) : (
          v.toLocaleString('vi-VN')
        );
      },
      sortValue: (r: Row) => value(r, section, key) ?? null,
    })),
  ];
  const s = totals.data?.sections;
  return (
    <Page
      title={t('supervisor.title')}
      lead={area ? t('supervisor.lead', { area: inSentence(area.name) }) : undefined}
      help="tong-quan-dia-ban"
    >
      <ErrorMessage error={totals.error} />
      {!s ? (
        <Loading />
      ) : (
        <ul className="cards">
          {COLUMNS.map(([section, key]) =>
            s[section]?.[key] !== undefined ? (
              <Stat
                key={`${section}.${key}`}
                label={tDynamic(`supervisor.columns.${section}.${key}`, key)}
                value={s[section]?.[key]}
                bad={section === 'dossiers' && key === 'overdue' && (s[section]?.[key] ?? 0) > 0}
              />
            ) : null,
          )}
        </ul>
      )}
      <h2>{t(`supervisor.byUnit.${level}`)}</h2>
      <DataTable
        caption={t(`supervisor.byUnit.${level}`)}
        columns={columns}
        rows={rows}
        rowKey={(r) => r.unit.code}
        initialSort={{ key: 'unit', dir: 'asc' }}
      />
      {totals.data ? <p className="muted">{t('dashboard.at', { at: formatDateTime(totals.data.at) })}</p> : null}
    </Page>
  );
}
