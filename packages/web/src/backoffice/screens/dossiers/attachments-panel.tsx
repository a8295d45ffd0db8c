import { MAX_UPLOAD_BYTES } from '@thonghanh/contract/limits';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/format.js';
import { type ApiError, api, upload } from '../../lib/api-client.js';
import type { Attachment } from '../../lib/api-types.js';
import { useNotices } from '../../lib/notices.js';
import { Badge } from '../../ui/badge.js';
import { Button } from '../../ui/button.js';
import { TextField } from '../../ui/field.js';
import { FileDrop, formatBytes, ProgressBar } from '../../ui/file-drop.js';
import { ErrorMessage, InfoBox } from '../../ui/messages.js';

/** The server's upload limit (the contract's): a bigger file is refused here, before sending. */
export const MAX_FILE_BYTES = MAX_UPLOAD_BYTES;
const PLAN_TYPES = ['application/pdf', 'image/jpeg', 'image/png'];
const PLAN_EXT = /\.(pdf|jpe?g|png)$/i;

/**
 * The plan's files: upload (PDF, JPEG, PNG, at most 10 MB each; checked here for a quick
 * answer, and by content on the server), view in the page (PDF in a frame, images inline),
 * download. Once the dossier has been submitted the files are evidence: no delete, and a
 * correction is a new version uploaded over the current one, the older versions kept below it.
 * A draft's files can still be deleted.
 */
export function AttachmentsPanel({
  dossierId,
  attachments,
  rights,
  draft,
  onChange,
}: {
  dossierId: string;
  attachments: Attachment[];
  rights: { upload: boolean; delete: boolean };
  /** Never submitted: its files can still be deleted by whoever may change them. */
  draft: boolean;
  onChange: () => void;
}) {
  const { t } = useTranslation();
  const { notify } = useNotices();
  const [problems, setProblems] = useState<string[]>([]);
  const [progress, setProgress] = useState<{ name: string; value: number } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [viewing, setViewing] = useState<string | null>(null);
  const [replacing, setReplacing] = useState<string | null>(null);

  const byId = new Map(attachments.map((a) => [a.id, a]));
  const current = attachments.filter((a) => a.supersededById === null);
  const olderOf = (a: Attachment): Attachment[] => {
    const out: Attachment[] = [];
    for (
      let p = a.replacesId ? byId.get(a.replacesId) : undefined;
      p;
      p = p.replacesId ? byId.get(p.replacesId) : undefined
    )
      out.push(p);
    return out;
  };

  const check = (files: File[]) => {
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
    return good;
  };

  /** Sends files one by one (to `url`), the optional note before each file. */
  const sendTo = async (url: string, files: File[], note = ''): Promise<Attachment[]> => {
    const sent: Attachment[] = [];
    for (const f of files) {
      const form = new FormData();
      if (note.trim()) form.append('note', note.trim());
      form.append('file', f, f.name);
      setProgress({ name: f.name, value: 0 });
      const r = await upload<Attachment>(url, form, (v) => setProgress({ name: f.name, value: v })).result;
      if (!r.ok) {
        setError({ ...r.error, message: `${f.name}: ${r.error.message}` });
        break;
      }
      sent.push(r.data);
    }
    setProgress(null);
    return sent;
  };

  const send = async (files: File[]) => {
    const sent = await sendTo(`/api/v1/dossiers/${dossierId}/attachments`, check(files));
    if (sent.length > 0) {
      notify(t('attachments.uploaded', { n: sent.length }));
      onChange();
    }
  };

  const replace = async (a: Attachment, files: File[], note: string) => {
    const [added] = await sendTo(`${a.url}/versions`, check(files).slice(0, 1), note);
    if (added) {
      notify(t('attachments.replaced', { n: added.version, name: a.fileName }));
      setReplacing(null);
      onChange();
    }
  };

  const remove = async (a: Attachment) => {
    const r = await api.delete(`/api/v1/dossiers/${dossierId}/attachments/${a.id}`);
    if (!r.ok) return notify(r.error.message, 'error');
    notify(t('attachments.deleted', { name: a.fileName }));
    onChange();
  };

  const who = (a: Attachment) =>
    a.uploadedByName
      ? t('attachments.uploadedBy', { name: a.uploadedByName, at: formatDateTime(a.uploadedAt) })
      : t('attachments.uploadedAt', { at: formatDateTime(a.uploadedAt) });

  return (
    <section className="panel" aria-labelledby="attachments-title">
      <h2 id="attachments-title">{t('attachments.title')}</h2>
      <p className="muted">{t('attachments.lead')}</p>
      {!draft && attachments.length > 0 ? <InfoBox>{t('attachments.evidence')}</InfoBox> : null}
      {current.length === 0 ? (
        <p>{t('attachments.none')}</p>
      ) : (
        <ul className="file-list">
          {current.map((a) => {
            const older = olderOf(a);
            return (
              <li key={a.id}>
                <span>
                  <strong>{a.fileName}</strong>{' '}
                  {a.version > 1 ? <Badge tone="info">{t('attachments.version', { n: a.version })}</Badge> : null}
                  <br />
                  <span className="muted">
                    {t(`attachments.kind.${a.contentType === 'application/pdf' ? 'pdf' : 'image'}`)} ·{' '}
                    {formatBytes(a.size)} · {who(a)}
                  </span>
                  {a.note ? <span className="event-note">{t('attachments.reason', { note: a.note })}</span> : null}
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
                  {rights.upload ? (
                    <Button
                      small
                      aria-expanded={replacing === a.id}
                      onClick={() => setReplacing(replacing === a.id ? null : a.id)}
                    >
                      {t('attachments.replace')}
                      <span className="visually-hidden"> {a.fileName}</span>
                    </Button>
                  ) : null}
                  {rights.delete ? (
                    <Button small variant="danger" onClick={() => void remove(a)}>
                      {t('common.delete')}
                      <span className="visually-hidden"> {a.fileName}</span>
                    </Button>
                  ) : null}
                </span>
                {viewing === a.id ? <AttachmentViewer attachment={a} /> : null}
                {replacing === a.id ? (
                  <ReplaceForm
                    attachment={a}
                    busy={progress !== null}
                    onFiles={(files, note) => void replace(a, files, note)}
                    onCancel={() => setReplacing(null)}
                  />
                ) : null}
                {older.length > 0 ? (
                  <details className="versions">
                    <summary>{t('attachments.older', { n: older.length })}</summary>
                    <ol>
                      {older.map((o) => (
                        <li key={o.id}>
                          <span>
                            {t('attachments.version', { n: o.version })}: <strong>{o.fileName}</strong>
                            <br />
                            <span className="muted">
                              {formatBytes(o.size)} · {who(o)}
                              {o.supersededAt
                                ? ` · ${t('attachments.supersededAt', { at: formatDateTime(o.supersededAt) })}`
                                : null}
                            </span>
                            {o.note ? (
                              <span className="event-note">{t('attachments.reason', { note: o.note })}</span>
                            ) : null}
                          </span>
                          <a className="btn btn-small" href={o.url} download={o.fileName}>
                            {t('common.download')}
                            <span className="visually-hidden"> {o.fileName}</span>
                          </a>
                        </li>
                      ))}
                    </ol>
                  </details>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
      {rights.upload ? (
        <div className="upload-area">
          <FileDrop
            label={t('attachments.add')}
            hint={t('attachments.hint')}
            accept={ACCEPT}
            multiple
            onFiles={(f) => void send(f)}
            disabled={progress !== null}
          />
        </div>
      ) : null}
      {progress ? <ProgressBar label={t('files.uploading', { name: progress.name })} value={progress.value} /> : null}
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
    </section>
  );
}

const ACCEPT = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';

/** A new version of one file: why (optional), then the file, sent as soon as it is chosen. */
function ReplaceForm({
  attachment,
  busy,
  onFiles,
  onCancel,
}: {
  attachment: Attachment;
  busy: boolean;
  onFiles: (files: File[], note: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  return (
    <div className="replace-form">
      <h3>{t('attachments.replaceTitle', { name: attachment.fileName })}</h3>
      <p className="muted">{t('attachments.replaceLead')}</p>
      <TextField
        label={
          <>
            {t('attachments.replaceNote')} <span className="muted">{t('common.optional')}</span>
          </>
        }
        hint={t('attachments.replaceNoteHint')}
        value={note}
        maxLength={500}
        onValue={setNote}
      />
      <FileDrop
        label={t('attachments.replaceChoose')}
        hint={t('attachments.hint')}
        accept={ACCEPT}
        onFiles={(f) => onFiles(f, note)}
        disabled={busy}
      />
      <p>
        <Button small onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </p>
    </div>
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
