import { describe, expect, it } from 'vitest';
import { forEachApp, signIn } from '../test/app.js';
import { WARDS } from '../test/constants.js';
import { makeUser } from '../test/factories.js';

describe('an account e-mail', () => {
  forEachApp((t) => {
    it('is set at creation, changed and cleared by the ward admin, stored lower-case, audited', async () => {
      const admin = await signIn(t.app, await makeUser(t.db, { role: 'ward_admin', wardCode: WARDS.own }));
      const created = await admin.post('/api/v1/users', {
        username: `mot.cua.${Date.now().toString(36)}`,
        fullName: 'Cán bộ Một Cửa',
        role: 'ward_officer',
        email: 'MotCua@Phuong.Example.vn',
      });
      expect(created.statusCode, created.body).toBe(201);
      const user = created.json().user;
      expect(user.email).toBe('motcua@phuong.example.vn');
      const changed = await admin.patch(`/api/v1/users/${user.id}`, { email: 'hopthu@phuong.example.vn' });
      expect(changed.statusCode, changed.body).toBe(200);
      expect(changed.json().email).toBe('hopthu@phuong.example.vn');
      expect((await admin.get(`/api/v1/users/${user.id}`)).json().email).toBe('hopthu@phuong.example.vn');
      const cleared = await admin.patch(`/api/v1/users/${user.id}`, { email: '' });
      expect(cleared.json().email).toBeNull();
      const log = await t.db
        .selectFrom('audit_log')
        .select(['action', 'detail'])
        .where('entity_id', '=', user.id)
        .orderBy('seq', 'desc')
        .executeTakeFirstOrThrow();
      expect(log.action).toBe('user.updated');
      expect(JSON.parse(log.detail as string)).toMatchObject({ fields: ['email'], email: null });
    });

    it('refuses a malformed address (400 on body.email) and a change that changes nothing', async () => {
      const admin = await signIn(t.app, await makeUser(t.db, { role: 'ward_admin', wardCode: WARDS.own }));
      const u = await makeUser(t.db, { wardCode: WARDS.own });
      const bad = await admin.patch(`/api/v1/users/${u.id}`, { email: 'khong-phai-email' });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.issues[0]).toMatchObject({ path: 'body.email' });
      const same = await admin.patch(`/api/v1/users/${u.id}`, { fullName: u.full_name });
      expect(same.json().error.code).toBe('nothing_to_change');
    });
  });
});
