import { beforeAll, describe, expect, it } from 'vitest';
import { type Agent, forEachApp, signIn } from '../test/app.js';
import { WARDS } from '../test/constants.js';
import { makeUser, TEST_PASSWORD } from '../test/factories.js';

describe('users routes', () => {
  forEachApp((t) => {
    let admin: Agent;
    let supervisor: Agent;
    beforeAll(async () => {
      admin = await signIn(t.app, await makeUser(t.db, { role: 'ward_admin', username: 'quantri.test' }));
      supervisor = await signIn(t.app, await makeUser(t.db, { role: 'supervisor', districtCode: '004' }));
      await makeUser(t.db, { role: 'health_officer', username: 'yte.test', wardCode: WARDS.own });
      await makeUser(t.db, { role: 'ward_officer', username: 'vietHung.test', wardCode: WARDS.sameDistrict });
      await makeUser(t.db, { role: 'ward_officer', username: 'phucxa.test', wardCode: WARDS.other });
    });

    it('lets a ward admin create an officer of its ward with a generated password, shown once', async () => {
      const res = await admin.post('/api/v1/users', {
        username: 'MotCua.Moi',
        fullName: 'Cán bộ Một cửa',
        role: 'ward_officer',
      });
      expect(res.statusCode).toBe(201);
      const body = res.json();
      expect(body.user).toMatchObject({
        username: 'motcua.moi',
        role: 'ward_officer',
        wardCode: WARDS.own,
        districtCode: '004',
        provinceCode: '01',
        active: true,
        mustChangePassword: true,
      });
      expect(body.generatedPassword).toMatch(/^[A-Za-z2-9]{12}$/);
      const agent = await signIn(t.app, { ...body.user, username: 'motcua.moi' }, body.generatedPassword);
      expect((await agent.get('/api/v1/auth/me')).json().user.mustChangePassword).toBe(true);
      const again = await admin.post('/api/v1/users', { username: 'motcua.moi', fullName: 'X', role: 'ward_officer' });
      expect([again.statusCode, again.json().error.code]).toEqual([409, 'username_taken']);
    });

    it('accepts a given password and refuses roles a ward admin may not create', async () => {
      const ok = await admin.post('/api/v1/users', {
        username: 'chot.moi',
        fullName: 'Cán bộ chốt',
        role: 'checkpoint_officer',
        password: 'mat-khau-cho-chot',
      });
      expect(ok.statusCode).toBe(201);
      expect(ok.json()).not.toHaveProperty('generatedPassword');
      for (const role of ['supervisor', 'business_rep', 'root']) {
        const res = await admin.post('/api/v1/users', { username: `x.${role}`, fullName: 'X', role });
        expect([res.statusCode, res.json().error.issues[0].path]).toEqual([400, 'body.role']);
      }
    });

    it('lists the users of the admin’s ward only; a supervisor sees the whole district', async () => {
      const mine = (await admin.get('/api/v1/users')).json().items.map((u: { username: string }) => u.username);
      expect(mine).toContain('yte.test');
      expect(mine).not.toContain('viethung.test');
      expect(mine).not.toContain('phucxa.test');
      const area = (await supervisor.get('/api/v1/users')).json().items.map((u: { username: string }) => u.username);
      expect(area).toEqual(expect.arrayContaining(['yte.test', 'viethung.test']));
      expect(area).not.toContain('phucxa.test');
      const filtered = (await supervisor.get(`/api/v1/users?ward=${WARDS.sameDistrict}&role=ward_officer`)).json()
        .items;
      expect(filtered.map((u: { username: string }) => u.username)).toEqual(['viethung.test']);
    });

    it('deactivates a user (ending their sessions) and reactivates them; not oneself', async () => {
      const user = await makeUser(t.db, { role: 'ward_officer' });
      const session = await signIn(t.app, user);
      const off = await admin.post(`/api/v1/users/${user.id}/deactivate`);
      expect(off.json()).toMatchObject({ id: user.id, active: false });
      expect((await session.get('/api/v1/auth/me')).statusCode).toBe(401);
      await expect(signIn(t.app, user)).rejects.toThrow(/403/);
      expect((await admin.post(`/api/v1/users/${user.id}/reactivate`)).json().active).toBe(true);
      expect((await signIn(t.app, user)).user.id).toBe(user.id);
      const self = await admin.post(`/api/v1/users/${admin.user.id}/deactivate`);
      expect([self.statusCode, self.json().error.code]).toEqual([409, 'cannot_deactivate_self']);
    });

    it('resets a password: old one refused, sessions ended, the new one must be changed', async () => {
      const user = await makeUser(t.db, { role: 'health_officer' });
      const session = await signIn(t.app, user);
      const res = await admin.post(`/api/v1/users/${user.id}/reset-password`, {});
      const password = res.json().generatedPassword as string;
      expect(password).toHaveLength(12);
      expect((await session.get('/api/v1/auth/me')).statusCode).toBe(401);
      await expect(signIn(t.app, user, TEST_PASSWORD)).rejects.toThrow(/401/);
      const fresh = await signIn(t.app, user, password);
      expect((await fresh.get('/api/v1/auth/me')).json().user.mustChangePassword).toBe(true);
    });

    it('records each change in the audit log of the ward, without passwords', async () => {
      const rows = await t.db
        .selectFrom('audit_log')
        .select(['action', 'actor_id', 'ward_code', 'detail'])
        .where('actor_id', '=', admin.user.id)
        .orderBy('seq')
        .execute();
      expect(rows.map((r) => r.action)).toEqual(
        expect.arrayContaining(['user.created', 'user.deactivated', 'user.reactivated', 'user.password_reset']),
      );
      expect(rows.every((r) => r.ward_code === WARDS.own)).toBe(true);
      expect(rows.map((r) => r.detail).join()).not.toMatch(/password|scrypt/i);
    });

    it('answers 404 for an unknown id', async () => {
      const res = await admin.get('/api/v1/users/00000000-0000-4000-8000-000000000000');
      expect([res.statusCode, res.json().error.code]).toEqual([404, 'not_found']);
    });
  });
});
