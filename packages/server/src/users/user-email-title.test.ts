import { describe, expect, it } from 'vitest';
import { forEachApp, signIn } from '../test/app.js';
import { WARDS } from '../test/constants.js';
import { makeUser } from '../test/factories.js';

describe('an account e-mail and position', () => {
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

    it("sets, changes and clears a leader's position (chức vụ), audited; too long → 400 in Vietnamese", async () => {
      const admin = await signIn(t.app, await makeUser(t.db, { role: 'ward_admin', wardCode: WARDS.own }));
      const created = await admin.post('/api/v1/users', {
        username: `lanhdao.${Date.now().toString(36)}`,
        fullName: 'Lãnh đạo Phường',
        title: '  Chủ tịch UBND phường ',
        role: 'ward_leader',
      });
      expect(created.statusCode, created.body).toBe(201);
      const user = created.json().user;
      expect(user.title).toBe('Chủ tịch UBND phường');
      const changed = await admin.patch(`/api/v1/users/${user.id}`, { title: 'Phó Chủ tịch UBND phường' });
      expect(changed.statusCode, changed.body).toBe(200);
      expect(changed.json().title).toBe('Phó Chủ tịch UBND phường');
      const log = await t.db
        .selectFrom('audit_log')
        .select(['action', 'detail'])
        .where('entity_id', '=', user.id)
        .orderBy('seq', 'desc')
        .executeTakeFirstOrThrow();
      expect(log.action).toBe('user.updated');
      expect(JSON.parse(log.detail as string)).toMatchObject({ fields: ['title'], title: 'Phó Chủ tịch UBND phường' });
      const cleared = await admin.patch(`/api/v1/users/${user.id}`, { title: '' });
      expect(cleared.json().title).toBeNull();
      const tooLong = await admin.patch(`/api/v1/users/${user.id}`, { title: 'x'.repeat(201) });
      expect(tooLong.statusCode).toBe(400);
      expect(tooLong.json().error.issues[0]).toMatchObject({
        path: 'body.title',
        message: 'Chức vụ dài tối đa 200 ký tự',
      });
      const again = await admin.patch(`/api/v1/users/${user.id}`, { title: null });
      expect(again.json().error.code).toBe('nothing_to_change');
    });
  });
});
