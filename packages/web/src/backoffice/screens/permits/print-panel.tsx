import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../lib/api-client.js';
import { type PrintLayout, type PrintRequest, printPermits } from '../../lib/print-permits.js';
import { Button } from '../../ui/button.js';
import { ProgressBar } from '../../ui/file-drop.js';
import { ErrorMessage } from '../../ui/messages.js';

/**
 * Printing on the city's form: A5 one per page or two per A4 sheet; a progress bar while the
 * server renders and streams the PDF; then the file to open or save.
 */
export function PrintPanel({
  request,
  label,
  disabled,
}: {
  request: Omit<PrintRequest, 'layout'> | null;
  label: string;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [layout, setLayout] = useState<PrintLayout>('A5');
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [file, setFile] = useState<{ url: string; count: number } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const abort = useRef<AbortController | null>(null);
  useEffect(
    () => () => {
      abort.current?.abort();
      if (file) URL.revokeObjectURL(file.url);
    },
    [file],
  );
  const start = async () => {
    if (!request) return;
    if (file) URL.revokeObjectURL(file.url);
    setFile(null);
    setError(null);
    abort.current = new AbortController();
    setProgress({ done: 0, total: 0 });
    const r = await printPermits(
      { ...request, layout } as PrintRequest,
      (done, total) => setProgress({ done, total }),
      abort.current.signal,
    );
    setProgress(null);
    if (!r.ok) return setError(r.error);
    setFile({ url: URL.createObjectURL(r.blob), count: r.count });
  };
  return (
    <div className="print-panel">
      <fieldset>
        <legend className="label">{t('print.layout')}</legend>
        {(['A5', 'A4x2'] as const).map((l) => (
          <div className="checkbox" key={l}>
            <input
              type="radio"
              id={`${id}-${l}`}
              name={`${id}-layout`}
              checked={layout === l}
              onChange={() => setLayout(l)}
            />
            <label htmlFor={`${id}-${l}`}>{t(`print.layouts.${l}`)}</label>
          </div>
        ))}
      </fieldset>
      <p className="form-actions">
        <Button variant="primary" onClick={() => void start()} disabled={disabled || !request} busy={progress !== null}>
          {label}
        </Button>
        {progress ? (
          <Button small onClick={() => abort.current?.abort()}>
            {t('common.cancel')}
          </Button>
        ) : null}
      </p>
      {progress ? (
        <div role="status">
          <ProgressBar
            label={t('print.progress')}
            value={progress.total ? progress.done / progress.total : 0}
            detail={t('print.progressDetail', { done: progress.done, total: progress.total })}
          />
        </div>
      ) : null}
      <ErrorMessage error={error} />
      {file ? (
        <div className="notice notice-success" role="status">
          <p className="notice-text">
            {t('print.ready', { n: file.count })}{' '}
            <a className="btn btn-primary btn-small" href={file.url} download="giay-di-duong.pdf">
              {t('print.download')}
            </a>{' '}
            <a className="btn btn-small" href={file.url} target="_blank" rel="noopener">
              {t('print.open')}
            </a>
          </p>
        </div>
      ) : null}
    </div>
  );
}
