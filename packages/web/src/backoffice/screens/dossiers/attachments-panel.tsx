import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/format.js';
import { type ApiError, api, upload } from '../../lib/api-client.js';
import type { Attachment } from '../../lib/api-types.js';
import { useNotices } from '../../lib/notices.js';
import { Button } from '../../ui/button.js';
import { FileDrop, formatBytes, ProgressBar } from '../../ui/file-drop.js';
import { ErrorMessage } from '../../ui/messages.js';

export const MAX_FILE_BYTES = 10 * 1024 * 1024;
const PLAN_TYPES = ['application/pdf', 'image/jpeg', 'image/png'];
const PLAN_EXT = /\.(pdf|jpe?g|png)$/i;

/**
 * The plan's files: upload (PDF, JPEG, PNG, at most 10 MB each; checked here for a quick
 * answer, and by content on the server), view in the page (PDF in a frame, images inline),
 * download, delete while the dossier can be changed.
 */
export function AttachmentsPanel({
  dossierId,
  attachments,
  canUpload,
  onChange,
}: {
  dossierId: string;
  attachments: Attachment[];
  canUpload: boolean;
  onChange: () => void;
}) {
  const { t } = useTranslation();
  const { notify } = useNotices();
  const [problems, setProblems] = useState<string[]>([]);
  const [progress, setProgress] = useState<{ name: string; value: number } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [viewing, setViewing] = useState<string | null>(null);

  const send = async (files: File[]) => {
    const bad: string[] = [];
    const good: File[] = [];
    for (const f of files) {
      if (f.size > MAX_FILE_BYTES) bad.push(t('files.tooBig', { name: f.name, max: '10 MB' }));
      else if (!PLAN_TYPES.includes(f.type) && !PLAN_EXT.test(f.name))
        bad.push(t('files.badType', { name: f.name, types: t('attachments.types') }));
      else good.push(f);
    }
    setProblems(bad);
    setError(null);
    let sent = 0;
    for (const f of good) {
      const form = new FormData();
      form.append('file', f, f.name);
      setProgress({ name: f.name, value: 0 });
      const r = await upload<Attachment>(`/api/v1/dossiers/${dossierId}/attachments`, form, (v) =>
        setProgress({ name: f.name, value: v }),
      ).result;
      if (!r.ok) {
        setError({ ...r.error, message: `${f.name}: ${r.error.message}` });
        break;
      }
      sent++;
    }
    setProgress(null);
    if (sent > 0) {
      notify(t('attachments.uploaded', { n: sent }));
      onChange();
    }
  };

  const remove = async (a: Attachment) => {
    const r = await api.delete(`/api/v1/dossiers/${dossierId}/attachments/${a.id}`);
    if (!r.ok) return notify(r.error.message, 'error');
    notify(t('attachments.deleted', { name: a.fileName }));
    onChange();
  };

  return (
    <section className="panel" aria-labelledby="attachments-title">
      <h2 id="attachments-title">{t('attachments.title')}</h2>
      <p className="muted">{t('attachments.lead')}</p>
      {attachments.length === 0 ? (
        <p>{t('attachments.none')}</p>
      ) : (
        <ul className="file-list">
          {attachments.map((a) => (
            <li key={a.id}>
              <span>
                <strong>{a.fileName}</strong>
                <br />
                <span className="muted">
                  {t(`attachments.kind.${a.contentType === 'application/pdf' ? 'pdf' : 'image'}`)} ·{' '}
                  {formatBytes(a.size)} · {formatDateTime(a.uploadedAt)}
                </span>
              </span>
              <span className="page-actions">
                <Button
                  small
                  aria-expanded={viewing === a.id}
                  onClick={() => setViewing(viewing === a.id ? null : a.id)}
                >
                  {viewing === a.id ? t('attachments.hide') : t('common.view')}
                  <span className="visually-hidden"> {a.fileName}</span>
                </Button>
                <a className="btn btn-small" href={a.url} download={a.fileName}>
                  {t('common.download')}
                  <span className="visually-hidden"> {a.fileName}</span>
                </a>
                {canUpload ? (
                  <Button small variant="danger" onClick={() => void remove(a)}>
                    {t('common.delete')}
                    <span className="visually-hidden"> {a.fileName}</span>
                  </Button>
                ) : null}
              </span>
              {viewing === a.id ? <AttachmentViewer attachment={a} /> : null}
            </li>
          ))}
        </ul>
      )}
      {canUpload ? (
        <div className="upload-area">
          <FileDrop
            label={t('attachments.add')}
            hint={t('attachments.hint')}
            accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
            multiple
            onFiles={(f) => void send(f)}
            disabled={progress !== null}
          />
          {progress ? (
            <ProgressBar label={t('files.uploading', { name: progress.name })} value={progress.value} />
          ) : null}
          {problems.length ? (
            <div className="notice notice-error" role="alert">
              <ul className="notice-text">
                {problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            </div>
          ) : null}
          <ErrorMessage error={error} />
        </div>
      ) : null}
    </section>
  );
}

/**
 * A file shown in the page. PDFs are fetched and shown from a blob: URL (the API forbids
 * being framed directly); images load as they are.
 */
function AttachmentViewer({ attachment }: { attachment: Attachment }) {
  const { t } = useTranslation();
  const isPdf = attachment.contentType === 'application/pdf';
  const [blobUrl, setBlobUrl] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (!isPdf) return;
    let url: string | null = null;
    let live = true;
    void fetch(`${attachment.url}?inline=1`, { credentials: 'same-origin' })
      .then((r) => (r.ok ? r.blob() : Promise.reject(new Error(String(r.status)))))
      .then((b) => {
        url = URL.createObjectURL(new Blob([b], { type: 'application/pdf' }));
        if (live) setBlobUrl(url);
      })
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [attachment.url, isPdf]);
  if (!isPdf) {
    return (
      <div className="viewer">
        <img src={`${attachment.url}?inline=1`} alt={t('attachments.imageAlt', { name: attachment.fileName })} />
      </div>
    );
  }
  if (failed) return <p className="error-text">{t('errors.loadFailed')}</p>;
  if (!blobUrl) return <p className="muted">{t('common.loading')}</p>;
  return (
    <div className="viewer">
      <iframe src={blobUrl} title={t('attachments.pdfTitle', { name: attachment.fileName })} />
    </div>
  );
}
