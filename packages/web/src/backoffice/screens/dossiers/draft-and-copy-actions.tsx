import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApiError, api } from '../../lib/api-client.js';
import type { DossierDetail } from '../../lib/api-types.js';
import { useNotices } from '../../lib/notices.js';
import { navigate } from '../../lib/router.js';
import { useUser } from '../../lib/session.js';
import { Button } from '../../ui/button.js';
import { Dialog } from '../../ui/dialog.js';
import { ErrorMessage } from '../../ui/messages.js';

/**
 * No dead ends for the dossier's keeper: a draft can be deleted (nothing the ward saw is
 * lost), a rejected dossier copied into a new draft to fix and submit again.
 */
export function DraftAndCopyActions({ dossier: d }: { dossier: DossierDetail }) {
  const { t } = useTranslation();
  const me = useUser();
  const { notify } = useNotices();
  const [asking, setAsking] = useState<'delete' | 'copy' | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const keeper = d.channel === 'online' ? me.role === 'business_rep' : me.role === 'ward_officer';
  const can = d.state === 'draft' && d.editable ? 'delete' : d.state === 'rejected' && keeper ? 'copy' : null;
  if (!can) return null;
  const go = async () => {
    setBusy(true);
    const r =
      asking === 'delete'
        ? await api.delete<{ deleted: true }>(`/api/v1/dossiers/${d.id}`)
        : await api.post<DossierDetail>(`/api/v1/dossiers/${d.id}/copy`, {});
    setBusy(false);
    if (!r.ok) return setError(r.error);
    if (asking === 'delete') {
      notify(t('deadEnds.deleted'));
      navigate(me.role === 'business_rep' ? '/dossiers' : '/inbox');
    } else {
      notify(t('deadEnds.copied'));
      navigate(`/dossiers/${(r.data as DossierDetail).id}`);
    }
    setAsking(null);
  };
  return (
    <>
      <p className="form-actions">
        <Button
          variant={can === 'delete' ? 'danger' : 'primary'}
          onClick={() => {
            setError(null);
            setAsking(can);
          }}
        >
          {can === 'delete' ? t('deadEnds.deleteDraft') : t('deadEnds.copy')}
        </Button>
      </p>
      <Dialog
        open={asking !== null}
        title={asking === 'delete' ? t('deadEnds.deleteTitle') : t('deadEnds.copyTitle')}
        onClose={() => setAsking(null)}
      >
        <p>{asking === 'delete' ? t('deadEnds.deleteText') : t('deadEnds.copyText')}</p>
        <ErrorMessage error={error} />
        <div className="form-actions">
          <Button variant={asking === 'delete' ? 'danger-solid' : 'primary'} busy={busy} onClick={() => void go()}>
            {asking === 'delete' ? t('deadEnds.deleteDraft') : t('deadEnds.copy')}
          </Button>
          <Button onClick={() => setAsking(null)}>{t('common.cancel')}</Button>
        </div>
      </Dialog>
    </>
  );
}
