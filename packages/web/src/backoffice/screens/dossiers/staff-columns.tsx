import type { TFunction } from 'i18next';
import { formatDays } from '../../../shared/format.js';
import type { StaffMember } from '../../lib/api-types.js';
import { formatDay } from '../../lib/dates.js';
import type { Column } from '../../ui/data-table.js';

/** The columns every staff table shows: who, which document, route and schedule. */
export function staffColumns(t: TFunction): Column<StaffMember>[] {
  return [
    {
      key: 'name',
      header: t('staffFields.fullName'),
      render: (m) => (
        <>
          <strong>{m.fullName}</strong>
          {m.position ? (
            <>
              <br />
              <span className="muted">{m.position}</span>
            </>
          ) : null}
        </>
      ),
      sortValue: (m) => m.fullName,
    },
    {
      key: 'id',
      header: t('staffTable.document'),
      render: (m) => (
        <>
          {t(`idTypes.${m.idType}`)} <span className="mono">{m.idNumber}</span>
        </>
      ),
      sortValue: (m) => m.idNumber,
    },
    {
      key: 'dob',
      header: t('staffFields.dateOfBirth'),
      render: (m) => formatDay(m.dateOfBirth),
      sortValue: (m) => m.dateOfBirth,
    },
    {
      key: 'route',
      header: t('staffTable.route'),
      render: (m) => (
        <>
          {m.routeFrom} <span aria-hidden="true">→</span>
          <span className="visually-hidden">{t('staffTable.to')}</span> {m.routeTo}
        </>
      ),
    },
    {
      key: 'schedule',
      header: t('staffTable.schedule'),
      render: (m) => (
        <span className="nowrap">
          {formatDays(m.schedule.days)}, {m.schedule.start}–{m.schedule.end}
        </span>
      ),
    },
  ];
}
