import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDays } from '../../../shared/format.js';
import { type ApiError, api, issueFor } from '../../lib/api-client.js';
import type { Page as ApiPage, IssueResult, StaffMember } from '../../lib/api-types.js';
import { useNotices } from '../../lib/notices.js';
import { useUser } from '../../lib/session.js';
import { matchesVi, sortByVi } from '../../lib/vietnamese.js';
import { Button } from '../../ui/button.js';
import { DateField } from '../../ui/date-field.js';
import { TextField } from '../../ui/field.js';
import { ErrorMessage, InfoBox, Loading } from '../../ui/messages.js';
import { Page } from '../../ui/page.js';
import { ActivePermitDialog, type OnActive } from './active-permit-dialog.js';
import { IssueResultPanel } from './issue-result.js';

/** Reads the whole approved list, page by page (one audited look per page). */
async function loadApproved(businessId: string): Promise<{ items: StaffMember[] } | { error: ApiError }> {
  const items: StaffMember[] = [];
  for (let page = 1; ; page++) {
    const r = await api.get<ApiPage<StaffMember>>(`/api/v1/businesses/${businessId}/staff`, {
      status: 'approved',
      page,
      pageSize: 500,
    });
    if (!r.ok) return { error: r.error };
    items.push(...r.data.items);
    if (items.length >= r.data.total || r.data.items.length === 0) return { items };
  }
}

/**
 * The business issues permits, only to people on its approved list: pick them (search
 * without diacritics, select all that are shown), set the validity if it differs from the
 * default (today to the end of the plan) and the reason, issue; then print them in bulk.
 */
export function IssueScreen() {
  const { t } = useTranslation();
  const me = useUser();
  const { notify } = useNotices();
  const [staff, setStaff] = useState<StaffMember[] | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [q, setQ] = useState('');
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [validFrom, setValidFrom] = useState('');
  const [validTo, setValidTo] = useState('');
  const [purpose, setPurpose] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [issued, setIssued] = useState<IssueResult | null>(null);
  // Whether each date field holds a real day (or nothing): a bad one blocks issuing.
  const [fromOk, setFromOk] = useState(true);
  const [toOk, setToOk] = useState(true);
  const [dateError, setDateError] = useState<{ from?: string; to?: string } | null>(null);
  const [conflict, setConflict] = useState<ApiError | null>(null);

  useEffect(() => {
    if (!me.businessId) return;
    void loadApproved(me.businessId).then((r) =>
      'error' in r ? setLoadError(r.error) : setStaff(sortByVi(r.items, (m) => m.fullName)),
    );
  }, [me.businessId]);

  const shown = useMemo(
    () => (staff ?? []).filter((m) => matchesVi(q, m.fullName, m.idNumber, m.position)),
    [staff, q],
  );
  const allShown = shown.length > 0 && shown.every((m) => selected.has(m.id));
  const toggleAll = () =>
    setSelected((s) => {
      const next = new Set(s);
      for (const m of shown) {
        if (allShown) next.delete(m.id);
        else next.add(m.id);
      }
      return next;
    });
  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const send = async (onActive?: OnActive) => {
    setBusy(true);
    const everyone = staff && selected.size === staff.length;
    const r = await api.post<IssueResult>('/api/v1/permits', {
      staffIds: everyone ? 'all' : [...selected],
      ...(validFrom ? { validFrom } : {}),
      ...(validTo ? { validTo } : {}),
      ...(purpose.trim() ? { purpose: purpose.trim() } : {}),
      ...(onActive ? { onActive } : {}),
    });
    setBusy(false);
    if (!r.ok) {
      if (r.error.code === 'permit_already_active') return setConflict(r.error);
      return setError(r.error);
    }
    setError(null);
    setIssued(r.data);
    setSelected(new Set());
    if (r.data.state === 'done') notify(issuedNotice(r.data));
  };

  const issuedNotice = (b: { issued: number; firstSerial: string | null; lastSerial: string | null }) =>
    b.issued > 0 ? t('issue.done', { n: b.issued, first: b.firstSerial, last: b.lastSerial }) : t('issue.noneIssued');

  const issue = async (e: FormEvent) => {
    e.preventDefault();
    // A date that is not a real day is refused here, never sent as "no date" (which would
    // quietly issue with the default validity).
    const bad = {
      ...(fromOk ? {} : { from: t('issue.dateInvalid') }),
      ...(toOk ? {} : { to: t('issue.dateInvalid') }),
      ...(fromOk && toOk && validFrom && validTo && validFrom > validTo ? { to: t('issue.dateOrder') } : {}),
    };
    if (bad.from || bad.to) {
      setDateError(bad);
      return;
    }
    setDateError(null);
    await send();
  };

  return (
    <Page title={t('nav.issue')} lead={t('issue.lead')} help="cap-va-in-giay">
      {issued ? <IssueResultPanel result={issued} onDone={(b) => notify(issuedNotice(b))} /> : null}
      <ActivePermitDialog
        conflict={conflict}
        onCancel={() => setConflict(null)}
        onChoose={(choice) => {
          setConflict(null);
          void send(choice);
        }}
      />
      <ErrorMessage error={loadError} />
      {!staff ? (
        loadError ? null : (
          <Loading />
        )
      ) : staff.length === 0 ? (
        <InfoBox kind="warn">
          <p>{t('issue.noStaff')}</p>
        </InfoBox>
      ) : (
        <form onSubmit={issue} noValidate>
          <search className="toolbar">
            <TextField
              className="grow"
              type="search"
              label={t('issue.search')}
              hint={t('issue.searchHint')}
              value={q}
              onValue={setQ}
            />
          </search>
          <p aria-live="polite">
            {t('issue.selectedCount', { n: selected.size, total: staff.length })} ·{' '}
            {t('common.shown', { shown: shown.length, total: staff.length })}
          </p>
          <div className="table-wrap pick-table">
            <table className="data cards-on-phone">
              <caption className="visually-hidden">{t('issue.tableCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">
                    <label className="checkbox">
                      <input type="checkbox" checked={allShown} onChange={toggleAll} />
                      {t('issue.selectAll')}
                    </label>
                  </th>
                  <th scope="col">{t('staffFields.fullName')}</th>
                  <th scope="col">{t('staffTable.document')}</th>
                  <th scope="col">{t('staffTable.route')}</th>
                  <th scope="col">{t('staffTable.schedule')}</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((m) => (
                  <tr key={m.id} className={selected.has(m.id) ? 'row-selected' : undefined}>
                    <td data-label={t('issue.pick')}>
                      <div className="cell">
                        <input
                          type="checkbox"
                          id={`pick-${m.id}`}
                          checked={selected.has(m.id)}
                          onChange={() => toggle(m.id)}
                          aria-label={t('issue.pickOne', { name: m.fullName })}
                        />
                      </div>
                    </td>
                    <td data-label={t('staffFields.fullName')}>
                      <div className="cell">
                        <label htmlFor={`pick-${m.id}`}>
                          <strong>{m.fullName}</strong>
                        </label>
                        {m.position ? <span className="muted"> · {m.position}</span> : null}
                      </div>
                    </td>
                    <td data-label={t('staffTable.document')}>
                      <div className="cell">
                        {t(`idTypes.${m.idType}`)} <span className="mono">{m.idNumber}</span>
                      </div>
                    </td>
                    <td data-label={t('staffTable.route')}>
                      <div className="cell">
                        {m.routeFrom} → {m.routeTo}
                      </div>
                    </td>
                    <td data-label={t('staffTable.schedule')}>
                      <div className="cell">
                        {formatDays(m.schedule.days)}, {m.schedule.start}–{m.schedule.end}
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <fieldset className="issue-options">
            <legend className="label">{t('issue.options')}</legend>
            <div className="form-row">
              <DateField
                label={`${t('issue.validFrom')} ${t('common.optional')}`}
                value={validFrom}
                onValue={setValidFrom}
                onValidity={setFromOk}
                error={dateError?.from ?? issueFor(error, 'validFrom')}
              />
              <DateField
                label={`${t('issue.validTo')} ${t('common.optional')}`}
                hint={t('issue.validHint')}
                value={validTo}
                onValue={setValidTo}
                onValidity={setToOk}
                error={dateError?.to ?? issueFor(error, 'validTo')}
              />
              <TextField
                label={`${t('issue.purpose')} ${t('common.optional')}`}
                hint={t('issue.purposeHint')}
                value={purpose}
                onValue={setPurpose}
                error={issueFor(error, 'purpose')}
                maxLength={80}
              />
            </div>
          </fieldset>
          {dateError ? (
            <InfoBox kind="warn">
              <p role="alert">{t('issue.datesBlocked')}</p>
            </InfoBox>
          ) : null}
          <ErrorMessage error={error} focus />
          <p className="form-actions">
            <Button type="submit" variant="primary" busy={busy} disabled={selected.size === 0}>
              {t('issue.submit', { n: selected.size })}
            </Button>
          </p>
        </form>
      )}
    </Page>
  );
}
