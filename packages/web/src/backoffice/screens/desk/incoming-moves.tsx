import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/format.js';
import { type ApiError, api } from '../../lib/api-client.js';
import type { Business, BusinessChange } from '../../lib/api-types.js';
import { useNotices } from '../../lib/notices.js';
import { Button } from '../../ui/button.js';
import { InfoBox } from '../../ui/messages.js';
import { ReasonDialog } from '../../ui/reason-dialog.js';

/**
 * Businesses asking to move their head office into this ward (chuyển phường): the desk decides
 * here, since the business is not yet the ward's (its page is the old ward's). Each shows
 * where it comes from and the old and new address.
 */
export function IncomingMoves({ moves, onDecided }: { moves: BusinessChange[]; onDecided: () => void }) {
  const { t } = useTranslation();
  const { notify } = useNotices();
  const [busy, setBusy] = useState<string | null>(null);
  const [refusing, setRefusing] = useState<BusinessChange | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ApiError | null>(null);

  const decide = async (c: BusinessChange, approve: boolean, e?: FormEvent) => {
    e?.preventDefault();
    setBusy(c.id);
    const r = await api.post<{ business: Business; change: BusinessChange }>(
      `/api/v1/business-changes/${c.id}/${approve ? 'approve' : 'refuse'}`,
      approve ? {} : { reason: reason.trim() },
    );
    setBusy(null);
    if (!r.ok) {
      if (approve) return notify(r.error.message, 'error');
      return setError(r.error);
    }
    setRefusing(null);
    notify(t(approve ? 'deadEnds.moveApproved' : 'deadEnds.moveRefused', { name: r.data.business.name }));
    onDecided();
  };

  return (
    <InfoBox kind="warn">
      <p>
        <strong>{t('deadEnds.incomingTitle', { n: moves.length })}</strong>
      </p>
      {moves.map((c) => (
        <section key={c.id} className="incoming-move" aria-label={c.businessName}>
          <p>
            <strong>{c.businessName}</strong> ({c.taxCode}) —{' '}
            {t('deadEnds.incomingFrom', { ward: c.previous.wardName })}
            <br />
            {t('deadEnds.fields.ward')}:{' '}
            {t('deadEnds.incomingFromTo', { from: c.previous.wardName, to: c.proposed.wardName })}
            <br />
            {t('deadEnds.fields.address')}:{' '}
            {t('deadEnds.incomingFromTo', { from: c.previous.address, to: c.proposed.address })}
            <br />
            <small>{formatDateTime(c.requestedAt)}</small>
          </p>
          {c.businessStatus === 'suspended' ? (
            <p>
              <strong>
                {t('deadEnds.incomingSuspended', {
                  from: c.previous.wardName,
                  reason: c.businessStatusReason ?? t('common.none'),
                })}
              </strong>
            </p>
          ) : null}
          <div className="form-actions">
            <Button variant="primary" busy={busy === c.id} onClick={() => void decide(c, true)}>
              {t('deadEnds.approveMove')}
            </Button>
            <Button
              variant="danger"
              onClick={() => {
                setRefusing(c);
                setReason('');
                setError(null);
              }}
            >
              {t('deadEnds.refuse')}
            </Button>
          </div>
        </section>
      ))}
      <ReasonDialog
        open={refusing !== null}
        title={t('deadEnds.refuseMoveTitle', { name: refusing?.businessName ?? '' })}
        hint={t('dossier.reasonHint')}
        submitLabel={t('deadEnds.refuse')}
        reason={reason}
        onReason={setReason}
        error={error}
        busy={busy !== null}
        onSubmit={(e) => refusing && void decide(refusing, false, e)}
        onClose={() => setRefusing(null)}
      />
    </InfoBox>
  );
}
