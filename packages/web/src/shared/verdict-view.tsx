import {
  type AppWarning,
  fillText,
  isoFromSeconds,
  parseIsoSeconds,
  VERDICT_TEXT,
  type VerifyResult,
  WARNING_TEXT,
} from '@thonghanh/core';
import type { ReactNode } from 'react';
import { CANNOT_VERIFY_HEADLINE, CANNOT_VERIFY_TEXT, type CannotVerify } from './cannot-verify.js';
import { formatDateTime, formatDays, ID_TYPE_LABEL } from './format.js';

export interface VerdictViewProps {
  result: VerifyResult;
  /** Warnings of the app itself (old lists), shown after the verifier's. */
  appWarnings?: Array<{ code: AppWarning; values?: Record<string, string> }>;
  /** What an app adds between the warnings and the details (the checkpoint's identity check). */
  notices?: ReactNode;
  /**
   * The device lacked a list this result depends on: the neutral "cannot verify" state is
   * shown instead of the verdict (never the red of an invalid one, nor a green HỢP LỆ).
   */
  cannotVerify?: CannotVerify | null;
  /** With `cannotVerify`: what the reader should do, in the app's own words. */
  advice?: ReactNode;
}

const ICON = { good: '✓', bad: '✕', neutral: '?' } as const;

/**
 * The verdict as an officer or a citizen reads it: a large headline with an icon and a
 * word (never colour alone), the reason in plain words, warnings, then who and what.
 */
export function VerdictView({ result, appWarnings = [], notices, cannotVerify, advice }: VerdictViewProps) {
  if (cannotVerify) return <CannotVerifyView result={result} state={cannotVerify} advice={advice} notices={notices} />;
  const good = result.verdict === 'valid';
  const text = VERDICT_TEXT[result.verdict];
  const c = result.claims;
  const timeValues = {
    nbf: c ? formatDateTime(c.nbf) : '',
    exp: c ? formatDateTime(c.exp) : '',
  };
  const warnings = [
    ...result.warnings.map((code) => ({ code: code as AppWarning, values: { origin: result.origin ?? '' } })),
    ...appWarnings,
  ];
  return (
    <section className={`verdict ${good ? 'verdict-good' : 'verdict-bad'}`} aria-live="assertive">
      <h1 className="verdict-headline">
        <span className="verdict-icon" aria-hidden="true">
          {good ? ICON.good : ICON.bad}
        </span>{' '}
        {good ? 'HỢP LỆ' : 'KHÔNG HỢP LỆ'}
        {(!good || result.kind === 'unit') && (
          <span className="verdict-reason">{good ? 'ĐƠN VỊ ĐÃ ĐƯỢC PHÊ DUYỆT' : text.headline}</span>
        )}
      </h1>
      <p className="verdict-explanation">
        {good && result.kind === 'unit'
          ? 'Mã QR hợp lệ của đơn vị đã được UBND phường phê duyệt. Đây không phải giấy đi đường của một người.'
          : fillText(text.explanation, timeValues)}
      </p>
      {warnings.length > 0 && (
        <ul className="warnings">
          {warnings.map((w) => (
            <li key={w.code} className="warning">
              <span aria-hidden="true">⚠</span> <strong>Cảnh báo:</strong>{' '}
              {fillText(WARNING_TEXT[w.code], w.values ?? {})}
            </li>
          ))}
        </ul>
      )}
      {notices}
      {c && <ClaimsDetails result={result} />}
    </section>
  );
}

/** The neutral state: what could not be checked, why, and what to do; the code's content below. */
function CannotVerifyView({
  result,
  state,
  advice,
  notices,
}: {
  result: VerifyResult;
  state: CannotVerify;
  advice: ReactNode;
  notices: ReactNode;
}) {
  const text = CANNOT_VERIFY_TEXT[state.reason];
  return (
    <section className="verdict verdict-neutral" aria-live="assertive" data-state="cannot-verify">
      <h1 className="verdict-headline">
        <span className="verdict-icon" aria-hidden="true">
          {ICON.neutral}
        </span>{' '}
        {CANNOT_VERIFY_HEADLINE}
        <span className="verdict-reason">{text.reason}</span>
      </h1>
      <p className="verdict-explanation">
        {fillText(text.explanation, { age: state.age ?? '', signed: state.signed ?? '' })}
      </p>
      {advice && <div className="advice">{advice}</div>}
      {notices}
      {result.claims && <ClaimsDetails result={result} />}
    </section>
  );
}

function ClaimsDetails({ result }: { result: VerifyResult }) {
  const c = result.claims;
  if (!c) return null;
  const trusted = !['unknown_key', 'bad_signature', 'key_not_valid'].includes(result.verdict);
  const rows: Array<[string, string]> = [];
  if (c.permit) {
    const p = c.permit;
    rows.push(['Họ và tên', p.holder]);
    rows.push([ID_TYPE_LABEL[p.idType] ?? p.idType, p.idNumber]);
    if (p.position) rows.push(['Chức vụ', p.position]);
    rows.push(['Đơn vị', p.unitName ? `${p.unitName} (MST ${p.unitTaxCode})` : `MST ${p.unitTaxCode}`]);
    rows.push(['Lộ trình', `${p.routeFrom} → ${p.routeTo}`]);
    if (p.routeWards.length > 0) rows.push(['Phường/xã trên lộ trình', p.routeWards.join(', ')]);
    if (p.schedule)
      rows.push(['Thời gian làm việc', `${formatDays(p.schedule.days)}, ${p.schedule.start}–${p.schedule.end}`]);
    if (p.purpose) rows.push(['Lý do', p.purpose]);
    rows.push(['Số giấy', p.serial]);
  } else if (c.unit) {
    const u = c.unit;
    rows.push(['Đơn vị', u.unitName]);
    rows.push(['Mã số thuế', u.unitTaxCode]);
    if (u.address) rows.push(['Địa chỉ', u.address]);
    rows.push(['Số người lao động được duyệt', String(u.staffCount)]);
    rows.push(['Số văn bản phê duyệt', u.approvalRef]);
  }
  rows.push(['Có giá trị', `từ ${formatDateTime(c.nbf)} đến ${formatDateTime(c.exp)}`]);
  rows.push(['Nơi cấp', result.issuerName ?? c.iss]);
  rows.push(['Ký lúc', formatDateTime(isoFromSeconds(parseIsoSeconds(c.iat) ?? 0))]);
  return (
    <div className="details">
      {!trusted && <p className="details-untrusted">Nội dung dưới đây KHÔNG được xác thực, chỉ để đối chiếu:</p>}
      <dl>
        {rows.map(([k, v]) => (
          <div key={k} className="row">
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
