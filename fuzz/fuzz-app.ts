import type { FastifyInstance } from 'fastify';
import { buildApp } from '../packages/server/src/app.js';
import { createSession } from '../packages/server/src/auth/sessions.js';
import { ROLE_CODES, type Role } from '../packages/server/src/authz/index.js';
import { manualClock } from '../packages/server/src/clock.js';
import { loadConfig } from '../packages/server/src/config.js';
import type { DialectKind } from '../packages/server/src/db/database.js';
import type { Db, UserRow } from '../packages/server/src/db/schema.js';
import { seedDemo } from '../packages/server/src/demo/seed-demo.js';
import { memoryMailer } from '../packages/server/src/mail/mailer.js';
import { TEST_CLOCK_START } from '../packages/server/src/test/constants.js';
import { openTestDatabase } from '../packages/server/src/test/databases.js';
import { makeUser, testPasswordHash } from '../packages/server/src/test/factories.js';

/** A signed-in actor of one role: the cookie and CSRF token its requests carry. */
export interface Actor {
  role: Role;
  user: UserRow;
  cookie: string;
  csrf: string;
}

export interface FuzzApp {
  kind: DialectKind;
  app: FastifyInstance;
  db: Db;
  /** The last error the app met while answering (the cause of a 5xx), reset by `takeError`. */
  takeError(): unknown;
  actor(role: Role): Actor;
  /** The actor's session or account was closed by a fuzzed request (logout, disabled…): make a new one. */
  renew(role: Role): Promise<void>;
  close(): Promise<void>;
}

/**
 * The whole server on a throw-away database (SQLite, or a PostgreSQL schema of
 * DATABASE_URL) holding the demo (accounts of every role, businesses, dossiers, permits,
 * inspections), with one signed-in actor per role. The clock stands still, so sessions
 * never expire while the fuzzer runs.
 */
export async function openFuzzApp(kind: DialectKind): Promise<FuzzApp> {
  const t = await openTestDatabase(kind);
  const clock = manualClock(TEST_CLOCK_START);
  const config = { ...loadConfig({ NODE_ENV: 'test', THONGHANH_DATA_DIR: t.dir }), database: t.config };
  await seedDemo(t.db, { passwordHash: await testPasswordHash(), config, clock });
  const app = await buildApp({ db: t.db, config, clock, mailer: memoryMailer() });
  let lastError: unknown;
  app.addHook('onError', async (_req, _reply, err) => {
    lastError = err;
  });
  await app.ready();

  const actors = new Map<Role, Actor>();
  const signIn = async (user: UserRow): Promise<Actor> => {
    const { token, session } = await createSession(t.db, user.id, clock.now(), config.session);
    return { role: user.role as Role, user, cookie: token, csrf: session.csrf_token };
  };
  for (const role of ROLE_CODES) {
    const user =
      (await t.db
        .selectFrom('users')
        .selectAll()
        .where('role', '=', role)
        .where('active', '=', 1)
        .where('must_change_password', '=', 0)
        .orderBy('created_at')
        .executeTakeFirst()) ?? (await makeUser(t.db, { role }));
    actors.set(role, await signIn(user));
  }

  const actor = (role: Role): Actor => {
    const a = actors.get(role);
    if (!a) throw new Error(`no actor for ${role}`);
    return a;
  };
  return {
    kind,
    app,
    db: t.db,
    takeError() {
      const e = lastError;
      lastError = undefined;
      return e;
    },
    actor,
    async renew(role) {
      const old = actor(role);
      const row = await t.db.selectFrom('users').selectAll().where('id', '=', old.user.id).executeTakeFirst();
      const usable = row && row.active === 1 && row.must_change_password === 0 && row.role === role;
      const user = usable
        ? row
        : await makeUser(t.db, {
            role,
            ...(old.user.ward_code ? { wardCode: old.user.ward_code } : {}),
            ...(old.user.business_id ? { businessId: old.user.business_id } : {}),
          });
      actors.set(role, await signIn(user));
    },
    async close() {
      await app.close();
      await t.close();
    },
  };
}
