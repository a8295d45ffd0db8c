import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { createDatabase } from '../db/database.js';
import type { Db } from '../db/schema.js';
import { forEachApp, signIn } from '../test/app.js';
import { makeUser, TEST_PASSWORD } from '../test/factories.js';
import { backoffMs, beginLoginAttempt, loginKeys, USER_THROTTLE, userKey } from './login-throttle.js';

const login = (app: FastifyInstance, username: string, password: string, ip: string) =>
  app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password }, remoteAddress: ip });

const tally = (answers: LightMyRequestResponse[]) => {
  const out: Record<number, number> = {};
  for (const a of answers) out[a.statusCode] = (out[a.statusCode] ?? 0) + 1;
  return out;
};

describe('a burst of parallel logins', () => {
  forEachApp((t) => {
    const failuresOf = async (db: Db, username: string) =>
      (await db.selectFrom('rate_limits').select('hits').where('key', '=', userKey(username)).executeTakeFirst())
        ?.hits ?? 0;

    /** The owner, right after the burst: let in, or made to wait no longer than the back-off of the failures counted. */
    async function expectOwnerWaitsAtMostBackoff(app: FastifyInstance, username: string, checked: number) {
      const owner = await login(app, username, TEST_PASSWORD, '192.0.2.250');
      const limit = Math.ceil(backoffMs(checked, USER_THROTTLE) / 1000);
      if (limit === 0) expect(owner.statusCode, owner.body).toBe(200);
      else {
        expect(owner.statusCode).toBe(429);
        expect(Number(owner.headers['retry-after'])).toBeLessThanOrEqual(limit);
      }
      t.clock.advance(limit * 1000);
      expect((await login(app, username, TEST_PASSWORD, '192.0.2.251')).statusCode).toBe(200);
    }

    it('200 wrong passwords from 200 addresses: each 401 or 429, only the checked ones counted', async () => {
      const user = await makeUser(t.db);
      const answers = await Promise.all(
        Array.from({ length: 200 }, (_, i) => login(t.app, user.username, 'sai', `203.0.113.${i}`)),
      );
      const counts = tally(answers);
      expect(Object.keys(counts).sort()).toEqual(expect.arrayContaining(['401']));
      expect((counts[401] ?? 0) + (counts[429] ?? 0)).toBe(200);
      for (const a of answers.filter((x) => x.statusCode === 429)) {
        expect(a.json().error.code).toBe('too_many_attempts');
        expect(Number(a.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      }
      expect(await failuresOf(t.db, user.username)).toBe(counts[401]);
      await expectOwnerWaitsAtMostBackoff(t.app, user.username, counts[401]!);
    });

    it('200 wrong passwords for 200 usernames from one address: one checked at a time', async () => {
      const users = await Promise.all(Array.from({ length: 5 }, () => makeUser(t.db)));
      const answers = await Promise.all(
        Array.from({ length: 200 }, (_, i) => login(t.app, users[i % 5]!.username, 'sai', '198.51.100.200')),
      );
      const counts = tally(answers);
      expect((counts[401] ?? 0) + (counts[429] ?? 0)).toBe(200);
      const ip = await t.db
        .selectFrom('rate_limits')
        .select(['hits', 'busy_until'])
        .where('key', '=', 'login:ip:198.51.100.200')
        .executeTakeFirstOrThrow();
      expect(ip).toEqual({ hits: counts[401], busy_until: null });
    });

    it('refuses a login while another for the same username is being checked, then lets it in', async () => {
      const user = await makeUser(t.db);
      const held = await beginLoginAttempt(t.db, loginKeys(user.username, '192.0.2.60'), t.clock.now());
      const busy = await login(t.app, user.username, TEST_PASSWORD, '192.0.2.61');
      expect([busy.statusCode, busy.headers['retry-after'], busy.json().error.code]).toEqual([
        429,
        '1',
        'too_many_attempts',
      ]);
      expect(busy.json().error.message).toBe(
        'Đang kiểm tra một lần đăng nhập khác của tài khoản này hoặc từ địa chỉ mạng này. Vui lòng thử lại sau 1 giây.',
      );
      // The same address, another username: the address is held too.
      const other = await makeUser(t.db);
      expect((await login(t.app, other.username, TEST_PASSWORD, '192.0.2.60')).statusCode).toBe(429);
      await held.release();
      expect((await login(t.app, user.username, TEST_PASSWORD, '192.0.2.61')).statusCode).toBe(200);
      expect(await failuresOf(t.db, user.username)).toBe(0);
    });

    it('answers an unknown username, a wrong password and a disabled account alike, counting one failure each', async () => {
      const known = await makeUser(t.db);
      const disabled = await makeUser(t.db, { active: false });
      const names = ['khong.ai.ca', known.username, disabled.username];
      const answers = [];
      for (const name of names) answers.push(await login(t.app, name, 'sai-mat-khau', '192.0.2.70'));
      for (const a of answers) {
        expect([a.statusCode, a.json(), a.cookies]).toEqual([
          401,
          { error: { code: 'invalid_credentials', message: 'Tên đăng nhập hoặc mật khẩu không đúng.' } },
          [],
        ]);
      }
      for (const name of names) expect(await failuresOf(t.db, name)).toBe(1);
      // Only the right password of a disabled account is told that it is disabled.
      const right = await login(t.app, disabled.username, TEST_PASSWORD, '192.0.2.70');
      expect([right.statusCode, right.json().error.code]).toEqual([403, 'account_disabled']);
    });

    it('checks one current password at a time on the change-password route, with the same back-off', async () => {
      const user = await makeUser(t.db);
      const agent = await signIn(t.app, user);
      const body = { currentPassword: 'sai', newPassword: 'mat-khau-moi-2021' };
      const answers = await Promise.all(Array.from({ length: 20 }, () => agent.post('/api/v1/auth/password', body)));
      const counts = tally(answers);
      expect((counts[400] ?? 0) + (counts[429] ?? 0)).toBe(20);
      expect(await failuresOf(t.db, user.username)).toBe(counts[400]);
    });

    describe('with a second server on the same database', () => {
      let db2: Db;
      let app2: FastifyInstance;
      beforeAll(async () => {
        db2 = createDatabase(t.config);
        app2 = await buildApp({ db: db2, config: t.appConfig, clock: t.clock });
        await app2.ready();
      });
      afterAll(async () => {
        await app2?.close();
        await db2?.destroy();
      });

      it('holds the back-off across servers: 5 failures on one lock the username on the other', async () => {
        const user = await makeUser(t.db);
        for (let i = 0; i < 5; i++) {
          const server = i % 2 ? app2 : t.app;
          expect((await login(server, user.username, 'sai', `192.0.2.${80 + i}`)).statusCode).toBe(401);
        }
        const locked = await login(app2, user.username, TEST_PASSWORD, '192.0.2.90');
        expect([locked.statusCode, locked.headers['retry-after']]).toEqual([429, '1']);
        t.clock.advance(1000);
        expect((await login(app2, user.username, TEST_PASSWORD, '192.0.2.90')).statusCode).toBe(200);
      });

      // Two connections in one process block each other on SQLite (one file lock, one thread):
      // parallel servers are PostgreSQL's case.
      it.runIf(t.kind === 'postgres')(
        '200 parallel wrong passwords split over both: only checked ones counted',
        async () => {
          const user = await makeUser(t.db);
          const answers = await Promise.all(
            Array.from({ length: 200 }, (_, i) =>
              login(i % 2 ? app2 : t.app, user.username, 'sai', `198.18.${i % 2}.${i >> 1}`),
            ),
          );
          const counts = tally(answers);
          expect((counts[401] ?? 0) + (counts[429] ?? 0)).toBe(200);
          expect(await failuresOf(t.db, user.username)).toBe(counts[401]);
          await expectOwnerWaitsAtMostBackoff(app2, user.username, counts[401]!);
        },
      );
    });
  });
});
