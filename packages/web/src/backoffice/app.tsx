import { type ReactNode, Suspense } from 'react';
import type { Role } from './lib/api-types.js';
import { FeaturesProvider, useFeatures } from './lib/features.js';
import { NoticesProvider } from './lib/notices.js';
import { matchPath, useLocation } from './lib/router.js';
import { SessionProvider, useSession } from './lib/session.js';
import { ROUTES } from './routes.js';
import { ChangePasswordScreen } from './screens/auth/change-password-screen.js';
import { LoginScreen } from './screens/auth/login-screen.js';
import { NotFoundScreen } from './screens/not-found-screen.js';
import { AppShell } from './shell/app-shell.js';
import { Loading } from './ui/messages.js';

export interface RouteDef {
  path: string;
  /** Who may open it; `public` needs no login (registration). */
  roles: readonly Role[] | 'any' | 'public';
  render: (params: Record<string, string>, role: Role | null) => ReactNode;
}

function findRoute(pathname: string): { route: RouteDef; params: Record<string, string> } | null {
  for (const route of ROUTES) {
    const params = matchPath(route.path, pathname);
    if (params) return { route, params };
  }
  return null;
}

function Screens() {
  const { status, user } = useSession();
  const { pathname } = useLocation();
  const features = useFeatures();
  const found = findRoute(pathname);
  if (found?.route.roles === 'public' && status !== 'signed-in') {
    return <Suspense fallback={<Loading />}>{found.route.render(found.params, null)}</Suspense>;
  }
  if (status === 'loading' || !features.ready) return <Loading />;
  if (status === 'signed-out' || !user) return <LoginScreen />;
  let screen: ReactNode;
  if (user.mustChangePassword) screen = <ChangePasswordScreen />;
  else if (!found) screen = <NotFoundScreen />;
  else if (found.route.roles !== 'any' && found.route.roles !== 'public' && !found.route.roles.includes(user.role)) {
    screen = <NotFoundScreen forbidden />;
  } else screen = found.route.render(found.params, user.role);
  // Screens are loaded on first use (routes.tsx): the shell stays while one arrives.
  return (
    <AppShell>
      <Suspense fallback={<Loading />}>{screen}</Suspense>
    </AppShell>
  );
}

export function App() {
  return (
    <NoticesProvider>
      <FeaturesProvider>
        <SessionProvider>
          <Screens />
        </SessionProvider>
      </FeaturesProvider>
    </NoticesProvider>
  );
}
