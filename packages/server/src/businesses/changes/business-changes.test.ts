import { describe, expect, it } from 'vitest';
import { forEachApp, signIn } from '../../test/app.js';
import { WARDS } from '../../test/constants.js';
import { makeBusiness, makeBusinessRep, makeUser } from '../../test/factories.js';

describe('editing a business: contact details at once, what the ward vouches for through the desk', () => {
  forEachApp((t) => {
    const deskOf = async (ward: string = WARDS.own) =>
      signIn(t.app, await makeUser(t.db, { role: 'ward_officer', wardCode: ward }));

    it('applies contact details at once and turns a new name into a pending request the desk approves', async () => {
      const b = await makeBusiness(t.db);
      const rep = await signIn(t.app, await makeBusinessRep(t.db, b));
      const res = await rep.patch(`/api/v1/businesses/${b.id}`, {
        contactPhone: '0987 111 222',
        name: 'Công ty TNHH Thực phẩm Đổi Tên',
      });
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json();
      expect(body.business.contactPhone).toBe('0987111222');
      expect(body.business.name).toBe(b.name);
      expect(body.change).toMatchObject({
        status: 'pending',
        proposed: { name: 'Công ty TNHH Thực phẩm Đổi Tên' },
        previous: { name: b.name },
      });

      const desk = await deskOf();
      const inbox = (await desk.get('/api/v1/business-changes')).json().items;
      expect(inbox.map((c: { id: string }) => c.id)).toContain(body.change.id);
      const approved = await desk.post(`/api/v1/business-changes/${body.change.id}/approve`, {});
      expect(approved.statusCode, approved.body).toBe(200);
      expect(approved.json().business.name).toBe('Công ty TNHH Thực phẩm Đổi Tên');
      expect(approved.json().change.status).toBe('approved');
      const row = await t.db.selectFrom('businesses').selectAll().where('id', '=', b.id).executeTakeFirstOrThrow();
      expect(row.name_key).toBe('cong ty tnhh thuc pham doi ten');

      const again = await desk.post(`/api/v1/business-changes/${body.change.id}/refuse`, { reason: 'Muộn' });
      expect(again.statusCode).toBe(409);
      expect(again.json().error.code).toBe('business_change_decided');
      const actions = (
        await t.db.selectFrom('audit_log').select('action').where('entity_id', '=', b.id).orderBy('seq').execute()
      ).map((r) => r.action);
      expect(actions).toEqual(
        expect.arrayContaining(['business.change_requested', 'business.updated', 'business.change_approved']),
      );
    });

    it('keeps one pending request at a time, and a refusal leaves the business as it was, with the reason', async () => {
      const b = await makeBusiness(t.db);
      const rep = await signIn(t.app, await makeBusinessRep(t.db, b));
      const first = await rep.patch(`/api/v1/businesses/${b.id}`, { address: 'Số 9 phố Ngô Gia Tự' });
      expect(first.statusCode).toBe(200);
      const second = await rep.patch(`/api/v1/businesses/${b.id}`, { lineOfBusiness: 'Vận tải hàng hóa' });
      expect(second.statusCode).toBe(409);
      expect(second.json().error.code).toBe('business_change_pending');
      const desk = await deskOf();
      const noReason = await desk.post(`/api/v1/business-changes/${first.json().change.id}/refuse`, { reason: ' ' });
      expect(noReason.statusCode).toBe(400);
      const refused = await desk.post(`/api/v1/business-changes/${first.json().change.id}/refuse`, {
        reason: 'Địa chỉ mới không thuộc phường',
      });
      expect(refused.statusCode, refused.body).toBe(200);
      expect(refused.json().business.address).toBe(b.address);
      const list = (await rep.get(`/api/v1/businesses/${b.id}/changes`)).json().items;
      expect(list[0]).toMatchObject({ status: 'refused', reason: 'Địa chỉ mới không thuộc phường' });
      // Now a new request is possible.
      expect((await rep.patch(`/api/v1/businesses/${b.id}`, { lineOfBusiness: 'Vận tải' })).statusCode).toBe(200);
    });

    it('lets the desk edit every field at once; refuses an edit that changes nothing and a bad phone', async () => {
      const b = await makeBusiness(t.db);
      const desk = await deskOf();
      const res = await desk.patch(`/api/v1/businesses/${b.id}`, { name: 'Hợp tác xã Sửa Tại Một Cửa' });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ business: { name: 'Hợp tác xã Sửa Tại Một Cửa' }, change: null });
      const same = await desk.patch(`/api/v1/businesses/${b.id}`, { name: 'Hợp tác xã Sửa Tại Một Cửa' });
      expect(same.statusCode).toBe(400);
      expect(same.json().error.code).toBe('nothing_to_change');
      const bad = await desk.patch(`/api/v1/businesses/${b.id}`, { contactPhone: '12345' });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.issues[0].path).toBe('body.contactPhone');
      // Not editable at all: the tax code and the ward are another registration.
      const tax = await desk.patch(`/api/v1/businesses/${b.id}`, { taxCode: '0100233488' });
      expect(tax.statusCode).toBe(400);
    });

    it('a desk of another ward cannot see or answer a request (404)', async () => {
      const b = await makeBusiness(t.db);
      const rep = await signIn(t.app, await makeBusinessRep(t.db, b));
      const change = (await rep.patch(`/api/v1/businesses/${b.id}`, { name: 'Công ty TNHH Khác Phường' })).json()
        .change;
      const far = await deskOf(WARDS.other);
      expect((await far.post(`/api/v1/business-changes/${change.id}/approve`, {})).statusCode).toBe(404);
      expect((await far.get('/api/v1/business-changes')).json().items).toEqual([]);
    });
  });
});

describe('a refused registration is not a dead end', () => {
  forEachApp((t) => {
    it('the business fixes its details and applies again; the desk then accepts it', async () => {
      const b = await makeBusiness(t.db, { status: 'refused' });
      const rep = await signIn(t.app, await makeBusinessRep(t.db, b));
      const res = await rep.post(`/api/v1/businesses/${b.id}/reapply`, { address: 'Số 3 phố Đức Giang' });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ status: 'pending', address: 'Số 3 phố Đức Giang', statusReason: null });
      const twice = await rep.post(`/api/v1/businesses/${b.id}/reapply`, {});
      expect(twice.json().error.code).toBe('business_not_refused');
      const desk = await signIn(t.app, await makeUser(t.db, { role: 'ward_officer' }));
      expect((await desk.post(`/api/v1/businesses/${b.id}/accept`, {})).json().status).toBe('active');
    });

    it('the ward admin takes a refusal back with a reason (required), recorded in the audit log', async () => {
      const b = await makeBusiness(t.db, { status: 'refused' });
      const admin = await signIn(t.app, await makeUser(t.db, { role: 'ward_admin' }));
      const noReason = await admin.post(`/api/v1/businesses/${b.id}/reverse-refusal`, { reason: '' });
      expect(noReason.statusCode).toBe(400);
      const res = await admin.post(`/api/v1/businesses/${b.id}/reverse-refusal`, {
        reason: 'Từ chối nhầm: doanh nghiệp có trụ sở tại phường',
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({
        status: 'active',
        statusReason: 'Từ chối nhầm: doanh nghiệp có trụ sở tại phường',
      });
      const log = await t.db
        .selectFrom('audit_log')
        .select(['action', 'detail'])
        .where('entity_id', '=', b.id)
        .orderBy('seq', 'desc')
        .executeTakeFirstOrThrow();
      expect(log.action).toBe('business.refusal_reversed');
      expect(log.detail).toContain('Từ chối nhầm');
      const active = await admin.post(`/api/v1/businesses/${b.id}/reverse-refusal`, { reason: 'x' });
      expect(active.json().error.code).toBe('business_not_refused');
    });
  });
});
