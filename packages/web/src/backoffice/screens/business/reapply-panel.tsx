import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApiError, api, issueFor } from '../../lib/api-client.js';
import type { Business } from '../../lib/api-types.js';
import { useNotices } from '../../lib/notices.js';
import { Button } from '../../ui/button.js';
import { TextField } from '../../ui/field.js';
import { ErrorMessage } from '../../ui/messages.js';

/**
 * A refused registration is not a dead end: the business corrects what the desk said (its
 * details, the tax code and ward aside) and sends the registration again.
 */
export function ReapplyPanel({ business: b, onChanged }: { business: Business; onChanged: (b: Business) => void }) {
  const { t } = useTranslation();
  const { notify } = useNotices();
  const [v, setV] = useState({
    name: b.name,
    address: b.address,
    lineOfBusiness: b.lineOfBusiness,
    contactName: b.contactName,
    contactPhone: b.contactPhone,
    contactEmail: b.contactEmail ?? '',
  });
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof v) => (x: string) => setV({ ...v, [k]: x });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const r = await api.post<Business>(`/api/v1/businesses/${b.id}/reapply`, {
      name: v.name.trim(),
      address: v.address.trim(),
      lineOfBusiness: v.lineOfBusiness.trim(),
      contactName: v.contactName.trim(),
      contactPhone: v.contactPhone.trim(),
      contactEmail: v.contactEmail.trim() || null,
    });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    onChanged(r.data);
    notify(t('deadEnds.reapplied'));
  };
  return (
    <section className="panel" aria-labelledby="reapply">
      <h2 id="reapply">{t('deadEnds.reapplyTitle')}</h2>
      <p>{t('deadEnds.reapplyLead')}</p>
      <form className="form" onSubmit={submit} noValidate>
        <ErrorMessage error={error} />
        <TextField label={t('business.name')} value={v.name} onValue={set('name')} error={issueFor(error, 'name')} />
        <TextField
          label={t('business.address')}
          value={v.address}
          onValue={set('address')}
          error={issueFor(error, 'address')}
        />
        <TextField
          label={t('business.lineOfBusiness')}
          value={v.lineOfBusiness}
          onValue={set('lineOfBusiness')}
          error={issueFor(error, 'lineOfBusiness')}
        />
        <div className="form-row">
          <TextField
            label={t('business.contactName')}
            value={v.contactName}
            onValue={set('contactName')}
            error={issueFor(error, 'contactName')}
          />
          <TextField
            label={t('business.contactPhone')}
            value={v.contactPhone}
            onValue={set('contactPhone')}
            error={issueFor(error, 'contactPhone')}
            inputMode="tel"
          />
        </div>
        <TextField
          label={t('business.contactEmail')}
          value={v.contactEmail}
          onValue={set('contactEmail')}
          error={issueFor(error, 'contactEmail')}
          type="email"
        />
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={busy}>
            {t('deadEnds.reapply')}
          </Button>
        </div>
      </form>
    </section>
  );
}
