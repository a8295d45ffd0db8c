import type { FastifyInstance, FastifyRequest } from 'fastify';
import { SESSION_COOKIE } from '../auth/session-token.js';
import { lookupSession } from '../auth/sessions.js';
import { type AuthUser, authUserFromRow } from '../authz/index.js';
import type { SessionRow } from '../db/schema.js';
import type { AppDeps } from './deps.js';

/** Who sent the request, resolved once from the session cookie. */
export interface RequestAuth {
  user: AuthUser;
  session: SessionRow;
  /** How the request authenticated; only cookies today (CSRF applies to them). */
  via: 'cookie';
}

declare module 'fastify' {
  interface FastifyRequest {
    auth: RequestAuth | null;
    /** A session cookie came but its session had expired (→ 401 `session_expired`). */
    authExpired: boolean;
  }
}

/** Resolves the session cookie of every `/api/` request into `request.auth`. */
export function registerRequestAuth(app: FastifyInstance, deps: AppDeps): void {
  app.decorateRequest('auth', null);
  app.decorateRequest('authExpired', false);
  app.addHook('onRequest', async (req: FastifyRequest, reply) => {
    if (!req.url.startsWith('/api/')) return;
    const token = req.cookies[SESSION_COOKIE];
    if (!token) return;
    const found = await lookupSession(deps.db, token, deps.clock, deps.config.session);
    if (found.status === 'active') {
      const user = authUserFromRow(found.user);
      req.auth = { user, session: found.session, via: 'cookie' };
      // Every later line of this request (handlers, after-commit tasks, errors) says who sent it.
      req.log = req.log.child({ userId: user.id, role: user.role, ward: user.wardCode });
      reply.log = req.log; // Fastify's "request completed" line is written through the reply's
    } else {
      req.authExpired = found.status === 'expired';
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
    }
  });
}
