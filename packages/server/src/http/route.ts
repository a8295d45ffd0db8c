import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { AuditActor } from '../audit/append-audit.js';
import type { AuthUser, Role } from '../authz/index.js';
import type { Db, SessionRow } from '../db/schema.js';
import type { Logger } from '../log.js';
import type { FixedWindowLimit } from '../rate-limits/fixed-window.js';
import type { AppDeps } from './deps.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS';

/**
 * Who may call a route. `public`: anyone. Otherwise a signed-in user with one of `roles`
 * (`'any'`: every role), and `scope` says in words which resources the handler lets them
 * reach (enforced in the handler with `authorize`/`authorizeById`; shown in the OpenAPI
 * document as `x-scope`).
 */
export type Access = { public: true } | { roles: readonly Role[] | 'any'; scope: string };

type UserOf<A extends Access> = A extends { public: true } ? AuthUser | null : AuthUser;
type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

/** What a handler receives: validated input, the user, and the request's database handle. */
export interface RouteContext<P, Q, B, U> {
  /** In write routes (and any with `transaction: true`) this is the request's transaction. */
  db: Db;
  user: U;
  session: SessionRow | null;
  params: P;
  query: Q;
  body: B;
  /** The request's time, from the injected clock. */
  now: Date;
  /** `user` as an audit actor (`{ id: null, role: 'anonymous' }` when nobody is signed in). */
  actor: AuditActor;
  /** Config, clock, mailer. Not the database: use `db` (on SQLite, a query on the root handle
   *  inside a transaction would wait for that transaction forever). */
  deps: Omit<AppDeps, 'db'>;
  /**
   * Runs `task` once the request's transaction has committed (e-mails, files to clean up);
   * never if it rolls back. Failures are logged, not reported to the client.
   */
  afterCommit(task: (log: Logger) => Promise<void>): void;
  req: FastifyRequest;
  reply: FastifyReply;
}

export interface RouteSpec<
  A extends Access,
  P extends z.ZodType | undefined,
  Q extends z.ZodType | undefined,
  B extends z.ZodType | undefined,
  R extends z.ZodType | undefined,
> {
  method: HttpMethod;
  /** Fastify syntax: `/api/v1/users/:id`. */
  path: string;
  summary: string;
  description?: string;
  tags: string[];
  access: A;
  params?: P;
  query?: Q;
  body?: B;
  /** The success body. Omit it for raw replies (files): the handler sends and returns `ctx.reply`. */
  response?: R;
  /** Content type of a raw reply, for the OpenAPI document. */
  produces?: string;
  /** Success status (default 200). */
  status?: number;
  /** Run the handler in one transaction (default: every method but GET). */
  transaction?: boolean;
  /**
   * Body fields (paths, `*` for any key or index: `['note']`, `['people.*.reason']`) where
   * tab, line feed and carriage return are legitimate: notes and reasons typed in a text area.
   * Everywhere else the pipeline refuses them (400 `invalid_characters`).
   */
  multiline?: readonly string[];
  /**
   * The handler refuses bad characters item by item (a batch: one bad item must not refuse
   * the others), so the pipeline checks only params and query, not the body.
   */
  bodyCheckedPerItem?: boolean;
  /** Open to a signed-in user who must still change a given password (auth/me, logout, the change). */
  allowedBeforePasswordChange?: boolean;
  /**
   * Fixed-window limits counted for each valid request before the handler runs (429
   * `too_many_requests` with Retry-After); kept in the database for every server process.
   */
  rateLimits?: (input: { req: FastifyRequest; params: Out<P>; query: Out<Q>; body: Out<B> }) => FixedWindowLimit[];
  handler: (
    ctx: RouteContext<Out<P>, Out<Q>, Out<B>, UserOf<A>>,
  ) => Promise<R extends z.ZodType ? z.input<R> : FastifyReply>;
}

/** A route with its types erased, as the registry and the OpenAPI builder see it. */
export interface AnyRoute {
  method: HttpMethod;
  path: string;
  summary: string;
  description?: string;
  tags: string[];
  access: Access;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  response?: z.ZodType;
  produces?: string;
  status?: number;
  transaction?: boolean;
  multiline?: readonly string[];
  bodyCheckedPerItem?: boolean;
  allowedBeforePasswordChange?: boolean;
  rateLimits?: (input: { req: FastifyRequest; params: unknown; query: unknown; body: unknown }) => FixedWindowLimit[];
  handler: (ctx: RouteContext<unknown, unknown, unknown, AuthUser | null>) => Promise<unknown>;
}

/**
 * Defines one API route: one object feeds both Fastify (validation, access, transaction)
 * and the OpenAPI document. Types flow from the zod schemas into the handler.
 *
 * @example
 * export const getCheckpoint = defineRoute({
 *   method: 'GET', path: '/api/v1/checkpoints/:id', summary: 'Xem một chốt', tags: ['checkpoints'],
 *   access: { roles: ['ward_admin', 'supervisor'], scope: 'chốt của phường mình / trong địa bàn' },
 *   params: idParams, response: checkpointSchema,
 *   handler: async ({ db, user, params }) => present(await load(db, user, params.id)),
 * });
 */
export function defineRoute<
  A extends Access,
  P extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
  R extends z.ZodType | undefined = undefined,
>(spec: RouteSpec<A, P, Q, B, R>): AnyRoute {
  return spec as unknown as AnyRoute;
}
