import { type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { collator } from '../lib/vietnamese.js';

export interface Column<T> {
  key: string;
  header: string;
  render: (row: T) => ReactNode;
  /** Makes the column sortable: a string sorts the Vietnamese way, a number numerically. */
  sortValue?: (row: T) => string | number | null;
  className?: string;
}

/**
 * A table with sortable columns (Vietnamese collation) that turns into one card per row on
 * a phone (each cell labelled by its column header).
 */
export function DataTable<T>({
  caption,
  columns,
  rows,
  rowKey,
  empty,
  initialSort,
  rowClassName,
  captionHidden = true,
}: {
  caption: string;
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  empty?: ReactNode;
  initialSort?: { key: string; dir: 'asc' | 'desc' };
  rowClassName?: (row: T) => string | undefined;
  captionHidden?: boolean;
}) {
  const { t } = useTranslation();
  const [sort, setSort] = useState(initialSort ?? null);
  const sorted = useMemo(() => {
    if (!sort) return rows;
    const col = columns.find((c) => c.key === sort.key);
    if (!col?.sortValue) return rows;
    const get = col.sortValue;
    const out = [...rows].sort((a, b) => {
      const x = get(a);
      const y = get(b);
      if (x === null || x === undefined) return 1;
      if (y === null || y === undefined) return -1;
      const c = typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
      return sort.dir === 'asc' ? c : -c;
    });
    return out;
  }, [rows, columns, sort]);
  if (rows.length === 0) return <p className="muted">{empty ?? t('common.empty')}</p>;
  return (
    <div className="table-wrap">
      <table className="data cards-on-phone">
        <caption className={captionHidden ? 'visually-hidden' : undefined}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => {
              const active = sort?.key === c.key;
              const ariaSort = active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined;
              return (
                <th key={c.key} scope="col" aria-sort={ariaSort} className={c.className}>
                  {c.sortValue ? (
                    <button
                      type="button"
                      className="sort"
                      onClick={() => setSort({ key: c.key, dir: active && sort.dir === 'asc' ? 'desc' : 'asc' })}
                    >
                      {c.header}
                      <span aria-hidden="true">{active ? (sort.dir === 'asc' ? '▲' : '▼') : '↕'}</span>
                    </button>
                  ) : (
                    c.header
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => (
            <tr key={rowKey(row)} className={rowClassName?.(row)}>
              {columns.map((c) => (
                <td key={c.key} data-label={c.header} className={c.className}>
                  <div className="cell">{c.render(row)}</div>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
