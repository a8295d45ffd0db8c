import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../../lib/router.js';
import { useSession } from '../../lib/session.js';

/**
 * Help pages are open to everyone (a business reads how to register before it has an
 * account). Signed in, they sit in the shell; signed out, in this light frame with the way
 * back to signing in and registering.
 */
export function HelpFrame({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { status } = useSession();
  if (status === 'signed-in') return <>{children}</>;
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipLink')}
      </a>
      <header className="topbar">
        <Link to="/" className="brand">
          <strong>{t('app.name')}</strong>
          <span>{t('app.tagline')}</span>
        </Link>
        <Link to="/" className="btn btn-small">
          {t('help.signIn')}
        </Link>
        <Link to="/register" className="btn btn-small">
          {t('help.register')}
        </Link>
      </header>
      <main id="main" tabIndex={-1} className="help-public">
        {children}
      </main>
    </>
  );
}
