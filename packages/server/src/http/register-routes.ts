import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AuditActor } from '../audit/append-audit.js';
import { CSRF_HEADER } from '../auth/session-token.js';
import type { AuthUser } from '../authz/index.js';
import { AppError, type Issue, unauthenticated, validationFailed } from '../errors.js';
import type { Logger } from '../log.js';
import { enforceFixedWindows } from '../rate-limits/fixed-window.js';
import type { AppDeps } from './deps.js';
import { findBadCharacters } from './input-characters.js';
import type { AnyRoute, RouteContext } from './route.js';
import { parseInput } from './zod-issues.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Installs routes in Fastify. Every request goes: access (401 / CSRF 403 / password change
 * 403 / role 403) → characters of params, query, body (400 `invalid_characters`) → validate
 * them (400 `validation_failed`) → rate limits (429) → handler, inside one transaction for
 * writes → the response parsed by its schema (unknown fields stripped) → reply.
 */
export function registerRoutes(app: FastifyInstance, routes: AnyRoute[], deps: AppDeps): void {
  for (const route of routes) {
    app.route({
      method: route.method,
      url: route.path,
      handler: (req, reply) => runRoute(route, req, reply, deps),
    });
  }
}

async function runRoute(route: AnyRoute, req: FastifyRequest, reply: FastifyReply, deps: AppDeps): Promise<unknown> {
  const user = checkAccess(route, req);
  const bad = [
    ...findBadCharacters(req.params, 'params'),
    ...findBadCharacters(req.query, 'query'),
    ...(route.bodyCheckedPerItem ? [] : findBadCharacters(req.body, 'body', route.multiline)),
  ];
  if (bad.length > 0) throw new AppError('invalid_characters', undefined, { issues: bad });
  const issues: Issue[] = [];
  const input = (schema: AnyRoute['params'], value: unknown, where: string): unknown => {
    if (!schema) return undefined;
    const parsed = parseInput(schema, value ?? {}, where);
    if (parsed.ok) return parsed.value;
    issues.push(...parsed.issues);
    return undefined;
  };
  const params = input(route.params, req.params, 'params');
  const query = input(route.query, req.query, 'query');
  const body = input(route.body, req.body, 'body');
  if (issues.length > 0) throw validationFailed(issues);

  const actor: AuditActor = user ? { id: user.id, role: user.role } : { id: null, role: 'anonymous' };
  const { db: _root, ...handlerDeps } = deps;
  const after: Array<(log: Logger) => Promise<void>> = [];
  const afterCommit = (task: (log: Logger) => Promise<void>) => {
    after.push(task);
  };
  const base = {
    user,
    session: req.auth?.session ?? null,
    params,
    query,
    body,
    actor,
    deps: handlerDeps,
    afterCommit,
    req,
    reply,
  };
  const now = deps.clock.now();
  if (route.rateLimits) await enforceFixedWindows(deps.db, route.rateLimits({ req, params, query, body }), now);
  const transactional = route.transaction ?? route.method !== 'GET';
  const result = transactional
    ? await deps.db
        .transaction()
        .execute((tx) =>
          route.handler({ ...base, db: tx, now } as RouteContext<unknown, unknown, unknown, AuthUser | null>),
        )
    : await route.handler({ ...base, db: deps.db, now });

  for (const task of after) {
    // The request's logger: what a task logs (an e-mail sent) carries the request and the user.
    await task(req.log).catch((err: unknown) =>
      req.log.error({ err }, `after-commit task of ${route.method} ${route.path} failed`),
    );
  }

  if (!route.response) return reply;
  // The response schema is enforced, not just documented: unknown fields are stripped, a mismatch is a 500.
  const checked = route.response.safeParse(result);
  if (!checked.success) {
    throw new Error(`response of ${route.method} ${route.path} does not match its schema: ${checked.error.message}`);
  }
  reply.status(route.status ?? 200);
  return checked.data;
}

/**
 * 401 without a user, 403 `csrf_failed` for a cookie write without the token, 403
 * `password_change_required` while a given password has not been changed (public routes
 * answer as to anyone), 403 for a wrong role.
 */
function checkAccess(route: AnyRoute, req: FastifyRequest): AuthUser | null {
  const auth = req.auth;
  if ('public' in route.access) return auth?.user ?? null;
  if (!auth) throw req.authExpired ? new AppError('session_expired') : unauthenticated();
  if (auth.via === 'cookie' && !SAFE_METHODS.has(req.method)) {
    const sent = req.headers[CSRF_HEADER];
    if (typeof sent !== 'string' || !sameToken(sent, auth.session.csrf_token)) throw new AppError('csrf_failed');
  }
  if (auth.user.mustChangePassword && !route.allowedBeforePasswordChange)
    throw new AppError('password_change_required');
  const { roles } = route.access;
  if (roles !== 'any' && !roles.includes(auth.user.role)) throw new AppError('forbidden');
  return auth.user;
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
