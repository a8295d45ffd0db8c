import { Link } from '../lib/router.js';

/** A count on a dashboard, linking to its list. `undefined` while loading. */
export function Stat({
  label,
  value,
  to,
  bad,
}: {
  label: string;
  value: number | undefined;
  to?: string;
  bad?: boolean;
}) {
  const body = (
    <>
      <span className="stat-value">
        {bad ? <span aria-hidden="true">⚠ </span> : null}
        {value === undefined ? '…' : value.toLocaleString('vi-VN')}
      </span>
      <br />
      <span className="stat-label">{label}</span>
    </>
  );
  return <li className={`stat${bad ? ' stat-bad' : ''}`}>{to ? <Link to={to}>{body}</Link> : body}</li>;
}
