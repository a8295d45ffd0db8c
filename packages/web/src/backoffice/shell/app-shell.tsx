import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { inSentence, useUnit } from '../lib/admin-units.js';
import { useFeatures } from '../lib/features.js';
import { Link, useLocation } from '../lib/router.js';
import { useSession, useUser } from '../lib/session.js';
import { Button } from '../ui/button.js';
import { NoticeArea } from '../ui/messages.js';
import { type NavItem, navFor } from './nav.js';

/** The nav entry for this page: the longest one whose path starts the URL. */
function currentItem(items: NavItem[], pathname: string): string | null {
  let best: string | null = null;
  for (const item of items) {
    const hit = item.to === '/' ? pathname === '/' : pathname === item.to || pathname.startsWith(`${item.to}/`);
    if (hit && (!best || item.to.length > best.length)) best = item.to;
  }
  return best;
}

/**
 * The frame of every signed-in screen: a skip link, the top bar (who, where, sign out),
 * the navigation for the user's role (a menu button on phones) and the main region with
 * the message area.
 */
export function AppShell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const user = useUser();
  const { signOut } = useSession();
  const features = useFeatures();
  const { pathname } = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  const ward = useUnit(user.wardCode ?? user.districtCode ?? user.provinceCode);
  // A new page closes the phone menu.
  const [menuPath, setMenuPath] = useState(pathname);
  if (menuPath !== pathname) {
    setMenuPath(pathname);
    setMenuOpen(false);
  }
  const groups = navFor(user.role, features.has);
  const current = currentItem(
    groups.flatMap((g) => g.items),
    pathname,
  );
  const place = ward ? t('app.wardOf', { name: inSentence(ward.name) }) : '';
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipLink')}
      </a>
      <header className="topbar">
        <Link to="/" className="brand">
          <strong>{t('app.name')}</strong>
          <span>{place || t('app.tagline')}</span>
        </Link>
        <Link
          to="/help"
          className="btn btn-small help-nav"
          aria-current={pathname.startsWith('/help') ? 'page' : undefined}
        >
          <span aria-hidden="true">? </span>
          {t('help.link')}
        </Link>
        <Button
          className="menu-toggle"
          aria-expanded={menuOpen}
          aria-controls="sidenav"
          onClick={() => setMenuOpen((o) => !o)}
          small
        >
          <span aria-hidden="true">☰</span> {t('app.menu')}
        </Button>
        <div className="topbar-user">
          <span className="who">
            <strong>{user.fullName}</strong>
            <span>{t(`roles.${user.role}`)}</span>
          </span>
          <Button small onClick={() => void signOut()}>
            {t('auth.logout')}
          </Button>
        </div>
      </header>
      <div className="layout">
        <nav id="sidenav" className={`sidenav${menuOpen ? '' : ' closed'}`} aria-label={t('app.mainNav')}>
          {groups.map((g) =>
            g.items.length ? (
              <div key={g.label}>
                <p className="nav-group" id={`nav-${g.label}`}>
                  {t(`nav.${g.label}`)}
                </p>
                <ul aria-labelledby={`nav-${g.label}`}>
                  {g.items.map((item) => (
                    <li key={item.to}>
                      {item.external ? (
                        <a href={item.to}>{t(`nav.${item.label}`)}</a>
                      ) : (
                        <Link to={item.to} aria-current={current === item.to ? 'page' : undefined}>
                          {t(`nav.${item.label}`)}
                        </Link>
                      )}
                    </li>
                  ))}
                </ul>
              </div>
            ) : null,
          )}
          <div className="nav-signout">
            <p className="muted">{t('app.signedInAs', { name: user.fullName })}</p>
            <Button small onClick={() => void signOut()}>
              {t('auth.logout')}
            </Button>
          </div>
        </nav>
        <main id="main" tabIndex={-1}>
          <NoticeArea />
          {children}
        </main>
      </div>
    </>
  );
}
