import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import { ROLE_CODES, type Role } from '../packages/server/src/authz/index.js';
import type { DialectKind } from '../packages/server/src/db/database.js';
import { ERRORS } from '../packages/server/src/errors.js';
import type { AnyRoute } from '../packages/server/src/http/route.js';
import { ALL_ROUTES } from '../packages/server/src/routes.js';
import { type FuzzApp, openFuzzApp } from './fuzz-app.js';
import { deepJsonText, hostileString, hostileValue } from './hostile-values.js';
import { arbitraryOf, inputJsonSchema, ValuePool, validOrMutated } from './schema-arbitrary.js';
import type { FuzzTarget } from './target.js';

type Body = { mode: 'none' } | { mode: 'json'; value: unknown } | { mode: 'raw'; text: string; contentType: string };

/** One request, before the pool and the actors turn it into an inject call. */
export interface RouteCase {
  route: number;
  who: Role | 'anonymous';
  params: Record<string, { value: unknown; raw: boolean }>;
  query: Record<string, unknown> | unknown;
  brokenQuery: string | null;
  body: Body;
  ip: string;
}

const pathParams = (path: string): string[] => [...path.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1] as string);

/** The JSON Schema of one object property of a zod object schema, if it is one. */
function propertySchema(schema: Record<string, unknown>, name: string): Record<string, unknown> {
  const props = schema.properties as Record<string, Record<string, unknown>> | undefined;
  return props?.[name] ?? { type: 'string' };
}

function schemaOrAny(s: AnyRoute['body']): Record<string, unknown> {
  if (!s) return {};
  try {
    return inputJsonSchema(s);
  } catch {
    return {};
  }
}

/** Who sends the request: mostly a role the route admits, sometimes anyone (the 401/403 paths). */
function whoFor(route: AnyRoute): fc.Arbitrary<Role | 'anonymous'> {
  const everyone = fc.constantFrom<Role | 'anonymous'>('anonymous', ...ROLE_CODES);
  if ('public' in route.access) return everyone;
  const roles = route.access.roles === 'any' ? ROLE_CODES : route.access.roles;
  return fc.oneof(
    { weight: 19, arbitrary: fc.constantFrom<Role | 'anonymous'>(...roles) },
    { weight: 1, arbitrary: everyone },
  );
}

/**
 * Requests for one route, from its own zod schemas: path parameters (known ids most of the
 * time), query and body valid or broken (see `validOrMutated`), now and then a body the JSON
 * parser must refuse or one nested hundreds of thousands of levels deep.
 */
export function routeCase(index: number, route: AnyRoute, pool: ValuePool): fc.Arbitrary<RouteCase> {
  const paramsSchema = schemaOrAny(route.params);
  const params = Object.fromEntries(
    pathParams(route.path).map((name) => [
      name,
      fc.oneof(
        {
          weight: 8,
          arbitrary: arbitraryOf(propertySchema(paramsSchema, name), pool, paramsSchema, name).map((value) => ({
            value,
            raw: false,
          })),
        },
        { weight: 2, arbitrary: hostileString.map((value) => ({ value, raw: false })) },
        {
          weight: 1,
          arbitrary: fc
            .constantFrom('%FF', '%', '..', '%2e%2e', 'a%00b', 'x'.repeat(200))
            .map((value) => ({ value, raw: true })),
        },
      ),
    ]),
  );
  const querySchema = schemaOrAny(route.query);
  const query = route.query
    ? validOrMutated(arbitraryOf(querySchema, pool))
    : fc.option(fc.dictionary(fc.string({ maxLength: 8 }), hostileString, { maxKeys: 2 }), { nil: {} });
  const bodySchema = schemaOrAny(route.body);
  const json = route.body ? validOrMutated(arbitraryOf(bodySchema, pool)) : hostileValue;
  const raw: fc.Arbitrary<Body> = fc.oneof(
    fc
      .tuple(fc.integer({ min: 1000, max: 400_000 }), fc.constantFrom('array' as const, 'object' as const))
      .map(([d, k]) => ({ mode: 'raw' as const, text: deepJsonText(d, k), contentType: 'application/json' })),
    fc
      .tuple(
        fc.constantFrom('{', '{"a":', '[1,]', 'nul', '"\\ud800"', '{"__proto__":{"x":1}}', '\u0000', ''),
        fc.constantFrom(
          'application/json',
          'text/plain',
          'application/x-www-form-urlencoded',
          'multipart/form-data; boundary=x',
        ),
      )
      .map(([text, contentType]) => ({ mode: 'raw' as const, text, contentType })),
  );
  const withBody = route.method !== 'GET' && route.method !== 'OPTIONS';
  const body: fc.Arbitrary<Body> = withBody
    ? fc.oneof(
        { weight: route.body ? 18 : 4, arbitrary: json.map((value) => ({ mode: 'json' as const, value })) },
        { weight: route.body ? 0 : 14, arbitrary: fc.constant({ mode: 'none' as const }) },
        { weight: 1, arbitrary: raw },
      )
    : fc.constant({ mode: 'none' as const });
  return fc.record({
    route: fc.constant(index),
    who: whoFor(route),
    params: fc.record(params),
    query,
    brokenQuery: fc.option(fc.constantFrom('%E0%A4%A', '%', 'a[b]=1&a[c]=2', 'x=1&x=2&x=3', '__proto__[x]=1'), {
      freq: 20,
      nil: null,
    }),
    body,
    ip: fc.tuple(fc.nat(255), fc.nat(255)).map(([a, b]) => `10.77.${a}.${b}`),
  });
}

function queryString(query: unknown, broken: string | null): string {
  const parts: string[] = [];
  if (query && typeof query === 'object' && !Array.isArray(query)) {
    for (const [k, v] of Object.entries(query)) {
      if (v === undefined) continue;
      for (const one of Array.isArray(v) ? v : [v]) {
        const s = typeof one === 'string' ? one : (JSON.stringify(one) ?? '');
        parts.push(`${encodeURIComponent(k)}=${encodeURIComponent(s.replace(/[\ud800-\udfff]/g, '\ufffd'))}`);
      }
    }
  }
  if (broken) parts.push(broken);
  return parts.length ? `?${parts.join('&')}` : '';
}

function pathOf(route: AnyRoute, params: RouteCase['params']): string {
  return route.path.replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => {
    const p = params[name];
    if (!p) return 'x';
    const s = typeof p.value === 'string' ? p.value : (JSON.stringify(p.value) ?? '');
    return p.raw ? s : encodeURIComponent(s.replace(/[\ud800-\udfff]/g, '\ufffd'));
  });
}

/** A request's outcome by route, for the report: which routes the fuzzer got into (2xx) and how. */
export class RouteStats {
  readonly byRoute = new Map<string, Record<string, number>>();

  count(route: string, status: number): void {
    const s = this.byRoute.get(route) ?? {};
    this.byRoute.set(route, s);
    const k = `${Math.floor(status / 100)}xx`;
    s[k] = (s[k] ?? 0) + 1;
  }

  summary(): Record<string, number | string> {
    const all = [...this.byRoute.values()];
    const sum = (k: string) => all.reduce((n, s) => n + (s[k] ?? 0), 0);
    return {
      routes: this.byRoute.size,
      routesWith2xx: all.filter((s) => (s['2xx'] ?? 0) > 0).length,
      '2xx': sum('2xx'),
      '3xx': sum('3xx'),
      '4xx': sum('4xx'),
      '5xx': sum('5xx'),
    };
  }
}

export interface JsonRoutesOptions {
  routes?: AnyRoute[];
}

/**
 * Every route of the server (ALL_ROUTES: a route added later is fuzzed without a change
 * here), with requests generated from its zod schemas, sent with `app.inject` as a
 * signed-in user of a role it admits. Passes: any answer below 500 whose error body
 * carries a code of the errors table. Fails: a 5xx, or an error body with an unknown code.
 */
export function jsonRoutesTarget(kind: DialectKind, options: JsonRoutesOptions = {}): FuzzTarget {
  return {
    name: kind === 'sqlite' ? 'json' : 'json-pg',
    description: `every JSON route (params, query and body from its zod schemas; valid and mutated) → the whole server on ${kind === 'sqlite' ? 'SQLite' : 'PostgreSQL'} with the demo data: no 5xx, every error with a code of the errors table`,
    async open() {
      const routes = options.routes ?? ALL_ROUTES;
      const fuzz = await openFuzzApp(kind);
      const pool = new ValuePool();
      await primePool(fuzz, routes, pool);
      const stats = new RouteStats();
      const arb = fc.oneof(...routes.map((r, i) => routeCase(i, r, pool)));
      return {
        property: fc.asyncProperty(arb, async (c) => {
          const route = routes[c.route] as AnyRoute;
          await sendCase(fuzz, route, c, pool, stats);
        }),
        summary: () => ({ ...stats.summary(), pooledValues: pool.size }),
        close: () => fuzz.close(),
      };
    },
  };
}

/** Fills the pool from the list routes (GET without path parameters) as every role: real ids, codes, numbers. */
async function primePool(fuzz: FuzzApp, routes: AnyRoute[], pool: ValuePool): Promise<void> {
  for (const route of routes) {
    if (route.method !== 'GET' || route.path.includes(':')) continue;
    for (const role of ROLE_CODES) {
      const a = fuzz.actor(role);
      const res = await fuzz.app.inject({ method: 'GET', url: route.path, cookies: { th_session: a.cookie } });
      if (res.statusCode === 200 && String(res.headers['content-type']).includes('json')) pool.harvest(res.json());
    }
  }
}

const ERROR_CODES = new Set(Object.keys(ERRORS));

export async function sendCase(
  fuzz: FuzzApp,
  route: AnyRoute,
  c: RouteCase,
  pool: ValuePool,
  stats: RouteStats,
): Promise<void> {
  const url = pathOf(route, c.params) + queryString(c.query, c.brokenQuery);
  const actor = c.who === 'anonymous' ? null : fuzz.actor(c.who);
  const request: InjectOptions = {
    method: route.method,
    url,
    remoteAddress: c.ip,
    ...(actor ? { cookies: { th_session: actor.cookie } } : {}),
    headers: actor && route.method !== 'GET' ? { 'x-csrf-token': actor.csrf } : {},
  };
  if (c.body.mode === 'json') request.payload = JSON.stringify(c.body.value) ?? 'null';
  if (c.body.mode === 'json') request.headers = { ...request.headers, 'content-type': 'application/json' };
  if (c.body.mode === 'raw') {
    request.payload = c.body.text;
    request.headers = { ...request.headers, 'content-type': c.body.contentType };
  }
  fuzz.takeError();
  const res = await fuzz.app.inject(request);
  stats.count(`${route.method} ${route.path}`, res.statusCode);
  if (res.statusCode >= 500) {
    const err = fuzz.takeError();
    throw new Error(
      `${route.method} ${route.path} as ${c.who} → ${res.statusCode}\n  url: ${url.slice(0, 500)}\n  body: ${String(request.payload ?? '').slice(0, 500)}\n  answer: ${res.body.slice(0, 500)}\n  cause: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`,
    );
  }
  const json = String(res.headers['content-type'] ?? '').includes('application/json');
  if (res.statusCode >= 400 && json) {
    const code = (res.json() as { error?: { code?: unknown } }).error?.code;
    if (typeof code !== 'string' || !ERROR_CODES.has(code)) {
      throw new Error(
        `${route.method} ${route.path} → ${res.statusCode} with an unknown error code: ${res.body.slice(0, 300)}`,
      );
    }
    // A fuzzed request closed the actor's session or account (logout, password, disabled): a new one.
    if (actor && (res.statusCode === 401 || code === 'password_change_required')) await fuzz.renew(actor.role);
  } else if (res.statusCode < 300 && json && res.body.length < 2_000_000) {
    pool.harvest(res.json());
  }
}
