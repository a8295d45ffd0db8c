import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../lib/api-client.js';
import { useNotices } from '../lib/notices.js';

/**
 * The page's message area: two live regions that always exist (so screen readers listen to
 * them from the start) and show the latest notice.
 */
export function NoticeArea() {
  const { t } = useTranslation();
  const { notice, dismiss } = useNotices();
  const error = notice?.kind === 'error' ? notice : null;
  const other = notice && notice.kind !== 'error' ? notice : null;
  return (
    <>
      <div role="alert" aria-atomic="true">
        {error ? (
          <div className="notice notice-error" key={error.id}>
            <p className="notice-text">{error.text}</p>
            <button type="button" className="link" onClick={dismiss}>
              {t('common.dismiss')}
            </button>
          </div>
        ) : null}
      </div>
      <div role="status" aria-live="polite" aria-atomic="true">
        {other ? (
          <div className={`notice notice-${other.kind}`} key={other.id}>
            <p className="notice-text">{other.text}</p>
            <button type="button" className="link" onClick={dismiss}>
              {t('common.dismiss')}
            </button>
          </div>
        ) : null}
      </div>
    </>
  );
}

/** An error in place (a form's failure): the server's message and its field issues. */
export function ErrorMessage({ error, focus }: { error: ApiError | null | undefined; focus?: boolean }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (error && focus) ref.current?.focus();
  }, [error, focus]);
  if (!error) return null;
  return (
    <div className="notice notice-error" role="alert" ref={ref} tabIndex={-1}>
      <div className="notice-text">
        <p>{error.message}</p>
        {error.issues.length > 0 ? (
          <ul>
            {error.issues.map((i) => (
              <li key={`${i.path}:${i.code}`}>{i.message}</li>
            ))}
          </ul>
        ) : null}
      </div>
    </div>
  );
}

export function InfoBox({ kind = 'info', children }: { kind?: 'info' | 'warn' | 'success'; children: ReactNode }) {
  return (
    <div className={`notice notice-${kind}`}>
      <div className="notice-text">{children}</div>
    </div>
  );
}

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <p className="muted" role="status">
      {label ?? t('common.loading')}
    </p>
  );
}
