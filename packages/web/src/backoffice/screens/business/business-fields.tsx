import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useChildUnits, useUnit } from '../../lib/admin-units.js';
import { type ApiError, issueFor } from '../../lib/api-client.js';
import { SelectField, TextField } from '../../ui/field.js';

export interface BusinessInput {
  taxCode: string;
  name: string;
  address: string;
  wardCode: string;
  lineOfBusiness: string;
  contactName: string;
  contactPhone: string;
  contactEmail: string;
}

export const EMPTY_BUSINESS: BusinessInput = {
  taxCode: '',
  name: '',
  address: '',
  wardCode: '',
  lineOfBusiness: '',
  contactName: '',
  contactPhone: '',
  contactEmail: '',
};

/** The body the API wants (an empty e-mail is no e-mail). */
export const businessBody = (b: BusinessInput) => ({
  ...Object.fromEntries(Object.entries(b).map(([k, v]) => [k, v.trim()])),
  contactEmail: b.contactEmail.trim() || null,
});

/**
 * What describes a business. The ward is picked from lists (city → district → ward), or is
 * fixed to the desk's own ward (`fixedWard`).
 */
export function BusinessFields({
  value,
  onChange,
  error,
  fixedWard,
  defaultDistrict,
}: {
  value: BusinessInput;
  onChange: (v: BusinessInput) => void;
  error: ApiError | null;
  fixedWard?: string;
  defaultDistrict?: string;
}) {
  const { t } = useTranslation();
  const set = (k: keyof BusinessInput) => (v: string) => onChange({ ...value, [k]: v });
  const fixed = useUnit(fixedWard);
  return (
    <>
      <div className="form-row">
        <TextField
          label={t('business.taxCode')}
          hint={t('business.taxCodeHint')}
          value={value.taxCode}
          onValue={set('taxCode')}
          error={issueFor(error, 'taxCode')}
          inputMode="numeric"
          required
          autoComplete="off"
        />
        <TextField
          label={t('business.name')}
          value={value.name}
          onValue={set('name')}
          error={issueFor(error, 'name')}
          required
          autoComplete="organization"
        />
      </div>
      <TextField
        label={t('business.address')}
        value={value.address}
        onValue={set('address')}
        error={issueFor(error, 'address')}
        required
        autoComplete="street-address"
      />
      {fixedWard ? (
        <p>
          <span className="label">{t('business.ward')}:</span> {fixed?.name ?? fixedWard}
        </p>
      ) : (
        <WardPicker
          value={value.wardCode}
          onChange={set('wardCode')}
          error={issueFor(error, 'wardCode')}
          defaultDistrict={defaultDistrict}
        />
      )}
      <TextField
        label={t('business.lineOfBusiness')}
        value={value.lineOfBusiness}
        onValue={set('lineOfBusiness')}
        error={issueFor(error, 'lineOfBusiness')}
        required
      />
      <div className="form-row">
        <TextField
          label={t('business.contactName')}
          value={value.contactName}
          onValue={set('contactName')}
          error={issueFor(error, 'contactName')}
          required
          autoComplete="name"
        />
        <TextField
          label={t('business.contactPhone')}
          type="tel"
          value={value.contactPhone}
          onValue={set('contactPhone')}
          error={issueFor(error, 'contactPhone')}
          required
          autoComplete="tel"
        />
        <TextField
          label={`${t('business.contactEmail')} ${t('common.optional')}`}
          hint={t('business.contactEmailHint')}
          type="email"
          value={value.contactEmail}
          onValue={set('contactEmail')}
          error={issueFor(error, 'contactEmail')}
          autoComplete="email"
        />
      </div>
    </>
  );
}

/** City → district → ward, each list sorted the Vietnamese way. */
export function WardPicker({
  value,
  onChange,
  error,
  defaultDistrict,
}: {
  value: string;
  onChange: (v: string) => void;
  error?: string;
  defaultDistrict?: string;
}) {
  const { t } = useTranslation();
  const [province, setProvince] = useState('');
  const [district, setDistrict] = useState(defaultDistrict ?? '');
  const provinces = useChildUnits('');
  const districts = useChildUnits(province || null);
  const wards = useChildUnits(district || null);
  const preset = useUnit(defaultDistrict);
  useEffect(() => {
    if (preset && !province) setProvince(preset.provinceCode);
  }, [preset, province]);
  return (
    <fieldset>
      <legend className="label">{t('business.ward')}</legend>
      <div className="form-row">
        <SelectField
          label={t('business.province')}
          value={province}
          onValue={(v) => {
            setProvince(v);
            setDistrict('');
            onChange('');
          }}
          placeholder={t('business.choose')}
          options={provinces.map((u) => ({ value: u.code, label: u.name }))}
        />
        <SelectField
          label={t('business.district')}
          value={district}
          onValue={(v) => {
            setDistrict(v);
            onChange('');
          }}
          placeholder={t('business.choose')}
          options={districts.map((u) => ({ value: u.code, label: u.name }))}
          disabled={!province}
        />
        <SelectField
          label={t('business.wardSelect')}
          value={value}
          onValue={onChange}
          placeholder={t('business.choose')}
          options={wards.map((u) => ({ value: u.code, label: u.name }))}
          disabled={!district}
          error={error}
        />
      </div>
    </fieldset>
  );
}
