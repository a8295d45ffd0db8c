import { beforeAll, describe, expect, it } from 'vitest';
import type { UserRow } from '../db/schema.js';
import { forEachApp, signIn } from '../test/app.js';
import { makeUser, TEST_PASSWORD } from '../test/factories.js';

const HOUR = 3_600_000;

describe('login, me, logout', () => {
  forEachApp((t) => {
    let user: UserRow;
    beforeAll(async () => {
      user = await makeUser(t.db, { role: 'ward_officer' });
    });

    const login = (username: string, password: string, ip = '192.0.2.1') =>
      t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password }, remoteAddress: ip });

    it('logs in with the right password: session cookie, user and CSRF token', async () => {
      const res = await login(user.username.toUpperCase(), TEST_PASSWORD, '192.0.2.10');
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.user).toMatchObject({
        id: user.id,
        username: user.username,
        role: 'ward_officer',
        wardCode: '00124',
      });
      expect(body.user).not.toHaveProperty('passwordHash');
      expect(body.csrfToken).toMatch(/^[A-Za-z0-9_-]{32}$/);
      const cookie = res.cookies.find((c) => c.name === 'th_session')!;
      expect(cookie.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
      const stored = await t.db.selectFrom('sessions').select('id').where('user_id', '=', user.id).execute();
      expect(stored.map((s) => s.id)).not.toContain(cookie.value);
    });

    it('sets the cookie HttpOnly, SameSite=Lax, Path=/, not Secure over http, and no Strict-Transport-Security', async () => {
      const res = await login(user.username, TEST_PASSWORD, '192.0.2.11');
      expect(res.headers['strict-transport-security']).toBeUndefined();
      const header = String(res.headers['set-cookie']);
      expect(header).toMatch(/^th_session=[^;]+;/);
      expect(header).toContain('HttpOnly');
      expect(header).toContain('SameSite=Lax');
      expect(header).toContain('Path=/');
      expect(header).not.toContain('Secure');
    });

    it('refuses a wrong password and an unknown user with the same 401 invalid_credentials', async () => {
      for (const res of [
        await login(user.username, 'sai-mat-khau', '192.0.2.12'),
        await login('khong.co.ai', 'x', '192.0.2.12'),
      ]) {
        expect(res.statusCode).toBe(401);
        expect(res.json().error).toEqual({
          code: 'invalid_credentials',
          message: 'Tên đăng nhập hoặc mật khẩu không đúng.',
        });
        expect(res.cookies).toHaveLength(0);
      }
    });

    it('refuses a deactivated account with 403 account_disabled', async () => {
      const inactive = await makeUser(t.db, { active: false });
      const res = await login(inactive.username, TEST_PASSWORD, '192.0.2.13');
      expect([res.statusCode, res.json().error.code]).toEqual([403, 'account_disabled']);
    });

    it('answers me with the user and the same CSRF token, and 401 unauthenticated without a cookie', async () => {
      const agent = await signIn(t.app, user);
      const me = await agent.get('/api/v1/auth/me');
      expect(me.statusCode).toBe(200);
      expect(me.json()).toMatchObject({ user: { id: user.id }, csrfToken: agent.csrfToken });
      const anon = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me' });
      expect([anon.statusCode, anon.json().error.code]).toEqual([401, 'unauthenticated']);
    });

    it('logs out: the session is gone and its cookie cleared', async () => {
      const agent = await signIn(t.app, user);
      const out = await agent.post('/api/v1/auth/logout');
      expect(out.statusCode).toBe(200);
      expect(String(out.headers['set-cookie'])).toMatch(/th_session=;.*Expires=Thu, 01 Jan 1970/);
      const me = await agent.get('/api/v1/auth/me');
      expect(me.statusCode).toBe(401);
    });

    it('records logins and logouts in the audit log', async () => {
      const agent = await signIn(t.app, user);
      await agent.post('/api/v1/auth/logout');
      const rows = await t.db
        .selectFrom('audit_log')
        .select(['action', 'actor_id'])
        .where('entity_id', '=', user.id)
        .orderBy('seq', 'desc')
        .limit(2)
        .execute();
      expect(rows).toEqual([
        { action: 'auth.logged_out', actor_id: user.id },
        { action: 'auth.logged_in', actor_id: user.id },
      ]);
    });

    it('rejects a malformed body with 400 validation_failed and per-field issues', async () => {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: '' } });
      expect(res.statusCode).toBe(400);
      const err = res.json().error;
      expect(err.code).toBe('validation_failed');
      expect(err.issues.map((i: { path: string }) => i.path).sort()).toEqual(['body.password', 'body.username']);
    });

    it('rejects a body that is not JSON with 400 bad_request', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { 'content-type': 'application/json' },
        payload: '{"username":',
      });
      expect([res.statusCode, res.json().error.code]).toEqual([400, 'bad_request']);
    });
  });
});

describe('login back-off', () => {
  forEachApp((t) => {
    const login = (username: string, password: string, ip: string) =>
      t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password }, remoteAddress: ip });

    it('after 5 failures waits 1 s, then doubles, with Retry-After; a success clears it', async () => {
      const user = await makeUser(t.db);
      const ip = '198.51.100.1';
      for (let i = 0; i < 5; i++) expect((await login(user.username, 'sai', ip)).statusCode).toBe(401);
      const locked = await login(user.username, TEST_PASSWORD, ip);
      expect(locked.statusCode).toBe(429);
      expect(locked.json().error.code).toBe('too_many_attempts');
      expect(locked.headers['retry-after']).toBe('1');

      t.clock.advance(1000);
      expect((await login(user.username, 'sai', ip)).statusCode).toBe(401); // 6th failure: 2 s
      t.clock.advance(1000);
      const still = await login(user.username, TEST_PASSWORD, ip);
      expect([still.statusCode, still.headers['retry-after']]).toEqual([429, '1']);
      t.clock.advance(1000);
      expect((await login(user.username, 'sai', ip)).statusCode).toBe(401); // 7th: 4 s
      const wait4 = await login(user.username, TEST_PASSWORD, ip);
      expect(wait4.headers['retry-after']).toBe('4');

      t.clock.advance(4000);
      expect((await login(user.username, TEST_PASSWORD, ip)).statusCode).toBe(200);
      expect((await login(user.username, 'sai', ip)).statusCode).toBe(401); // counter restarted: no lock
      expect((await login(user.username, TEST_PASSWORD, ip)).statusCode).toBe(200);
    });

    it('locks the username whatever the IP, and caps the wait at 15 minutes', async () => {
      const user = await makeUser(t.db);
      for (let i = 0; i < 20; i++) {
        const res = await login(user.username, 'sai', `203.0.113.${i}`);
        expect([401, 429]).toContain(res.statusCode);
        t.clock.advance(16 * 60_000);
      }
      for (let i = 0; i < 3; i++) await login(user.username, 'sai', '203.0.113.99');
      t.clock.advance(1);
      const res = await login(user.username, TEST_PASSWORD, '203.0.113.100');
      expect(res.statusCode).toBe(429);
      expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(15 * 60);
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(14 * 60);
    });

    it('locks an IP after 20 failures across usernames', async () => {
      const ip = '198.51.100.77';
      for (let i = 0; i < 20; i++) await login((await makeUser(t.db)).username, 'sai', ip);
      const user = await makeUser(t.db);
      const res = await login(user.username, TEST_PASSWORD, ip);
      expect([res.statusCode, res.headers['retry-after']]).toEqual([429, '1']);
      expect((await login(user.username, TEST_PASSWORD, '198.51.100.78')).statusCode).toBe(200);
    });
  });
});

describe('session expiry', () => {
  forEachApp((t) => {
    it('ends a session idle for 8 hours with 401 session_expired', async () => {
      const agent = await signIn(t.app, await makeUser(t.db));
      t.clock.advance(8 * HOUR - 1000);
      expect((await agent.get('/api/v1/auth/me')).statusCode).toBe(200);
      t.clock.advance(8 * HOUR - 1000); // activity above moved the idle deadline
      expect((await agent.get('/api/v1/auth/me')).statusCode).toBe(200);
      t.clock.advance(8 * HOUR);
      const res = await agent.get('/api/v1/auth/me');
      expect([res.statusCode, res.json().error.code]).toEqual([401, 'session_expired']);
      expect((await agent.get('/api/v1/auth/me')).json().error.code).toBe('unauthenticated');
    });

    it('ends any session 24 hours after login, active or not', async () => {
      const agent = await signIn(t.app, await makeUser(t.db));
      for (let h = 0; h < 23; h++) {
        t.clock.advance(HOUR);
        expect((await agent.get('/api/v1/auth/me')).statusCode).toBe(200);
      }
      t.clock.advance(HOUR);
      expect((await agent.get('/api/v1/auth/me')).json().error.code).toBe('session_expired');
    });

    it('ends the sessions of a deactivated user at once', async () => {
      const user = await makeUser(t.db);
      const agent = await signIn(t.app, user);
      await t.db.updateTable('users').set({ active: 0 }).where('id', '=', user.id).execute();
      expect((await agent.get('/api/v1/auth/me')).statusCode).toBe(401);
    });
  });
});

describe('CSRF', () => {
  forEachApp((t) => {
    it('refuses a cookie-authenticated write without the header, or with a wrong one, with 403 csrf_failed', async () => {
      const agent = await signIn(t.app, await makeUser(t.db));
      const without = await agent.request({ method: 'POST', url: '/api/v1/auth/logout', csrf: false });
      expect([without.statusCode, without.json().error.code]).toEqual([403, 'csrf_failed']);
      const wrong = await agent.request({
        method: 'POST',
        url: '/api/v1/auth/logout',
        csrf: false,
        headers: { 'x-csrf-token': `${agent.csrfToken.slice(0, -1)}x` },
      });
      expect([wrong.statusCode, wrong.json().error.code]).toEqual([403, 'csrf_failed']);
      expect((await agent.get('/api/v1/auth/me')).statusCode).toBe(200);
    });

    it('accepts the write with the session token in x-csrf-token', async () => {
      const agent = await signIn(t.app, await makeUser(t.db));
      expect((await agent.post('/api/v1/auth/logout')).statusCode).toBe(200);
    });

    it('does not accept the CSRF token of another session', async () => {
      const a = await signIn(t.app, await makeUser(t.db));
      const b = await signIn(t.app, await makeUser(t.db));
      const res = await a.request({
        method: 'POST',
        url: '/api/v1/auth/logout',
        csrf: false,
        headers: { 'x-csrf-token': b.csrfToken },
      });
      expect(res.statusCode).toBe(403);
    });
  });
});

describe('changing one’s password', () => {
  forEachApp((t) => {
    it('needs the current password, then logs out the other sessions and accepts only the new one', async () => {
      const user = await makeUser(t.db);
      const here = await signIn(t.app, user);
      const elsewhere = await signIn(t.app, user);
      const wrong = await here.post('/api/v1/auth/password', {
        currentPassword: 'sai',
        newPassword: 'mat-khau-moi-2021',
      });
      expect([wrong.statusCode, wrong.json().error.code]).toEqual([400, 'wrong_current_password']);
      const short = await here.post('/api/v1/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'ngan' });
      expect(short.json().error.issues[0].path).toBe('body.newPassword');
      const ok = await here.post('/api/v1/auth/password', {
        currentPassword: TEST_PASSWORD,
        newPassword: 'mat-khau-moi-2021',
      });
      expect(ok.statusCode).toBe(200);
      expect((await here.get('/api/v1/auth/me')).statusCode).toBe(200);
      expect((await elsewhere.get('/api/v1/auth/me')).statusCode).toBe(401);
      await expect(signIn(t.app, user)).rejects.toThrow(/401/);
      expect((await signIn(t.app, user, 'mat-khau-moi-2021')).user.id).toBe(user.id);
    });
  });
});

describe('a user who must change a given password', () => {
  forEachApp((t) => {
    it('may only see who they are, change it and log out; every other route answers 403 until then', async () => {
      const user = await makeUser(t.db, { role: 'ward_officer' });
      await t.db.updateTable('users').set({ must_change_password: 1 }).where('id', '=', user.id).execute();
      const agent = await signIn(t.app, user);
      const me = await agent.get('/api/v1/auth/me');
      expect([me.statusCode, me.json().user.mustChangePassword]).toEqual([200, true]);
      for (const res of [
        await agent.get('/api/v1/businesses'),
        await agent.get(`/api/v1/users/${user.id}`),
        await agent.post('/api/v1/checkpoints', { name: 'Chốt thử', wardCode: '00124' }),
      ]) {
        expect(res.statusCode).toBe(403);
        expect(res.json().error).toEqual({
          code: 'password_change_required',
          message: 'Bạn cần đổi mật khẩu trước khi tiếp tục (mật khẩu hiện tại là mật khẩu được cấp).',
        });
      }
      // Public routes answer as they do to anyone.
      expect((await agent.get('/api/v1/admin-units?parent=004')).statusCode).toBe(200);
      const changed = await agent.post('/api/v1/auth/password', {
        currentPassword: TEST_PASSWORD,
        newPassword: 'mat-khau-cua-toi-2021',
      });
      expect(changed.statusCode, changed.body).toBe(200);
      expect((await agent.get('/api/v1/auth/me')).json().user.mustChangePassword).toBe(false);
      expect((await agent.get('/api/v1/businesses')).statusCode).toBe(200);
    });

    it('may log out before changing it', async () => {
      const user = await makeUser(t.db);
      await t.db.updateTable('users').set({ must_change_password: 1 }).where('id', '=', user.id).execute();
      const agent = await signIn(t.app, user);
      expect((await agent.post('/api/v1/auth/logout')).statusCode).toBe(200);
    });
  });
});

describe('cookies behind https', () => {
  forEachApp(
    (t) => {
      it('are Secure when PUBLIC_URL is https', async () => {
        const user = await makeUser(t.db);
        const res = await t.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { username: user.username, password: TEST_PASSWORD },
        });
        const header = String(res.headers['set-cookie']);
        expect(header).toContain('Secure');
        expect(header).toContain('HttpOnly');
        expect(header).toContain('SameSite=Lax');
      });

      it('send Strict-Transport-Security for at least 180 days, on the API, on errors and on pages', async () => {
        for (const url of ['/api/v1/auth/me', '/healthz', '/giay-di-duong']) {
          const res = await t.app.inject({ method: 'GET', url, headers: { accept: 'text/html' } });
          const hsts = String(res.headers['strict-transport-security']);
          expect(Number(/^max-age=(\d+)$/.exec(hsts)?.[1]), url).toBeGreaterThanOrEqual(180 * 86_400);
        }
      });
    },
    { env: { PUBLIC_URL: 'https://thonghanh.example.vn' } },
  );
});
