import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/format.js';
import type { Dossier } from '../../lib/api-types.js';
import { formatDay } from '../../lib/dates.js';
import { Link } from '../../lib/router.js';
import { type Column, DataTable } from '../../ui/data-table.js';
import { DeadlineClock } from '../../ui/deadline-clock.js';
import { DossierStateBadge } from '../../ui/state-badge.js';

const OPEN = new Set(['submitted', 'health_confirmed', 'awaiting_leader']);

/**
 * Dossiers as a table (cards on a phone): the business, the state in the glossary's words,
 * and for those waiting on the ward the 3-day clock. Overdue rows are marked in words too.
 */
export function DossierTable({
  dossiers,
  caption,
  showBusiness = true,
  empty,
}: {
  dossiers: Dossier[];
  caption: string;
  showBusiness?: boolean;
  empty?: string;
}) {
  const { t } = useTranslation();
  const columns: Column<Dossier>[] = [
    ...(showBusiness
      ? [
          {
            key: 'business',
            header: t('dossier.business'),
            render: (d: Dossier) => (
              <>
                <Link to={`/dossiers/${d.id}`}>
                  <strong>{d.businessName}</strong>
                </Link>
                <br />
                <span className="muted">
                  {t('dossier.taxCodeShort')} <span className="mono">{d.businessTaxCode}</span>
                </span>
              </>
            ),
            sortValue: (d: Dossier) => d.businessName,
          },
        ]
      : [
          {
            key: 'open',
            header: t('dossier.dossier'),
            render: (d: Dossier) => (
              <Link to={`/dossiers/${d.id}`}>
                <strong>{t(`kinds.${d.kind}`)}</strong>
              </Link>
            ),
          },
        ]),
    ...(showBusiness
      ? [
          {
            key: 'kind',
            header: t('dossier.kind'),
            render: (d: Dossier) => (
              <>
                {t(`kinds.${d.kind}`)}
                <br />
                <span className="muted">{t(`channels.${d.channel}`)}</span>
              </>
            ),
          },
        ]
      : [{ key: 'channel', header: t('dossier.channel'), render: (d: Dossier) => t(`channels.${d.channel}`) }]),
    {
      key: 'state',
      header: t('common.status'),
      render: (d) => <DossierStateBadge state={d.state} />,
      sortValue: (d) => d.state,
    },
    {
      key: 'due',
      header: t('dossier.deadline'),
      render: (d) =>
        d.dueAt && OPEN.has(d.state) ? (
          <DeadlineClock dueAt={d.dueAt} />
        ) : (
          <span className="muted">{t('common.none')}</span>
        ),
      sortValue: (d) => (d.dueAt && OPEN.has(d.state) ? d.dueAt : null),
    },
    {
      key: 'submitted',
      header: t('dossier.submittedAt'),
      render: (d) => (d.submittedAt ? formatDateTime(d.submittedAt) : t('common.none')),
      sortValue: (d) => d.submittedAt,
    },
    ...(showBusiness
      ? []
      : [
          {
            key: 'plan',
            header: t('dossier.plan'),
            render: (d: Dossier) => `${formatDay(d.planFrom)} – ${formatDay(d.planTo)}`,
          },
        ]),
    {
      key: 'staff',
      header: t('dossier.staffCount'),
      render: (d) => d.staffCount.toLocaleString('vi-VN'),
      className: 'num',
    },
  ];
  return (
    <DataTable
      caption={caption}
      columns={columns}
      rows={dossiers}
      rowKey={(d) => d.id}
      empty={empty}
      rowClassName={(d) => (d.overdue ? 'row-overdue' : undefined)}
    />
  );
}
