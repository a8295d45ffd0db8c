import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { inSentence } from '../../lib/admin-units.js';
import { type ApiError, api, issueFor } from '../../lib/api-client.js';
import type { Business, BusinessChange } from '../../lib/api-types.js';
import { Button } from '../../ui/button.js';
import { Dialog } from '../../ui/dialog.js';
import { TextField } from '../../ui/field.js';
import { ErrorMessage, InfoBox } from '../../ui/messages.js';
import { WardPicker } from './business-fields.js';

/**
 * The business asks to move its head office to another ward (chuyển phường): the new ward
 * (picked as at registration) and the new address, after reading what the move entails. The
 * new ward decides; `onRequested` gets the request.
 */
export function MoveBusinessDialog({
  business: b,
  open,
  onClose,
  onRequested,
}: {
  business: Business;
  open: boolean;
  onClose: () => void;
  onRequested: (change: BusinessChange) => void;
}) {
  const { t } = useTranslation();
  const [wardCode, setWardCode] = useState('');
  const [address, setAddress] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const ward = inSentence(b.wardName);

  const send = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const r = await api.patch<{ business: Business; change: BusinessChange | null }>(`/api/v1/businesses/${b.id}`, {
      wardCode,
      address: address.trim(),
    });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setError(null);
    if (r.data.change) onRequested(r.data.change);
  };

  return (
    <Dialog open={open} title={t('deadEnds.moveTitle')} onClose={onClose}>
      <form className="form" onSubmit={send} noValidate>
        <p>{t('deadEnds.moveLead', { ward })}</p>
        <ErrorMessage error={error} />
        <WardPicker
          value={wardCode}
          onChange={setWardCode}
          error={issueFor(error, 'wardCode')}
          defaultDistrict={b.districtCode}
        />
        <TextField
          label={t('deadEnds.moveAddress')}
          value={address}
          onValue={setAddress}
          error={issueFor(error, 'address')}
          required
        />
        <InfoBox kind="warn">
          <p>
            <strong>{t('deadEnds.moveWarnTitle')}</strong>
          </p>
          <ul>
            <li>{t('deadEnds.moveWarn1', { ward })}</li>
            <li>{t('deadEnds.moveWarn2')}</li>
            <li>{t('deadEnds.moveWarn3', { ward })}</li>
            <li>{t('deadEnds.moveWarn4')}</li>
          </ul>
        </InfoBox>
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={busy} disabled={!wardCode || !address.trim()}>
            {t('deadEnds.moveSend')}
          </Button>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
        </div>
      </form>
    </Dialog>
  );
}
