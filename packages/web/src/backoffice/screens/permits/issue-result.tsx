import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api-client.js';
import type { Page as ApiPage, IssueResult, Permit, PermitBatch } from '../../lib/api-types.js';
import { formatDay } from '../../lib/dates.js';
import { Link } from '../../lib/router.js';
import { useApi } from '../../lib/use-api.js';
import { ProgressBar } from '../../ui/file-drop.js';
import { ErrorMessage, InfoBox } from '../../ui/messages.js';
import { Pager } from '../../ui/pager.js';
import { PrintPanel } from './print-panel.js';

const PAGE_SIZE = 20;
/** How often a running batch is asked for its progress. */
const POLL_MS = 1000;

/**
 * What an issuance did: while the batch runs (large lists are issued in chunks in the
 * background), a progress bar; then the summary (issued, left out, replaced), printing the
 * batch as one PDF, and its permits page by page (never the whole list at once).
 */
export function IssueResultPanel({ result, onDone }: { result: IssueResult; onDone?: (b: PermitBatch) => void }) {
  const { t } = useTranslation();
  const [batch, setBatch] = useState<PermitBatch>(result);
  const [page, setPage] = useState(1);
  useEffect(() => {
    setBatch(result);
    setPage(1);
  }, [result]);
  useEffect(() => {
    if (batch.state !== 'running') return;
    const timer = setTimeout(async () => {
      const r = await api.get<PermitBatch>(`/api/v1/permits/batches/${batch.batchId}`);
      if (r.ok) {
        setBatch(r.data);
        if (r.data.state !== 'running') onDone?.(r.data);
      }
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [batch, onDone]);
  const running = batch.state === 'running';
  const list = useApi<ApiPage<Permit>>(running ? null : '/api/v1/permits', {
    batchId: batch.batchId,
    page,
    pageSize: PAGE_SIZE,
  });
  return (
    <section className="panel" aria-labelledby="issued-title">
      <h2 id="issued-title">{t('issue.resultTitle')}</h2>
      {running ? (
        <div role="status">
          <ProgressBar
            label={t('issue.progress')}
            value={batch.requested ? batch.processed / batch.requested : 0}
            detail={t('issue.progressDetail', { done: batch.processed, total: batch.requested, issued: batch.issued })}
          />
          <p className="muted">{t('issue.progressHint')}</p>
        </div>
      ) : (
        <InfoBox kind={batch.state === 'failed' ? 'warn' : 'success'}>
          <p>
            {batch.issued > 0
              ? t('issue.done', { n: batch.issued, first: batch.firstSerial, last: batch.lastSerial })
              : t('issue.noneIssued')}
          </p>
          <p>
            {t('issue.summary', {
              requested: batch.requested,
              skipped: batch.skipped,
              replaced: batch.replaced,
              from: formatDay(batch.validFromDate),
              to: formatDay(batch.validToDate),
            })}
          </p>
          {batch.state === 'failed' ? <p>{t('issue.failed')}</p> : null}
        </InfoBox>
      )}
      {!running && batch.issued > 0 ? (
        <>
          <PrintPanel request={{ batchId: batch.batchId }} label={t('issue.printThem', { n: batch.issued })} />
          <ErrorMessage error={list.error} />
          {list.data ? (
            <>
              <div className="table-wrap">
                <table className="data cards-on-phone">
                  <caption className="visually-hidden">{t('issue.batchCaption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('permits.serial')}</th>
                      <th scope="col">{t('staffFields.fullName')}</th>
                      <th scope="col">{t('staffTable.document')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {list.data.items.map((p) => (
                      <tr key={p.id}>
                        <td data-label={t('permits.serial')}>
                          <div className="cell mono">{p.serial}</div>
                        </td>
                        <td data-label={t('staffFields.fullName')}>
                          <div className="cell">{p.holder}</div>
                        </td>
                        <td data-label={t('staffTable.document')}>
                          <div className="cell">
                            {t(`idTypes.${p.idType}`)} <span className="mono">{p.idNumber}</span>
                          </div>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <Pager page={page} pageSize={PAGE_SIZE} total={list.data.total} onPage={setPage} />
            </>
          ) : null}
        </>
      ) : null}
      <p>
        <Link to="/permits">{t('issue.seeAll')}</Link>
      </p>
    </section>
  );
}
