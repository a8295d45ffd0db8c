import { describe, expect, it } from 'vitest';
import { forEachApp, signIn } from '../test/app.js';
import { WARDS } from '../test/constants.js';
import { makeUser } from '../test/factories.js';
import { makeTestBusiness, verifyServed } from './test-support.js';

forEachApp((t) => {
  describe('issuing permits (the gate, serials, validity, signature)', () => {
    it('issues to everyone on the approved list; the QR verifies valid against the served lists', async () => {
      const b = await makeTestBusiness(t.db, { staff: 3 });
      const rep = await signIn(t.app, b.rep);
      const res = await rep.post('/api/v1/permits', { staffIds: 'all' });
      expect(res.statusCode, res.body).toBe(201);
      const body = res.json();
      expect(body.count).toBe(3);
      expect(body.firstSerial).toBe('0001/GĐĐ');
      expect(body.lastSerial).toBe('0003/GĐĐ');
      expect(body.items.map((p: { serial: string }) => p.serial)).toEqual(['0001/GĐĐ', '0002/GĐĐ', '0003/GĐĐ']);
      const p = body.items[0];
      expect(p.validFromDate).toBe('2021-08-15');
      expect(p.validToDate).toBe('2021-09-30');
      expect(p.qrText.startsWith('http://localhost:8080/p1#')).toBe(true);
      const v = await verifyServed(t.app, p.qrText, t.clock.now());
      expect(v.verdict).toBe('valid');
      expect(v.issuerName).toBe('UBND phường Đức Giang');
      expect(v.claims?.permit?.holder).toBe(p.holder);
      expect(v.claims?.iss).toBe('VN-01-004-00124');
    });

    it('refuses a person not on the list with not_registered, and issues nothing', async () => {
      const b = await makeTestBusiness(t.db, { staff: 2 });
      const other = await makeTestBusiness(t.db, { staff: 1 });
      const pending = await makeTestBusiness(t.db, { staff: 1, state: 'submitted' });
      const rep = await signIn(t.app, b.rep);
      for (const stranger of [other.staffIds[0], 'khong-ton-tai']) {
        const res = await rep.post('/api/v1/permits', { staffIds: [b.staffIds[0], stranger] });
        expect(res.statusCode, res.body).toBe(422);
        expect(res.json().error.code).toBe('not_registered');
        expect(res.json().error.issues).toEqual([
          expect.objectContaining({ path: 'body.staffIds.1', code: 'not_registered' }),
        ]);
      }
      const pendingId = (
        await t.db
          .selectFrom('staff_members')
          .select('id')
          .where('business_id', '=', pending.business.id)
          .executeTakeFirstOrThrow()
      ).id;
      expect((await rep.post('/api/v1/permits', { staffIds: [pendingId] })).statusCode).toBe(422);
      const count = await t.db
        .selectFrom('permits')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('business_id', '=', b.business.id)
        .executeTakeFirstOrThrow();
      expect(Number(count.n)).toBe(0);
      // …and the numbers were not used up: the next good request starts at 0001.
      const ok = await rep.post('/api/v1/permits', { staffIds: [b.staffIds[1]] });
      expect(ok.json().firstSerial).toBe('0001/GĐĐ');
    });

    it('validity: inside the plan, at most 92 days after signing; explicit dates checked', async () => {
      const b = await makeTestBusiness(t.db, { staff: 1 });
      const rep = await signIn(t.app, b.rep);
      const ok = await rep.post('/api/v1/permits', {
        staffIds: 'all',
        validFrom: '2021-08-20',
        validTo: '2021-08-31',
        purpose: 'Giao hàng',
      });
      expect(ok.statusCode, ok.body).toBe(201);
      const p = ok.json().items[0];
      expect(p).toMatchObject({
        validFromDate: '2021-08-20',
        validToDate: '2021-08-31',
        validFrom: '2021-08-19T17:00:00.000Z',
        validTo: '2021-08-31T17:00:00.000Z',
        purpose: 'Giao hàng',
      });
      const again = { staffIds: 'all', onActive: 'another' };
      const outside = await rep.post('/api/v1/permits', { ...again, validTo: '2021-10-01' });
      expect([outside.statusCode, outside.json().error.code]).toEqual([422, 'validity_outside_plan']);
      const before = await rep.post('/api/v1/permits', { ...again, validFrom: '2021-08-01' });
      expect(before.json().error.code).toBe('validity_outside_plan');
    });

    it('a long plan is cut to 92 days after signing; asking for more is validity_too_long', async () => {
      const b = await makeTestBusiness(t.db, { staff: 1 });
      await t.db.updateTable('dossiers').set({ plan_to: '2021-12-31' }).where('id', '=', b.dossier.id).execute();
      const rep = await signIn(t.app, b.rep);
      const p = (await rep.post('/api/v1/permits', { staffIds: 'all' })).json().items[0];
      // Signed 15/08 10:00 in Hà Nội: 92 days later is 15/11 10:00, so the last whole day is 14/11.
      expect(p.validToDate).toBe('2021-11-14');
      expect(Date.parse(p.validTo) - t.clock.now().getTime()).toBeLessThanOrEqual(92 * 86_400_000);
      const long = await rep.post('/api/v1/permits', { staffIds: 'all', validTo: '2021-11-15', onActive: 'another' });
      expect([long.statusCode, long.json().error.code]).toEqual([422, 'validity_too_long']);
    });

    it('no approved plan, or a business not active: nothing can be issued', async () => {
      const draft = await makeTestBusiness(t.db, { staff: 1, state: 'submitted' });
      const res = await (await signIn(t.app, draft.rep)).post('/api/v1/permits', { staffIds: 'all' });
      expect([res.statusCode, res.json().error.code]).toEqual([409, 'no_approved_plan']);
      const b = await makeTestBusiness(t.db, { staff: 1 });
      await t.db.updateTable('businesses').set({ status: 'suspended' }).where('id', '=', b.business.id).execute();
      const off = await (await signIn(t.app, b.rep)).post('/api/v1/permits', { staffIds: 'all' });
      expect([off.statusCode, off.json().error.code]).toEqual([409, 'business_not_active']);
    });

    it('serial suffix: the business’s own, else the ward’s, else GĐĐ; numbering per business and year', async () => {
      const ward = WARDS.other;
      const a = await makeTestBusiness(t.db, { staff: 1, wardCode: ward });
      const c = await makeTestBusiness(t.db, { staff: 1, wardCode: ward });
      const admin = await signIn(t.app, await makeUser(t.db, { role: 'ward_admin', wardCode: ward }));
      const set = await admin.patch(`/api/v1/wards/${ward}/permit-settings`, { serialSuffix: 'GĐĐ-PX' });
      expect(set.statusCode, set.body).toBe(200);
      expect(set.json()).toEqual({ scope: 'ward', serialSuffix: 'GĐĐ-PX', effectiveSuffix: 'GĐĐ-PX' });
      const repA = await signIn(t.app, a.rep);
      const own = await repA.patch(`/api/v1/businesses/${a.business.id}/permit-settings`, { serialSuffix: 'ABC' });
      expect(own.json()).toEqual({ scope: 'business', serialSuffix: 'ABC', effectiveSuffix: 'ABC' });
      expect(
        (await repA.patch(`/api/v1/businesses/${c.business.id}/permit-settings`, { serialSuffix: 'X' })).statusCode,
      ).toBe(404);
      expect(
        (await repA.patch(`/api/v1/businesses/${a.business.id}/permit-settings`, { serialSuffix: 'a b' })).statusCode,
      ).toBe(400);
      expect((await repA.post('/api/v1/permits', { staffIds: 'all' })).json().firstSerial).toBe('0001/ABC');
      expect((await (await signIn(t.app, c.rep)).post('/api/v1/permits', { staffIds: 'all' })).json().firstSerial).toBe(
        '0001/GĐĐ-PX',
      );
      await repA.patch(`/api/v1/businesses/${a.business.id}/permit-settings`, { serialSuffix: null });
      expect((await repA.post('/api/v1/permits', { staffIds: 'all', onActive: 'another' })).json().firstSerial).toBe(
        '0002/GĐĐ-PX',
      );
    });

    it('lists: the business its own (status, search), the ward all of its businesses, supervisors their area', async () => {
      const b = await makeTestBusiness(t.db, { staff: 3 });
      const rep = await signIn(t.app, b.rep);
      const items = (await rep.post('/api/v1/permits', { staffIds: 'all' })).json().items;
      await rep.post(`/api/v1/permits/${items[0].id}/revoke`, { reason: 'x' });
      const mine = (await rep.get('/api/v1/permits')).json();
      expect(mine.total).toBe(3);
      expect((await rep.get('/api/v1/permits?status=revoked')).json().items.map((p: { id: string }) => p.id)).toEqual([
        items[0].id,
      ]);
      expect((await rep.get('/api/v1/permits?status=active')).json().total).toBe(2);
      const firstName = items[1].holder.split(' ').at(-1);
      const found = (await rep.get(`/api/v1/permits?q=${encodeURIComponent(firstName)}`)).json();
      expect(found.items.some((p: { id: string }) => p.id === items[1].id)).toBe(true);
      expect((await rep.get(`/api/v1/permits?q=${items[2].idNumber}`)).json().items[0].id).toBe(items[2].id);
      const other = await makeTestBusiness(t.db, { staff: 1 });
      expect((await rep.get(`/api/v1/permits?businessId=${other.business.id}`)).statusCode).toBe(404);
      expect((await rep.get(`/api/v1/permits/${items[0].id}`)).statusCode).toBe(200);
      expect((await (await signIn(t.app, other.rep)).get(`/api/v1/permits/${items[0].id}`)).statusCode).toBe(404);

      const desk = await signIn(t.app, await makeUser(t.db, { role: 'ward_officer', wardCode: WARDS.own }));
      expect((await desk.get(`/api/v1/permits?businessId=${b.business.id}`)).json().total).toBe(3);
      const far = await signIn(t.app, await makeUser(t.db, { role: 'ward_officer', wardCode: WARDS.other }));
      expect((await far.get(`/api/v1/permits?businessId=${b.business.id}`)).statusCode).toBe(404);
      expect((await far.get(`/api/v1/permits?ward=${WARDS.own}`)).statusCode).toBe(403);
      const sup = await signIn(t.app, await makeUser(t.db, { role: 'supervisor', districtCode: '004' }));
      expect((await sup.get(`/api/v1/permits?ward=${WARDS.own}`)).json().total).toBeGreaterThanOrEqual(3);
      const stats = (await desk.get('/api/v1/stats')).json().sections;
      expect(stats.permits.issued).toBeGreaterThanOrEqual(3);
      expect(stats.permits.revoked).toBeGreaterThanOrEqual(1);
      expect(stats.permits.active).toBe(stats.permits.issued - stats.permits.revoked - stats.permits.expired);
      expect(stats.scans).toEqual(expect.objectContaining({ today: expect.any(Number) }));
    });

    it('only a business rep issues, for their own business', async () => {
      const officer = await signIn(t.app, await makeUser(t.db, { role: 'ward_officer', wardCode: WARDS.own }));
      expect((await officer.post('/api/v1/permits', { staffIds: 'all' })).statusCode).toBe(403);
    });
  });
});
