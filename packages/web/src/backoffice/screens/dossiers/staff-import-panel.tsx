import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { tDynamic } from '../../../i18n/index.js';
import type { ApiError } from '../../lib/api-client.js';
import { upload } from '../../lib/api-client.js';
import type { ImportResult, Problem, StaffEntryInput } from '../../lib/api-types.js';
import { useNotices } from '../../lib/notices.js';
import { readStaffRows, type SheetRefusal, type SheetRows } from '../../lib/read-sheet.js';
import { Button } from '../../ui/button.js';
import { FileDrop, ProgressBar } from '../../ui/file-drop.js';
import { HelpLink } from '../../ui/help-link.js';
import { ErrorMessage, InfoBox } from '../../ui/messages.js';
import { MAX_FILE_BYTES } from './attachments-panel.js';
import { EMPTY_ENTRY, StaffForm } from './staff-form.js';

const SHEET_EXT = /\.(xlsx|csv)$/i;

/** Problems of one spreadsheet row, in row order. */
function byRow(problems: Problem[]): Array<[number, Problem[]]> {
  const m = new Map<number, Problem[]>();
  for (const p of problems) m.set(p.row, [...(m.get(p.row) ?? []), p]);
  return [...m.entries()].sort((a, b) => a[0] - b[0]);
}

/**
 * Importing the staff list: the template to download (xlsx, csv), a file dropped or chosen,
 * a progress bar while it uploads, then the server's verdict on every row. A file with
 * errors is not saved; the user fixes the file and uploads it again, or keeps only the valid
 * rows and fixes the others here, one form per row, filled from the file.
 */
export function StaffImportPanel({ dossierId, onSaved }: { dossierId: string; onSaved: () => void }) {
  const { t } = useTranslation();
  const { notify } = useNotices();
  const [file, setFile] = useState<File | null>(null);
  const [rows, setRows] = useState<SheetRows>(new Map());
  const [progress, setProgress] = useState<number | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [localError, setLocalError] = useState<string | null>(null);
  /** The browser's own reading of the file stopped at a cap (the server refuses it too). */
  const [refused, setRefused] = useState<SheetRefusal | null>(null);
  const [fixing, setFixing] = useState<number | null>(null);
  const [fixed, setFixed] = useState<Set<number>>(new Set());

  const send = async (f: File, keepValidOnly: boolean) => {
    setError(null);
    setLocalError(null);
    setFixing(null);
    setProgress(0);
    const form = new FormData();
    form.append('file', f, f.name);
    const r = await upload<ImportResult>(`/api/v1/dossiers/${dossierId}/staff/import`, form, setProgress, {
      query: keepValidOnly ? { keepValidOnly: 'true' } : {},
    }).result;
    setProgress(null);
    if (!r.ok) return setError(r.error);
    setResult(r.data);
    setFixed(new Set());
    if (r.data.saved) {
      notify(t('staffImport.savedNotice', { n: r.data.savedCount }));
      onSaved();
    }
  };

  const choose = (files: File[]) => {
    const f = files[0];
    if (!f) return;
    if (!SHEET_EXT.test(f.name))
      return setLocalError(t('files.badType', { name: f.name, types: t('staffImport.types') }));
    if (f.size > MAX_FILE_BYTES) return setLocalError(t('files.tooBig', { name: f.name, max: '10 MB' }));
    setFile(f);
    setResult(null);
    setRefused(null);
    void readStaffRows(f).then((read) => {
      setRows(read.rows);
      setRefused(read.refused);
    });
    void send(f, false);
  };

  const fileLevel = result?.errors.some((p) => p.row <= 1) ?? false;
  const canKeep = !!result && !result.saved && result.errors.length > 0 && result.valid > 0 && !fileLevel;
  const canFix = !!result && !fileLevel && (result.saved || result.valid === 0);
  const groups = byRow(result?.errors ?? []);

  return (
    <section className="panel" aria-labelledby="import-title">
      <div className="heading-with-help">
        <h2 id="import-title">{t('staffImport.title')}</h2>
        <HelpLink topic="nhap-danh-sach-tu-excel" />
      </div>
      <p>{t('staffImport.lead')}</p>
      <p className="form-actions">
        <a className="btn" href="/api/v1/staff/template?format=xlsx" download="danh-sach-nguoi-lao-dong.xlsx">
          {t('staffImport.templateXlsx')}
        </a>
        <a className="btn" href="/api/v1/staff/template?format=csv" download="danh-sach-nguoi-lao-dong.csv">
          {t('staffImport.templateCsv')}
        </a>
      </p>
      <FileDrop
        label={t('staffImport.choose')}
        hint={t('staffImport.hint')}
        accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
        onFiles={choose}
        disabled={progress !== null}
      />
      {progress !== null ? (
        <div role="status">
          <ProgressBar label={t('files.uploading', { name: file?.name ?? '' })} value={progress} />
          {progress >= 1 ? <p className="muted">{t('staffImport.checking')}</p> : null}
        </div>
      ) : null}
      {localError ? (
        <div className="notice notice-error" role="alert">
          <p className="notice-text">{localError}</p>
        </div>
      ) : null}
      {refused ? (
        <div className="notice notice-error" role="alert" data-testid="sheet-refused">
          <p className="notice-text">
            {t('staffImport.refused', { why: tDynamic(`staffImport.refusedWhy.${refused}`, refused) })}
          </p>
        </div>
      ) : null}
      <ErrorMessage error={error} />
      {result ? (
        <div className="import-result" aria-live="polite">
          <h3>{t('staffImport.resultTitle', { name: file?.name ?? '' })}</h3>
          <p>
            {t('staffImport.summary', {
              rows: result.rows,
              valid: result.valid,
              errors: result.errors.length,
              warnings: result.warnings.length,
            })}
          </p>
          {result.saved ? (
            <InfoBox kind="success">
              <p>
                {t('staffImport.saved', { n: result.savedCount })}
                {result.replacedCount ? ` ${t('staffImport.replaced', { n: result.replacedCount })}` : ''}
              </p>
            </InfoBox>
          ) : result.errors.length ? (
            <InfoBox kind="warn">
              <p>{fileLevel ? t('staffImport.fileError') : t('staffImport.notSaved')}</p>
            </InfoBox>
          ) : null}
          {canKeep && file ? (
            <p className="form-actions">
              <Button variant="primary" onClick={() => void send(file, true)} busy={progress !== null}>
                {t('staffImport.keepValid', { n: result.valid })}
              </Button>
              <span className="muted">{t('staffImport.keepValidHint')}</span>
            </p>
          ) : null}
          {groups.length ? (
            <div className="table-wrap">
              <table className="data cards-on-phone problems">
                <caption>{t('staffImport.problemsCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('staffImport.row')}</th>
                    <th scope="col">{t('staffImport.column')}</th>
                    <th scope="col">{t('staffImport.message')}</th>
                    <th scope="col">{t('common.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {groups.map(([row, problems]) => (
                    <Fragment key={row}>
                      {problems.map((p, i) => (
                        <tr
                          key={`${row}-${p.field}-${p.code}-${p.message}`}
                          className={fixed.has(row) ? 'row-fixed' : undefined}
                        >
                          <td data-label={t('staffImport.row')} className="num">
                            <div className="cell">{row === 0 ? t('staffImport.wholeFile') : row}</div>
                          </td>
                          <td data-label={t('staffImport.column')}>
                            <div className="cell">
                              {p.field ? tDynamic(`staffFields.${p.field}`, p.field) : t('common.none')}
                            </div>
                          </td>
                          <td data-label={t('staffImport.message')}>
                            <div className="cell">{p.message}</div>
                          </td>
                          <td data-label={t('common.actions')}>
                            <div className="cell">
                              {i > 0 || row <= 1 ? null : fixed.has(row) ? (
                                <span className="badge badge-good">
                                  <span aria-hidden="true">✓ </span>
                                  {t('staffImport.fixed')}
                                </span>
                              ) : canFix ? (
                                <Button
                                  small
                                  aria-expanded={fixing === row}
                                  onClick={() => setFixing(fixing === row ? null : row)}
                                >
                                  {t('staffImport.fixRow', { row })}
                                </Button>
                              ) : null}
                            </div>
                          </td>
                        </tr>
                      ))}
                      {fixing === row ? (
                        <tr className="fix-row">
                          <td colSpan={4}>
                            <h4>{t('staffImport.fixTitle', { row })}</h4>
                            <StaffForm
                              idPrefix={`fix-${row}`}
                              dossierId={dossierId}
                              initial={{ ...EMPTY_ENTRY, ...(rows.get(row) as Partial<StaffEntryInput> | undefined) }}
                              problems={problems}
                              onCancel={() => setFixing(null)}
                              onSaved={(m) => {
                                setFixing(null);
                                setFixed((s) => new Set(s).add(row));
                                notify(t('staffImport.fixedNotice', { row, name: m.fullName }));
                                onSaved();
                              }}
                            />
                          </td>
                        </tr>
                      ) : null}
                    </Fragment>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
          {!canFix && groups.length && !fileLevel && !result.saved ? (
            <p className="muted">{t('staffImport.fixAfterKeep')}</p>
          ) : null}
          {result.warnings.length ? (
            <details>
              <summary>{t('staffImport.warnings', { n: result.warnings.length })}</summary>
              <ul>
                {result.warnings.map((w) => (
                  <li key={`${w.row}-${w.field}-${w.code}-${w.message}`}>
                    {w.row > 0 ? `${t('staffImport.row')} ${w.row}: ` : ''}
                    {w.message}
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
