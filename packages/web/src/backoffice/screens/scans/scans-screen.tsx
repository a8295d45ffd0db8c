import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { tDynamic } from '../../../i18n/index.js';
import { formatDateTime } from '../../../shared/format.js';
import type { Page as ApiPage, Checkpoint, Items, Scan } from '../../lib/api-types.js';
import { addDays, todayYmd, vnDayStartIso } from '../../lib/dates.js';
import { Link, withQuery } from '../../lib/router.js';
import { useApi } from '../../lib/use-api.js';
import { sortByVi } from '../../lib/vietnamese.js';
import { Badge, type Tone } from '../../ui/badge.js';
import { Button } from '../../ui/button.js';
import { type Column, DataTable } from '../../ui/data-table.js';
import { DateField } from '../../ui/date-field.js';
import { SelectField, TextField } from '../../ui/field.js';
import { ErrorMessage, Loading } from '../../ui/messages.js';
import { Page } from '../../ui/page.js';
import { Pager } from '../../ui/pager.js';

const VERDICTS = [
  'valid',
  'revoked',
  'expired',
  'not_yet_valid',
  'bad_signature',
  'unknown_key',
  'key_not_valid',
  'malformed',
  'not_permit_qr',
  'manual_found',
  'manual_not_found',
  'cannot_verify',
] as const;
const PAGE_SIZE = 100;

/** `cannot_verify` is neither good nor bad: the device had no usable list, nothing is known of the permit. */
const toneOf = (v: string): Tone =>
  v === 'valid' || v === 'manual_found'
    ? 'good'
    : v === 'cannot_verify'
      ? 'neutral'
      : v === 'expired' || v === 'not_yet_valid'
        ? 'warn'
        : 'bad';

/** The scan log of the ward's checkpoints (post-inspection): by day, checkpoint and verdict. */
export function ScansScreen() {
  const { t } = useTranslation();
  const today = todayYmd();
  const [from, setFrom] = useState(addDays(today, -6));
  const [to, setTo] = useState(today);
  const [checkpointId, setCheckpointId] = useState('');
  const [verdict, setVerdict] = useState('');
  const [permit, setPermit] = useState('');
  const [idNumber, setIdNumber] = useState('');
  const [unit, setUnit] = useState('');
  const [filter, setFilter] = useState({ from, to, checkpointId, verdict, permit, idNumber, unit });
  const [page, setPage] = useState(1);
  const checkpoints = useApi<Items<Checkpoint>>('/api/v1/checkpoints');
  const query = {
    from: filter.from ? vnDayStartIso(filter.from) : undefined,
    to: filter.to ? vnDayStartIso(addDays(filter.to, 1)) : undefined,
    checkpointId: filter.checkpointId,
    verdict: filter.verdict,
    permit: filter.permit.trim() || undefined,
    idNumber: filter.idNumber.trim() || undefined,
    unit: filter.unit.trim() || undefined,
  };
  const scans = useApi<ApiPage<Scan>>('/api/v1/scans', { ...query, page, pageSize: PAGE_SIZE });
  const apply = (e: FormEvent) => {
    e.preventDefault();
    setPage(1);
    setFilter({ from, to, checkpointId, verdict, permit, idNumber, unit });
  };
  const columns: Column<Scan>[] = [
    {
      key: 'at',
      header: t('scans.at'),
      render: (s) => <span className="nowrap">{formatDateTime(s.scannedAt)}</span>,
      sortValue: (s) => s.scannedAt,
    },
    {
      key: 'checkpoint',
      header: t('scans.checkpoint'),
      render: (s) => s.checkpointName,
      sortValue: (s) => s.checkpointName,
    },
    {
      key: 'verdict',
      header: t('scans.verdict'),
      render: (s) => (
        <>
          <Badge tone={toneOf(s.verdict)}>{tDynamic(`verdicts.${s.verdict}`, s.verdict)}</Badge>
          {s.warnings.map((w) => (
            <span key={w}>
              {' '}
              <Badge tone="warn">{tDynamic(`scanWarnings.${w}`, w)}</Badge>
            </span>
          ))}
        </>
      ),
      sortValue: (s) => s.verdict,
    },
    { key: 'kind', header: t('scans.kind'), render: (s) => tDynamic(`scans.kinds.${s.kind}`, s.kind) },
    {
      key: 'who',
      header: t('scans.permit'),
      render: (s) =>
        s.permit ? (
          <>
            {s.permit.holder}
            {s.serial ? <span className="muted"> · {s.serial}</span> : null}
            <br />
            <Link to={`/businesses/${s.permit.businessId}`}>{t('scans.business')}</Link>
          </>
        ) : (
          <span className="muted">
            {[s.serial, s.idNumber, s.unitTaxCode].filter(Boolean).join(' · ') || t('common.none')}
          </span>
        ),
    },
  ];
  const cps = sortByVi(checkpoints.data?.items ?? [], (c) => c.name);
  return (
    <Page
      title={t('nav.scans')}
      lead={t('scans.lead')}
      help="nhat-ky-quet"
      actions={
        <a className="btn" href={withQuery('/api/v1/scans/export', query)} download>
          {t('scans.export')}
        </a>
      }
    >
      <form className="toolbar" onSubmit={apply}>
        <DateField label={t('scans.from')} value={from} onValue={setFrom} />
        <DateField label={t('scans.to')} value={to} onValue={setTo} />
        <SelectField
          label={t('scans.checkpoint')}
          value={checkpointId}
          onValue={setCheckpointId}
          placeholder={t('common.all')}
          options={cps.map((c) => ({ value: c.id, label: c.name }))}
        />
        <SelectField
          label={t('scans.verdict')}
          value={verdict}
          onValue={setVerdict}
          placeholder={t('common.all')}
          options={VERDICTS.map((v) => ({ value: v, label: tDynamic(`verdicts.${v}`, v) }))}
        />
        <TextField label={t('scans.serial')} value={permit} onValue={setPermit} />
        <TextField label={t('scans.idNumber')} value={idNumber} onValue={setIdNumber} inputMode="numeric" />
        <TextField label={t('scans.unit')} value={unit} onValue={setUnit} inputMode="numeric" />
        <Button type="submit" variant="primary">
          {t('common.filter')}
        </Button>
      </form>
      <ErrorMessage error={scans.error} />
      {scans.loading && !scans.data ? (
        <Loading />
      ) : (
        <>
          <p className="muted">{t('scans.count', { n: scans.data?.total ?? 0 })}</p>
          <DataTable
            caption={t('nav.scans')}
            columns={columns}
            rows={scans.data?.items ?? []}
            rowKey={(s) => s.id}
            empty={t('scans.none')}
          />
          {scans.data ? <Pager page={page} pageSize={PAGE_SIZE} total={scans.data.total} onPage={setPage} /> : null}
        </>
      )}
    </Page>
  );
}
