import { beforeAll, describe, expect, it } from 'vitest';
import { type Agent, forEachApp, signIn } from '../test/app.js';
import { WARDS } from '../test/constants.js';
import { makeCheckpoint, makeUser } from '../test/factories.js';

describe('checkpoints routes', () => {
  forEachApp((t) => {
    let admin: Agent;
    let officer: Agent;
    let supervisor: Agent;
    beforeAll(async () => {
      admin = await signIn(t.app, await makeUser(t.db, { role: 'ward_admin' }));
      officer = await signIn(t.app, await makeUser(t.db, { role: 'checkpoint_officer' }));
      supervisor = await signIn(t.app, await makeUser(t.db, { role: 'supervisor', districtCode: '004' }));
      await makeCheckpoint(t.db, { ownerWardCode: WARDS.sameDistrict, name: 'Chốt Việt Hưng' });
      await makeCheckpoint(t.db, { ownerWardCode: WARDS.other, name: 'Chốt Phúc Xá' });
    });

    it('creates a checkpoint of the admin’s ward, standing in a neighbouring ward', async () => {
      const res = await admin.post('/api/v1/checkpoints', {
        name: '  Chốt cầu Đông Trù ',
        wardCode: WARDS.sameDistrict,
        place: 'Đầu cầu',
      });
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({
        ownerWardCode: WARDS.own,
        wardCode: WARDS.sameDistrict,
        wardName: 'Phường Việt Hưng',
        name: 'Chốt cầu Đông Trù',
        place: 'Đầu cầu',
        active: true,
      });
    });

    it('refuses an unknown ward (422 with the field) and a duplicate name (409)', async () => {
      const unknown = await admin.post('/api/v1/checkpoints', { name: 'Chốt X', wardCode: '99999' });
      expect([unknown.statusCode, unknown.json().error.code, unknown.json().error.issues[0].path]).toEqual([
        422,
        'unknown_admin_unit',
        'body.wardCode',
      ]);
      const district = await admin.post('/api/v1/checkpoints', { name: 'Chốt X', wardCode: '004' });
      expect(district.statusCode).toBe(400);
      const dup = await admin.post('/api/v1/checkpoints', { name: 'Chốt cầu Đông Trù', wardCode: WARDS.own });
      expect([dup.statusCode, dup.json().error.code]).toEqual([409, 'checkpoint_name_taken']);
    });

    it('lets a checkpoint officer list the ward’s checkpoints, and a supervisor the district’s', async () => {
      const names = (a: Agent, url = '/api/v1/checkpoints') =>
        a.get(url).then((r) => r.json().items.map((c: { name: string }) => c.name));
      expect(await names(officer)).toEqual(['Chốt cầu Đông Trù']);
      expect(await names(supervisor)).toEqual(['Chốt cầu Đông Trù', 'Chốt Việt Hưng']);
      expect(await names(supervisor, `/api/v1/checkpoints?ward=${WARDS.sameDistrict}`)).toEqual(['Chốt Việt Hưng']);
    });

    it('places a checkpoint on the map: coordinates in range, both or neither, cleared with null', async () => {
      const created = await admin.post('/api/v1/checkpoints', {
        name: 'Chốt ngã ba Đức Giang',
        wardCode: WARDS.own,
        latitude: 21.0596,
        longitude: 105.8949,
      });
      expect(created.statusCode, created.body).toBe(201);
      expect(created.json()).toMatchObject({ latitude: 21.0596, longitude: 105.8949 });
      const id = created.json().id as string;
      const half = await admin.patch(`/api/v1/checkpoints/${id}`, { latitude: null });
      expect([half.statusCode, half.json().error.issues[0]]).toEqual([
        400,
        expect.objectContaining({ path: 'body.latitude', code: 'coordinates_pair' }),
      ]);
      const far = await admin.patch(`/api/v1/checkpoints/${id}`, { latitude: 91 });
      expect([far.statusCode, far.json().error.issues[0].path]).toEqual([400, 'body.latitude']);
      const moved = await admin.patch(`/api/v1/checkpoints/${id}`, { latitude: 21.0641, longitude: 105.9027 });
      expect(moved.json()).toMatchObject({ latitude: 21.0641, longitude: 105.9027 });
      const cleared = await admin.patch(`/api/v1/checkpoints/${id}`, { latitude: null, longitude: null });
      expect(cleared.json()).toMatchObject({ latitude: null, longitude: null });
      const onlyOne = await admin.post('/api/v1/checkpoints', { name: 'Chốt nửa', wardCode: WARDS.own, latitude: 21 });
      expect(onlyOne.json().error.issues[0].path).toBe('body.longitude');
    });

    it('updates and then retires a checkpoint (kept, inactive), each audited', async () => {
      const c = await makeCheckpoint(t.db, { name: 'Chốt tạm' });
      const patched = await admin.patch(`/api/v1/checkpoints/${c.id}`, { place: 'Ngõ 10', name: 'Chốt tạm thời' });
      expect(patched.json()).toMatchObject({ name: 'Chốt tạm thời', place: 'Ngõ 10', active: true });
      const removed = await admin.delete(`/api/v1/checkpoints/${c.id}`);
      expect(removed.json()).toMatchObject({ id: c.id, active: false });
      const active = (await admin.get('/api/v1/checkpoints?active=true')).json().items.map((x: { id: string }) => x.id);
      expect(active).not.toContain(c.id);
      const log = await t.db
        .selectFrom('audit_log')
        .select(['action', 'detail'])
        .where('entity_id', '=', c.id)
        .orderBy('seq')
        .execute();
      expect(log).toEqual([
        { action: 'checkpoint.created', detail: expect.stringContaining('Chốt tạm') },
        { action: 'checkpoint.updated', detail: '{"name":"Chốt tạm thời","place":"Ngõ 10"}' },
        { action: 'checkpoint.deactivated', detail: '{"active":0}' },
      ]);
    });
  });
});
