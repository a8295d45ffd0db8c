import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { buildApp } from '../app.js';
import { type ManualClock, manualClock } from '../clock.js';
import { type Config, loadConfig } from '../config.js';
import type { UserRow } from '../db/schema.js';
import { memoryMailer } from '../mail/mailer.js';
import type { WorkflowHooks } from '../workflow/hooks.js';
import { TEST_CLOCK_START } from './constants.js';
import { forEachDatabase, type TestDatabase, type TestDatabaseOptions } from './databases.js';
import { TEST_PASSWORD } from './factories.js';

/** The app of one suite on one database, with a manual clock and a mailer that keeps messages. */
export interface TestApp extends TestDatabase {
  readonly app: FastifyInstance;
  readonly clock: ManualClock;
  readonly config: TestDatabase['config'];
  readonly appConfig: Config;
  readonly mailer: ReturnType<typeof memoryMailer>;
}

export interface TestAppOptions extends TestDatabaseOptions {
  /** Extra environment for loadConfig, e.g. `{ PUBLIC_URL: 'https://…' }`. */
  env?: Record<string, string>;
  /** The workflow's in-transaction hooks (default: none). */
  hooks?: WorkflowHooks;
}

/** `forEachDatabase` plus an app built on it (`app.inject()`); the clock starts at TEST_CLOCK_START. */
export function forEachApp(body: (t: TestApp) => void, options: TestAppOptions = {}): void {
  forEachDatabase((t) => {
    const state: { app?: FastifyInstance; config?: Config } = {};
    const clock = manualClock(TEST_CLOCK_START);
    const mailer = memoryMailer();
    beforeAll(async () => {
      state.config = testConfig(t, options.env);
      state.app = await buildApp({
        db: t.db,
        config: state.config,
        clock,
        mailer,
        ...(options.hooks ? { hooks: options.hooks } : {}),
      });
      await state.app.ready();
    });
    afterAll(async () => {
      await state.app?.close();
    });
    body({
      kind: t.kind,
      get db() {
        return t.db;
      },
      get config() {
        return t.config;
      },
      get dir() {
        return t.dir;
      },
      get app() {
        return state.app!;
      },
      get appConfig() {
        return state.config!;
      },
      clock,
      mailer,
    });
  }, options);
}

export function testConfig(t: TestDatabase, env: Record<string, string> = {}): Config {
  const config = loadConfig({ NODE_ENV: 'test', THONGHANH_DATA_DIR: t.dir, ...env });
  return { ...config, database: t.config };
}

/** A signed-in client: sends the session cookie and (for writes) the CSRF header. */
export interface Agent {
  user: UserRow;
  cookie: string;
  csrfToken: string;
  request(options: InjectOptions & { csrf?: boolean }): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
}

let loginCount = 1;

/** Logs `user` in through the API and returns an agent that carries the session. */
export async function signIn(app: FastifyInstance, user: UserRow, password = TEST_PASSWORD): Promise<Agent> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username: user.username, password },
    // A new address per login, so the login back-off of one test never slows another.
    remoteAddress: `10.0.${(loginCount >> 8) & 255}.${loginCount++ & 255}`,
  });
  if (res.statusCode !== 200) throw new Error(`login of ${user.username} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'th_session');
  if (!cookie) throw new Error('no session cookie');
  const csrfToken = res.json().csrfToken as string;
  const agent: Agent = {
    user,
    cookie: cookie.value,
    csrfToken,
    request: ({ csrf = true, ...options }) =>
      app.inject({
        ...options,
        cookies: { ...(options.cookies ?? {}), th_session: cookie.value },
        headers: {
          ...(options.headers ?? {}),
          ...(csrf && options.method && options.method !== 'GET' ? { 'x-csrf-token': csrfToken } : {}),
        },
      }),
    get: (url) => agent.request({ method: 'GET', url }),
    post: (url, body) =>
      agent.request({ method: 'POST', url, ...(body !== undefined ? { payload: body as object } : {}) }),
    patch: (url, body) =>
      agent.request({ method: 'PATCH', url, ...(body !== undefined ? { payload: body as object } : {}) }),
    put: (url, body) =>
      agent.request({ method: 'PUT', url, ...(body !== undefined ? { payload: body as object } : {}) }),
    delete: (url) => agent.request({ method: 'DELETE', url }),
  };
  return agent;
}
