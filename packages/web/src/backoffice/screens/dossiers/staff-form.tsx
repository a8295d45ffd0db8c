import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApiError, api, issueFor } from '../../lib/api-client.js';
import type { Problem, StaffEntryInput, StaffMember } from '../../lib/api-types.js';
import { formatDay } from '../../lib/dates.js';
import type { StaffField } from '../../lib/staff-columns.js';
import { foldVi } from '../../lib/vietnamese.js';
import { Button } from '../../ui/button.js';
import { SelectField, TextField } from '../../ui/field.js';
import { ErrorMessage } from '../../ui/messages.js';

const DAY = ['T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'CN'];

/** `[1,2,3,4,5,6]` → "T2-T7"; `[1,3,5]` → "T2,T4,T6"; every day → "Hằng ngày" is left to the server's words. */
export function daysText(days: number[]): string {
  const s = [...days].sort((a, b) => a - b);
  const run = s.every((d, i) => i === 0 || d === (s[i - 1] as number) + 1);
  if (run && s.length >= 3) return `${DAY[(s[0] as number) - 1]}-${DAY[(s[s.length - 1] as number) - 1]}`;
  return s.map((d) => DAY[d - 1]).join(',');
}

const ID_TYPES = ['CCCD', 'CMND', 'PASSPORT'] as const;

/** A document type as written in a file ("căn cước", "Hộ chiếu") → its code, or the text as it was. */
export function idTypeCode(text: string): string {
  const f = foldVi(text);
  if (/^(cccd|can cuoc|can cuoc cong dan|the can cuoc)$/.test(f)) return 'CCCD';
  if (/^(cmnd|chung minh|chung minh nhan dan|cmtnd)$/.test(f)) return 'CMND';
  if (/^(ho chieu|passport|hc)$/.test(f)) return 'PASSPORT';
  return text;
}

/** A saved person as the form's texts. */
export function entryOf(m: StaffMember): StaffEntryInput {
  return {
    fullName: m.fullName,
    idType: m.idType,
    idNumber: m.idNumber,
    dateOfBirth: formatDay(m.dateOfBirth),
    position: m.position ?? '',
    phone: m.phone ?? '',
    residenceAddress: m.residenceAddress,
    residenceWard: m.residenceWard ?? '',
    workplace: m.workplace ?? '',
    routeFrom: m.routeFrom,
    routeTo: m.routeTo,
    routeWards: m.routeWards.join(', '),
    scheduleDays: daysText(m.schedule.days),
    scheduleStart: m.schedule.start,
    scheduleEnd: m.schedule.end,
  };
}

export const EMPTY_ENTRY: StaffEntryInput = {
  fullName: '',
  idType: 'CCCD',
  idNumber: '',
  dateOfBirth: '',
  position: '',
  phone: '',
  residenceAddress: '',
  residenceWard: '',
  workplace: '',
  routeFrom: '',
  routeTo: '',
  routeWards: '',
  scheduleDays: 'T2-T6',
  scheduleStart: '07:30',
  scheduleEnd: '17:30',
};

/**
 * One person of the staff list, typed or fixed by hand: the same columns as the template,
 * checked by the server exactly like a row of a file. `problems` are those of the imported
 * row being fixed, shown on their fields until the server answers.
 */
export function StaffForm({
  dossierId,
  member,
  initial,
  problems,
  onSaved,
  onCancel,
  idPrefix,
}: {
  dossierId: string;
  /** Editing this saved person (PATCH); otherwise a new one (POST). */
  member?: StaffMember;
  initial: StaffEntryInput;
  problems?: Problem[];
  onSaved: (m: StaffMember, warnings: Problem[]) => void;
  onCancel: () => void;
  idPrefix: string;
}) {
  const { t } = useTranslation();
  const [v, setV] = useState<StaffEntryInput>({ ...initial, idType: idTypeCode(initial.idType) });
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (k: keyof StaffEntryInput) => (value: string) => setV((o) => ({ ...o, [k]: value }));
  const errorOf = (k: StaffField) =>
    error
      ? issueFor(error, k)
      : problems
          ?.filter((p) => p.field === k)
          .map((p) => p.message)
          .join(' ') || undefined;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const body = Object.fromEntries(Object.entries(v).map(([k, x]) => [k, typeof x === 'string' ? x.trim() : x]));
    const r = member
      ? await api.patch<{ member: StaffMember; warnings: Problem[] }>(
          `/api/v1/dossiers/${dossierId}/staff/${member.id}`,
          body,
        )
      : await api.post<{ member: StaffMember; warnings: Problem[] }>(`/api/v1/dossiers/${dossierId}/staff`, body);
    setBusy(false);
    if (!r.ok) return setError(r.error);
    onSaved(r.data.member, r.data.warnings);
  };
  const field = (k: StaffField, extra: { hint?: string; required?: boolean; inputMode?: 'numeric' | 'tel' } = {}) => (
    <TextField
      id={`${idPrefix}-${k}`}
      label={`${t(`staffFields.${k}`)}${extra.required ? '' : ` ${t('common.optional')}`}`}
      hint={extra.hint}
      value={(v[k] as string | null | undefined) ?? ''}
      onValue={set(k)}
      error={errorOf(k)}
      required={extra.required}
      inputMode={extra.inputMode}
      autoComplete="off"
    />
  );
  return (
    <form className="form form-wide staff-form" onSubmit={submit} noValidate>
      <ErrorMessage error={error} focus />
      <div className="form-row">
        {field('fullName', { required: true })}
        <SelectField
          id={`${idPrefix}-idType`}
          label={t('staffFields.idType')}
          value={v.idType}
          onValue={set('idType')}
          error={errorOf('idType')}
          options={[
            ...ID_TYPES.map((c) => ({ value: c, label: t(`idTypes.${c}`) })),
            // A value from the file that is none of the three stays visible until it is changed.
            ...((ID_TYPES as readonly string[]).includes(v.idType) ? [] : [{ value: v.idType, label: v.idType }]),
          ]}
        />
        {field('idNumber', { required: true, inputMode: 'numeric' })}
        {field('dateOfBirth', { required: true, hint: t('staffForm.dateHint') })}
      </div>
      <div className="form-row">
        {field('position')}
        {field('phone', { inputMode: 'tel' })}
        {field('workplace')}
      </div>
      <div className="form-row">
        {field('residenceAddress', { required: true })}
        {field('residenceWard', { hint: t('staffForm.wardHint'), inputMode: 'numeric' })}
      </div>
      <div className="form-row">
        {field('routeFrom', { required: true })}
        {field('routeTo', { required: true })}
        {field('routeWards', { hint: t('staffForm.routeWardsHint') })}
      </div>
      <div className="form-row">
        {field('scheduleDays', { required: true, hint: t('staffForm.daysHint') })}
        {field('scheduleStart', { required: true, hint: t('staffForm.timeHint') })}
        {field('scheduleEnd', { required: true, hint: t('staffForm.timeHint') })}
      </div>
      <div className="form-actions">
        <Button type="submit" variant="primary" busy={busy}>
          {member ? t('common.save') : t('staffForm.add')}
        </Button>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
      </div>
    </form>
  );
}
