import { type DragEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Drop files here, or choose them with a real button (keyboard and screen readers). The
 * check of types and sizes is the caller's (and, in the end, the server's).
 */
export function FileDrop({
  label,
  hint,
  accept,
  multiple,
  onFiles,
  disabled,
}: {
  label: string;
  hint?: string;
  accept?: string;
  multiple?: boolean;
  onFiles: (files: File[]) => void;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const id = useId();
  const [over, setOver] = useState(false);
  const drop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    if (disabled) return;
    const files = [...e.dataTransfer.files];
    if (files.length) onFiles(multiple ? files : files.slice(0, 1));
  };
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: dropping is a mouse shortcut; the button below is the way for everyone
    <div
      className={`dropzone${over ? ' over' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
    >
      <p className="label" id={`${id}-label`}>
        {label}
      </p>
      {hint ? (
        <p className="muted" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <p aria-hidden="true" className="muted">
        {t('files.dropHere')}
      </p>
      <input
        ref={input}
        id={id}
        type="file"
        className="visually-hidden"
        accept={accept}
        multiple={multiple}
        disabled={disabled}
        aria-labelledby={`${id}-label`}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = '';
          if (files.length) onFiles(files);
        }}
      />
      <button type="button" className="btn btn-primary" disabled={disabled} onClick={() => input.current?.click()}>
        {t('files.choose')}
      </button>
    </div>
  );
}

/** A labelled progress bar (0…1), announced as it moves. */
export function ProgressBar({ label, value, detail }: { label: string; value: number; detail?: string }) {
  const id = useId();
  const pct = Math.round(Math.max(0, Math.min(1, value)) * 100);
  return (
    <div className="progress">
      <span id={id}>
        {label} — {pct}%{detail ? ` (${detail})` : ''}
      </span>
      <progress aria-labelledby={id} max={100} value={pct} />
    </div>
  );
}

/** "1,2 MB", "350 KB". */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${Math.round(n / 1024).toLocaleString('vi-VN')} KB`;
  return `${(n / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB`;
}
