import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApiError, api, issueFor } from '../../lib/api-client.js';
import type { DossierAction, DossierDetail } from '../../lib/api-types.js';
import { useNotices } from '../../lib/notices.js';
import { Button } from '../../ui/button.js';
import { Dialog } from '../../ui/dialog.js';
import { TextAreaField, TextField } from '../../ui/field.js';
import { ErrorMessage } from '../../ui/messages.js';

const PATHS: Record<DossierAction, string> = {
  submit: 'submit',
  confirm_health: 'confirm-health',
  return: 'return',
  send_for_signature: 'send-for-signature',
  return_to_desk: 'return-to-desk',
  approve: 'approve',
  reject: 'reject',
  suspend: 'suspend',
  reinstate: 'reinstate',
  reopen: 'reopen',
};

/** Actions whose reason is what the business reads: the server requires it. */
const NOTE_REQUIRED = new Set<DossierAction>(['return', 'return_to_desk', 'reject', 'suspend', 'reinstate', 'reopen']);
const ORDER: DossierAction[] = [
  'submit',
  'confirm_health',
  'send_for_signature',
  'approve',
  'reinstate',
  'reopen',
  'return',
  'return_to_desk',
  'reject',
  'suspend',
];
const DANGER = new Set<DossierAction>(['return', 'return_to_desk', 'reject', 'suspend']);

/**
 * The buttons for what the viewer may do now (the server's `actions`), each confirmed in a
 * dialog that asks for the reason when one is required.
 */
export function DossierActions({ dossier, onDone }: { dossier: DossierDetail; onDone: (d: DossierDetail) => void }) {
  const { t } = useTranslation();
  const { notify } = useNotices();
  const [action, setAction] = useState<DossierAction | null>(null);
  const [note, setNote] = useState('');
  // Submit: the representative's commitment (ký cam kết), required by the server.
  const [accepted, setAccepted] = useState(false);
  const [signer, setSigner] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const actions = ORDER.filter((a) => dossier.actions.includes(a));
  if (actions.length === 0) return null;
  const open = (a: DossierAction) => {
    setAction(a);
    setNote('');
    setAccepted(false);
    setSigner('');
    setError(null);
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!action) return;
    setBusy(true);
    const r = await api.post<DossierDetail>(`/api/v1/dossiers/${dossier.id}/${PATHS[action]}`, {
      ...(note.trim() ? { note: note.trim() } : {}),
      ...(action === 'submit' ? { commitment: { accepted, name: signer.trim() } } : {}),
    });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setAction(null);
    notify(t(`dossierActions.done.${action}`));
    onDone(r.data);
  };
  return (
    <section className="panel" aria-labelledby="dossier-actions">
      <h2 id="dossier-actions">{t('dossier.actionsTitle')}</h2>
      <div className="form-actions">
        {actions.map((a) => (
          <Button key={a} variant={DANGER.has(a) ? 'danger' : 'primary'} onClick={() => open(a)}>
            {t(`dossierActions.button.${a}`)}
          </Button>
        ))}
      </div>
      <Dialog
        open={action !== null}
        title={action ? t(`dossierActions.title.${action}`) : ''}
        onClose={() => setAction(null)}
      >
        {action ? (
          <form className="form" onSubmit={submit} noValidate>
            <p>{t(`dossierActions.explain.${action}`)}</p>
            <ErrorMessage error={error} />
            {action === 'submit' ? (
              <fieldset className="commitment">
                <legend>{t('dossierActions.commitment.title')}</legend>
                <p>{dossier.commitmentText}</p>
                <label className="check">
                  <input type="checkbox" checked={accepted} onChange={(e) => setAccepted(e.target.checked)} />{' '}
                  {t('dossierActions.commitment.accept')}
                </label>
                <TextField label={t('dossierActions.commitment.name')} value={signer} onValue={setSigner} required />
              </fieldset>
            ) : null}
            <TextAreaField
              label={
                NOTE_REQUIRED.has(action)
                  ? `${t('common.reason')} ${t('common.required')}`
                  : `${t('common.note')} ${t('common.optional')}`
              }
              hint={NOTE_REQUIRED.has(action) ? t('dossier.reasonHint') : undefined}
              value={note}
              onValue={setNote}
              rows={4}
              required={NOTE_REQUIRED.has(action)}
              error={issueFor(error, 'note')}
            />
            <div className="form-actions">
              <Button
                type="submit"
                variant={DANGER.has(action) ? 'danger-solid' : 'primary'}
                busy={busy}
                disabled={
                  (NOTE_REQUIRED.has(action) && !note.trim()) || (action === 'submit' && (!accepted || !signer.trim()))
                }
              >
                {t(`dossierActions.button.${action}`)}
              </Button>
              <Button onClick={() => setAction(null)}>{t('common.cancel')}</Button>
            </div>
          </form>
        ) : null}
      </Dialog>
    </section>
  );
}
