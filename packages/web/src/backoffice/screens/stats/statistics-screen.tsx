import { type FormEvent, lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { tDynamic } from '../../../i18n/index.js';
import { formatDate, formatDateTime } from '../../../shared/format.js';
import { inSentence, useUnit } from '../../lib/admin-units.js';
import type { StatsSeries } from '../../lib/api-types.js';
import { addDays, todayYmd, vnDayStartIso } from '../../lib/dates.js';
import { withQuery } from '../../lib/router.js';
import { useUser } from '../../lib/session.js';
import { useApi } from '../../lib/use-api.js';
import { Button } from '../../ui/button.js';
import { DateField } from '../../ui/date-field.js';
import { SelectField } from '../../ui/field.js';
import { ErrorMessage, Loading } from '../../ui/messages.js';
import { Page } from '../../ui/page.js';

// The chart code (uPlot) is loaded only here: the rest of the back office never pays for it.
const BarChart = lazy(() => import('./bar-chart.js'));

const VERDICT_COLORS: Record<string, string> = {
  valid: '#2e7d32',
  expired: '#ef6c00',
  not_yet_valid: '#f9a825',
  revoked: '#c62828',
  bad_signature: '#6a1b9a',
  unknown_key: '#ad1457',
  key_not_valid: '#5d4037',
  malformed: '#455a64',
  not_permit_qr: '#78909c',
  manual_found: '#1565c0',
  manual_not_found: '#00838f',
};

function NumbersTable({ title, head, rows }: { title: string; head: string[]; rows: Array<Array<string | number>> }) {
  const { t } = useTranslation();
  return (
    <details className="chart-table">
      <summary>{t('charts.table', { title })}</summary>
      <table className="data">
        <caption className="visually-hidden">{title}</caption>
        <thead>
          <tr>
            {head.map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={String(r[0])}>
              {r.map((v, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: fixed columns
                <td key={i} className={typeof v === 'number' ? 'num' : undefined}>
                  {typeof v === 'number' ? v.toLocaleString('vi-VN') : v}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

/**
 * The live picture over time for the user's area (a ward; a district or the city summed for
 * supervisors): scans by verdict, permits issued, dossiers decided within the deadline; each
 * chart with its numbers as a table, and the same numbers as an Excel file.
 */
export function StatisticsScreen() {
  const { t } = useTranslation();
  const me = useUser();
  const area = useUnit(me.wardCode ?? me.districtCode ?? me.provinceCode);
  const today = todayYmd();
  const [from, setFrom] = useState(addDays(today, -13));
  const [to, setTo] = useState(today);
  const [bucket, setBucket] = useState<'day' | 'hour'>('day');
  const [filter, setFilter] = useState({ from, to, bucket });
  const query = {
    from: vnDayStartIso(filter.from),
    to: vnDayStartIso(addDays(filter.to, 1)),
    bucket: filter.bucket,
  };
  const s = useApi<StatsSeries>('/api/v1/stats/series', query);
  const apply = (e: FormEvent) => {
    e.preventDefault();
    setFilter({ from, to, bucket });
  };
  const data = s.data;
  const charts = useMemo(() => {
    if (!data) return null;
    const label = (iso: string) => (data.bucket === 'hour' ? formatDateTime(iso).slice(0, 16) : formatDate(iso));
    const labels = data.scans.map((b) => label(b.at));
    // On the axis: dd/mm (or dd/mm HH:MM); the tables keep the full date.
    const short = labels.map((l) => (data.bucket === 'hour' ? `${l.slice(0, 5)} ${l.slice(11, 16)}` : l.slice(0, 5)));
    return {
      labels,
      short,
      scans: data.verdicts.map((v) => ({
        label: tDynamic(`verdicts.${v}`, v),
        color: VERDICT_COLORS[v] ?? '#607d8b',
        values: data.scans.map((b) => b.counts[v] ?? 0),
      })),
      permits: [{ label: t('charts.yPermits'), color: '#1565c0', values: data.permitsIssued.map((b) => b.n) }],
      dossierLabels: data.dossiers.rows.map((r) => r.name.replace(/^(Phường|Xã|Thị trấn|Quận|Huyện|Thị xã) /, '')),
      dossiers: [
        { label: t('charts.onTime'), color: '#2e7d32', values: data.dossiers.rows.map((r) => r.onTime) },
        { label: t('charts.late'), color: '#c62828', values: data.dossiers.rows.map((r) => r.late) },
      ],
    };
  }, [data, t]);
  const x = data?.bucket === 'hour' ? t('charts.xHour') : t('charts.xDay');
  return (
    <Page
      title={t('charts.title')}
      lead={area ? t('charts.lead', { area: inSentence(area.name) }) : undefined}
      actions={
        <a className="btn" href={withQuery('/api/v1/stats/series/export', query)} download>
          {t('charts.export')}
        </a>
      }
    >
      <form className="toolbar" onSubmit={apply}>
        <DateField label={t('charts.from')} value={from} onValue={setFrom} />
        <DateField label={t('charts.to')} value={to} onValue={setTo} />
        <SelectField
          label={t('charts.bucket')}
          value={bucket}
          onValue={(v) => setBucket(v === 'hour' ? 'hour' : 'day')}
          options={[
            { value: 'day', label: t('charts.byDay') },
            { value: 'hour', label: t('charts.byHour') },
          ]}
        />
        <Button type="submit" variant="primary">
          {t('common.filter')}
        </Button>
      </form>
      <ErrorMessage error={s.error} />
      {!data || !charts ? (
        <Loading />
      ) : (
        <Suspense fallback={<p className="muted">{t('charts.loadingChart')}</p>}>
          <section aria-labelledby="chart-scans">
            <h2 id="chart-scans">{t('charts.scans')}</h2>
            <BarChart labels={charts.short} series={charts.scans} xLabel={x} yLabel={t('charts.yScans')} />
            <NumbersTable
              title={t('charts.scans')}
              head={[x, ...charts.scans.map((c) => c.label), t('charts.total')]}
              rows={data.scans.map((b, i) => [
                charts.labels[i] ?? '',
                ...data.verdicts.map((v) => b.counts[v] ?? 0),
                b.total,
              ])}
            />
          </section>
          <section aria-labelledby="chart-permits">
            <h2 id="chart-permits">{t('charts.permits')}</h2>
            <BarChart labels={charts.short} series={charts.permits} xLabel={x} yLabel={t('charts.yPermits')} />
            <NumbersTable
              title={t('charts.permits')}
              head={[x, t('charts.yPermits')]}
              rows={data.permitsIssued.map((b, i) => [charts.labels[i] ?? '', b.n])}
            />
          </section>
          <section aria-labelledby="chart-dossiers">
            <h2 id="chart-dossiers">{t('charts.dossiers')}</h2>
            <BarChart
              labels={charts.dossierLabels}
              series={charts.dossiers}
              xLabel={t('charts.unit')}
              yLabel={t('charts.yDossiers')}
            />
            <NumbersTable
              title={t('charts.dossiers')}
              head={[t('charts.unit'), t('charts.handled'), t('charts.onTime'), t('charts.late')]}
              rows={data.dossiers.rows.map((r) => [r.name, r.handled, r.onTime, r.late])}
            />
          </section>
        </Suspense>
      )}
    </Page>
  );
}
