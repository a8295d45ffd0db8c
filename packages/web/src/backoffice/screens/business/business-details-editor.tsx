import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/format.js';
import { inSentence } from '../../lib/admin-units.js';
import { type ApiError, api, issueFor } from '../../lib/api-client.js';
import type { Business, BusinessChange, ReviewedField } from '../../lib/api-types.js';
import { useNotices } from '../../lib/notices.js';
import { useUser } from '../../lib/session.js';
import { useApi } from '../../lib/use-api.js';
import { Button } from '../../ui/button.js';
import { Dialog } from '../../ui/dialog.js';
import { TextField } from '../../ui/field.js';
import { ErrorMessage, InfoBox } from '../../ui/messages.js';
import { ReasonDialog } from '../../ui/reason-dialog.js';
import { MoveBusinessDialog } from './move-business-dialog.js';

const REVIEWED: ReviewedField[] = ['name', 'address', 'lineOfBusiness'];
const CONTACT = ['contactName', 'contactPhone', 'contactEmail'] as const;
type Field = ReviewedField | (typeof CONTACT)[number];

const valuesOf = (b: Business): Record<Field, string> => ({
  name: b.name,
  address: b.address,
  lineOfBusiness: b.lineOfBusiness,
  contactName: b.contactName,
  contactPhone: b.contactPhone,
  contactEmail: b.contactEmail ?? '',
});

/**
 * Changing a business's details without a dead end: the business (or the desk) edits; what
 * the ward vouches for waits as a change request that the desk approves or refuses with a
 * reason, shown here to both. `onChanged` gets the business as it now is.
 */
export function BusinessDetailsEditor({
  business: b,
  onChanged,
}: {
  business: Business;
  onChanged: (b: Business) => void;
}) {
  const { t } = useTranslation();
  const me = useUser();
  const { notify } = useNotices();
  const changes = useApi<{ items: BusinessChange[] }>(`/api/v1/businesses/${b.id}/changes`);
  const [editing, setEditing] = useState(false);
  const [moving, setMoving] = useState(false);
  const [values, setValues] = useState(valuesOf(b));
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [refusing, setRefusing] = useState(false);
  const [reason, setReason] = useState('');
  const desk = me.role === 'ward_officer';
  const own = me.role === 'business_rep' && me.businessId === b.id;
  const pending = changes.data?.items.find((c) => c.status === 'pending') ?? null;
  const last = changes.data?.items[0];
  // A move is the new ward's to decide: the desk of the business's ward only reads it.
  const move = pending?.kind === 'move';
  const movable = own && (b.status === 'active' || b.status === 'suspended') && !pending;

  const save = async (e: FormEvent) => {
    e.preventDefault();
    const before = valuesOf(b);
    const body: Record<string, string | null> = {};
    for (const f of Object.keys(values) as Field[]) {
      const v = values[f].trim();
      if (v !== before[f]) body[f] = f === 'contactEmail' && v === '' ? null : v;
    }
    setBusy(true);
    const r = await api.patch<{ business: Business; change: BusinessChange | null }>(
      `/api/v1/businesses/${b.id}`,
      body,
    );
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setEditing(false);
    onChanged(r.data.business);
    changes.reload();
    notify(r.data.change ? t('deadEnds.requested') : t('deadEnds.saved'));
  };
  const decide = async (approve: boolean, e?: FormEvent) => {
    e?.preventDefault();
    if (!pending) return;
    setBusy(true);
    const r = await api.post<{ business: Business; change: BusinessChange }>(
      `/api/v1/business-changes/${pending.id}/${approve ? 'approve' : 'refuse'}`,
      approve ? {} : { reason: reason.trim() },
    );
    setBusy(false);
    if (!r.ok) {
      if (approve) return notify(r.error.message, 'error');
      return setError(r.error);
    }
    setRefusing(false);
    onChanged(r.data.business);
    changes.reload();
    notify(t(approve ? 'deadEnds.approved' : 'deadEnds.refusedChange', { name: r.data.business.name }));
  };

  return (
    <>
      {pending ? (
        <InfoBox kind="warn">
          <p>
            <strong>{t(move ? 'deadEnds.movePendingTitle' : 'deadEnds.pendingTitle')}</strong>
            <br />
            {move
              ? t('deadEnds.movePendingLead', {
                  at: formatDateTime(pending.requestedAt),
                  to: inSentence(pending.proposed.wardName ?? ''),
                  from: inSentence(pending.previous.wardName ?? ''),
                })
              : t('deadEnds.pendingLead', { at: formatDateTime(pending.requestedAt) })}
          </p>
          <table className="change-table">
            <caption className="visually-hidden">{t('deadEnds.pendingTitle')}</caption>
            <thead>
              <tr>
                <th scope="col" style={{ textAlign: 'left' }}>
                  {t('deadEnds.field')}
                </th>
                <th scope="col" style={{ textAlign: 'left' }}>
                  {t('deadEnds.current')}
                </th>
                <th scope="col" style={{ textAlign: 'left' }}>
                  {t('deadEnds.proposed')}
                </th>
              </tr>
            </thead>
            <tbody>
              {move ? (
                <tr>
                  <th scope="row" style={{ textAlign: 'left' }}>
                    {t('deadEnds.fields.ward')}
                  </th>
                  <td>{pending.previous.wardName}</td>
                  <td>
                    <strong>{pending.proposed.wardName}</strong>
                  </td>
                </tr>
              ) : null}
              {REVIEWED.filter((f) => f in pending.proposed).map((f) => (
                <tr key={f}>
                  <th scope="row" style={{ textAlign: 'left' }}>
                    {t(`deadEnds.fields.${f}`)}
                  </th>
                  <td>{pending.previous[f]}</td>
                  <td>
                    <strong>{pending.proposed[f]}</strong>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {desk && move ? <p>{t('deadEnds.moveReadOnly')}</p> : null}
          {desk && !move ? (
            <div className="form-actions">
              <Button variant="primary" busy={busy} onClick={() => void decide(true)}>
                {t('deadEnds.approve')}
              </Button>
              <Button
                variant="danger"
                onClick={() => {
                  setRefusing(true);
                  setReason('');
                  setError(null);
                }}
              >
                {t('deadEnds.refuse')}
              </Button>
            </div>
          ) : null}
        </InfoBox>
      ) : last?.status === 'refused' && own ? (
        <InfoBox kind="warn">
          <p>
            {t(last.kind === 'move' ? 'deadEnds.moveLastRefused' : 'deadEnds.lastRefused', {
              reason: last.reason ?? '',
            })}
          </p>
        </InfoBox>
      ) : null}
      {desk || own ? (
        <p className="form-actions">
          <Button
            onClick={() => {
              setValues(valuesOf(b));
              setError(null);
              setEditing(true);
            }}
          >
            {t('deadEnds.edit')}
          </Button>
          {movable ? <Button onClick={() => setMoving(true)}>{t('deadEnds.move')}</Button> : null}
        </p>
      ) : null}
      {movable || moving ? (
        <MoveBusinessDialog
          business={b}
          open={moving}
          onClose={() => setMoving(false)}
          onRequested={() => {
            setMoving(false);
            changes.reload();
            notify(t('deadEnds.moveRequested'));
          }}
        />
      ) : null}
      <Dialog open={editing} title={t('deadEnds.editTitle')} onClose={() => setEditing(false)}>
        <form className="form" onSubmit={save} noValidate>
          <p>{desk ? t('deadEnds.editLeadWard') : t('deadEnds.editLead')}</p>
          <ErrorMessage error={error} />
          <TextField
            label={t('business.name')}
            value={values.name}
            onValue={(v) => setValues({ ...values, name: v })}
            error={issueFor(error, 'name')}
            required
          />
          <TextField
            label={t('business.address')}
            value={values.address}
            onValue={(v) => setValues({ ...values, address: v })}
            error={issueFor(error, 'address')}
            required
          />
          <TextField
            label={t('business.lineOfBusiness')}
            value={values.lineOfBusiness}
            onValue={(v) => setValues({ ...values, lineOfBusiness: v })}
            error={issueFor(error, 'lineOfBusiness')}
            required
          />
          <TextField
            label={t('business.contactName')}
            value={values.contactName}
            onValue={(v) => setValues({ ...values, contactName: v })}
            error={issueFor(error, 'contactName')}
            required
          />
          <div className="form-row">
            <TextField
              label={t('business.contactPhone')}
              value={values.contactPhone}
              onValue={(v) => setValues({ ...values, contactPhone: v })}
              error={issueFor(error, 'contactPhone')}
              inputMode="tel"
              required
            />
            <TextField
              label={t('business.contactEmail')}
              value={values.contactEmail}
              onValue={(v) => setValues({ ...values, contactEmail: v })}
              error={issueFor(error, 'contactEmail')}
              type="email"
            />
          </div>
          <div className="form-actions">
            <Button type="submit" variant="primary" busy={busy}>
              {t('deadEnds.save')}
            </Button>
            <Button onClick={() => setEditing(false)}>{t('common.cancel')}</Button>
          </div>
        </form>
      </Dialog>
      <ReasonDialog
        open={refusing}
        title={t('deadEnds.refuseTitle', { name: b.name })}
        hint={t('dossier.reasonHint')}
        submitLabel={t('deadEnds.refuse')}
        reason={reason}
        onReason={setReason}
        error={error}
        busy={busy}
        onSubmit={(e) => void decide(false, e)}
        onClose={() => setRefusing(false)}
      />
    </>
  );
}
