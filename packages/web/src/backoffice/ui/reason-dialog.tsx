import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApiError, issueFor } from '../lib/api-client.js';
import { Button } from './button.js';
import { Dialog } from './dialog.js';
import { TextAreaField } from './field.js';
import { ErrorMessage } from './messages.js';

/**
 * The dialog of every action that needs a reason and cannot be undone lightly (revoke a
 * permit, take a person off the list, refuse a registration): the reason is required.
 */
export function ReasonDialog({
  open,
  title,
  text,
  hint,
  submitLabel,
  reason,
  onReason,
  error,
  busy,
  onSubmit,
  onClose,
}: {
  open: boolean;
  title: string;
  text?: string;
  hint?: string;
  submitLabel: string;
  reason: string;
  onReason: (v: string) => void;
  error: ApiError | null;
  busy: boolean;
  onSubmit: (e: FormEvent) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Dialog open={open} title={title} onClose={onClose}>
      <form className="form" onSubmit={onSubmit} noValidate>
        {text ? <p>{text}</p> : null}
        <ErrorMessage error={error} />
        <TextAreaField
          label={`${t('common.reason')} ${t('common.required')}`}
          hint={hint}
          value={reason}
          onValue={onReason}
          error={issueFor(error, 'reason')}
          required
        />
        <div className="form-actions">
          <Button type="submit" variant="danger-solid" busy={busy} disabled={!reason.trim()}>
            {submitLabel}
          </Button>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
        </div>
      </form>
    </Dialog>
  );
}
