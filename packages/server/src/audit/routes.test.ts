import { describe, expect, it } from 'vitest';
import { forEachApp, signIn } from '../test/app.js';
import { WARDS } from '../test/constants.js';
import { makeCheckpoint, makeUser } from '../test/factories.js';

describe('audit route', () => {
  forEachApp((t) => {
    it('shows a ward admin its ward’s rows, newest first, page by page', async () => {
      const admin = await signIn(t.app, await makeUser(t.db, { role: 'ward_admin' }));
      for (let i = 0; i < 5; i++) await makeCheckpoint(t.db);
      await makeCheckpoint(t.db, { ownerWardCode: WARDS.other });
      const first = (await admin.get('/api/v1/audit?entityType=checkpoint&limit=3')).json();
      expect(first.items).toHaveLength(3);
      expect(first.items.every((r: { wardCode: string }) => r.wardCode === WARDS.own)).toBe(true);
      expect(first.items[0].seq).toBeGreaterThan(first.items[1].seq);
      expect(first.items[0]).toMatchObject({
        action: 'checkpoint.created',
        entityType: 'checkpoint',
        detail: { wardCode: WARDS.own },
      });
      const second = (await admin.get(`/api/v1/audit?entityType=checkpoint&limit=3&before=${first.nextBefore}`)).json();
      expect(second.items).toHaveLength(2);
      expect(second.nextBefore).toBeNull();
    });

    it('refuses a `before` beyond a 32-bit seq with 400, on PostgreSQL too (found by npm run fuzz)', async () => {
      const admin = await signIn(t.app, await makeUser(t.db, { role: 'ward_admin' }));
      for (const before of ['2147483648', '9007199254740991', '1e21']) {
        const res = await admin.get(`/api/v1/audit?before=${before}`);
        expect(res.statusCode).toBe(400);
        expect(res.json().error.code).toBe('validation_failed');
      }
      expect((await admin.get('/api/v1/audit?before=2147483647')).statusCode).toBe(200);
    });

    it('shows a district supervisor every ward of the district and nothing outside', async () => {
      const supervisor = await signIn(t.app, await makeUser(t.db, { role: 'supervisor', districtCode: '004' }));
      await makeCheckpoint(t.db, { ownerWardCode: WARDS.sameDistrict });
      const wards = new Set(
        (await supervisor.get('/api/v1/audit?limit=500')).json().items.map((r: { wardCode: string }) => r.wardCode),
      );
      expect([...wards].sort()).toEqual([WARDS.own, WARDS.sameDistrict]);
    });
  });
});
