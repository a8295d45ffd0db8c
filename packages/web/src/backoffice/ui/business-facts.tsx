import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Business } from '../lib/api-types.js';

/** What a business is, as the business itself and the ward desk both see it; `children` adds rows. */
export function BusinessFacts({ business: b, children }: { business: Business; children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <dl className="facts">
      <dt>{t('business.taxCode')}</dt>
      <dd className="mono">{b.taxCode}</dd>
      <dt>{t('business.address')}</dt>
      <dd>
        {b.address}, {b.wardName}
      </dd>
      <dt>{t('business.lineOfBusiness')}</dt>
      <dd>{b.lineOfBusiness}</dd>
      <dt>{t('business.contactName')}</dt>
      <dd>
        {b.contactName} · {b.contactPhone}
        {b.contactEmail ? ` · ${b.contactEmail}` : ''}
      </dd>
      {children}
    </dl>
  );
}
