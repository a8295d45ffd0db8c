import { useTranslation } from 'react-i18next';
import { Link } from '../lib/router.js';
import { Page } from '../ui/page.js';

export function NotFoundScreen({ forbidden }: { forbidden?: boolean }) {
  const { t } = useTranslation();
  return (
    <Page title={forbidden ? t('app.forbiddenTitle') : t('app.notFoundTitle')}>
      <p>{forbidden ? t('app.forbiddenText') : t('app.notFoundText')}</p>
      <p>
        <Link to="/">{t('app.backHome')}</Link>
      </p>
    </Page>
  );
}
