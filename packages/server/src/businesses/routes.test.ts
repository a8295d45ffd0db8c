import { taxCodeCheckDigit } from '@thonghanh/core';
import { describe, expect, it } from 'vitest';
import { forEachApp, signIn } from '../test/app.js';
import { WARDS } from '../test/constants.js';
import { makeBusiness, makeUser } from '../test/factories.js';

let seq = 1000;
function taxCode(): string {
  for (;;) {
    const first9 = `0107${String(seq++).padStart(5, '0')}`;
    const d = taxCodeCheckDigit(first9);
    if (d !== null) return `${first9}${d}`;
  }
}

const registration = (code = taxCode()) => ({
  taxCode: code,
  name: '  Công ty TNHH   Bao bì Sao Mai ',
  address: 'Số 12 phố Trường Lâm, phường Đức Giang',
  wardCode: WARDS.own,
  lineOfBusiness: 'Sản xuất bao bì',
  contactName: 'Lê Thị Hoa',
  contactPhone: '0912 345 678',
  contactEmail: 'lienhe@saomai.example',
  account: { password: 'mat-khau-sao-mai', fullName: 'Lê Thị Hoa' },
});

describe('businesses', () => {
  forEachApp((t) => {
    it('registers itself with its representative: pending, signed in with the tax code, sees only its status', async () => {
      const code = taxCode();
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/businesses/register',
        payload: registration(code),
      });
      expect(res.statusCode, res.body).toBe(201);
      const { business, user } = res.json();
      expect(business).toMatchObject({
        name: 'Công ty TNHH Bao bì Sao Mai',
        status: 'pending',
        statusLabel: 'Chờ UBND phường tiếp nhận',
        contactPhone: '0912345678',
        registeredVia: 'self',
        wardName: 'Phường Đức Giang',
      });
      expect(user).toMatchObject({
        username: code,
        role: 'business_rep',
        businessId: business.id,
        wardCode: WARDS.own,
      });
      const rep = await signIn(
        t.app,
        (await t.db.selectFrom('users').selectAll().where('id', '=', user.id).executeTakeFirst())!,
        'mat-khau-sao-mai',
      );
      expect((await rep.get(`/api/v1/businesses/${business.id}`)).json().status).toBe('pending');
      expect(
        (await rep.post('/api/v1/dossiers', { planFrom: '2021-08-16', planTo: '2021-09-15' })).json().error.code,
      ).toBe('business_not_active');
      expect((await rep.get('/api/v1/dossiers')).json().items).toEqual([]);

      // The desk hears of it (if the ward has a desk e-mail) and accepts it.
      const desk = await signIn(t.app, await makeUser(t.db, { role: 'ward_officer' }));
      const pending = (await desk.get('/api/v1/businesses?status=pending')).json();
      expect(pending.items.map((b: { id: string }) => b.id)).toContain(business.id);
      const accepted = await desk.post(`/api/v1/businesses/${business.id}/accept`);
      expect(accepted.json().status).toBe('active');
      expect((await desk.post(`/api/v1/businesses/${business.id}/accept`)).json().error.code).toBe(
        'business_not_pending',
      );
      expect((await rep.post('/api/v1/dossiers', { planFrom: '2021-08-16', planTo: '2021-09-15' })).statusCode).toBe(
        201,
      );
      const mails = t.mailer.sent.map((m) => m.subject);
      expect(mails).toContain('[Thông hành] Đã nhận đăng ký của Công ty TNHH Bao bì Sao Mai');
      expect(mails).toContain('[Thông hành] Đăng ký của Công ty TNHH Bao bì Sao Mai đã được tiếp nhận');
      const log = await t.db
        .selectFrom('audit_log')
        .select('action')
        .where('entity_id', '=', business.id)
        .orderBy('seq')
        .execute();
      expect(log.map((l) => l.action)).toEqual(['business.registered', 'business.accepted']);
    });

    it('checks the tax code with the core and keeps it unique', async () => {
      const bad = await t.app.inject({
        method: 'POST',
        url: '/api/v1/businesses/register',
        payload: { ...registration(), taxCode: '0100233489', contactPhone: '024 3825 5555' },
      });
      expect(bad.statusCode).toBe(400);
      const issues = bad.json().error.issues.map((i: { path: string; message: string }) => [i.path, i.message]);
      expect(issues).toEqual([
        ['body.taxCode', 'Mã số thuế sai chữ số kiểm tra'],
        ['body.contactPhone', 'Đây là số máy bàn; hãy nhập số điện thoại di động'],
      ]);
      const code = taxCode();
      expect(
        (
          await t.app.inject({
            method: 'POST',
            url: '/api/v1/businesses/register',
            payload: registration(code),
          })
        ).statusCode,
      ).toBe(201);
      const dup = await t.app.inject({
        method: 'POST',
        url: '/api/v1/businesses/register',
        payload: registration(code),
      });
      expect([dup.statusCode, dup.json().error.code]).toEqual([409, 'tax_code_taken']);
      expect(await t.db.selectFrom('users').select('id').where('username', '=', code).execute()).toHaveLength(1);
    });

    it('refuses a registration with a reason the business reads', async () => {
      const { business } = (
        await t.app.inject({ method: 'POST', url: '/api/v1/businesses/register', payload: registration() })
      ).json();
      const desk = await signIn(t.app, await makeUser(t.db, { role: 'ward_officer' }));
      const res = await desk.post(`/api/v1/businesses/${business.id}/refuse`, {
        reason: 'Địa chỉ không thuộc phường Đức Giang',
      });
      expect(res.json()).toMatchObject({ status: 'refused', statusReason: 'Địa chỉ không thuộc phường Đức Giang' });
      expect(t.mailer.sent.at(-1)?.text).toContain('Lý do: Địa chỉ không thuộc phường Đức Giang');
    });

    it('lets the desk create an active business with an account whose password is shown once', async () => {
      const desk = await signIn(t.app, await makeUser(t.db, { role: 'ward_officer' }));
      const { account: _a, ...fields } = registration();
      const res = await desk.post('/api/v1/businesses', {
        ...fields,
        wardCode: undefined,
        name: 'Hợp tác xã Rau sạch Thượng Thanh',
        account: { username: 'htx.rausach', fullName: 'Đỗ Văn Nam' },
      });
      expect(res.statusCode, res.body).toBe(201);
      const body = res.json();
      expect(body.business).toMatchObject({ status: 'active', registeredVia: 'ward', wardCode: WARDS.own });
      expect(body.generatedPassword).toMatch(/^\S{12}$/);
      expect(body.user).toMatchObject({
        username: 'htx.rausach',
        mustChangePassword: true,
        businessId: body.business.id,
      });
      const user = (await t.db.selectFrom('users').selectAll().where('id', '=', body.user.id).executeTakeFirst())!;
      expect((await signIn(t.app, user, body.generatedPassword)).user.id).toBe(user.id);
    });

    it('finds businesses by name without diacritics or by tax code, in the user’s area only', async () => {
      const b = await makeBusiness(t.db, { name: 'Công ty Cổ phần Dược phẩm Đông Á' });
      await makeBusiness(t.db, { wardCode: WARDS.other, name: 'Công ty Cổ phần Dược phẩm Phúc Xá' });
      const desk = await signIn(t.app, await makeUser(t.db, { role: 'ward_officer' }));
      const byName = (await desk.get('/api/v1/businesses?q=duoc%20pham%20dong')).json();
      expect(byName.items.map((x: { id: string }) => x.id)).toEqual([b.id]);
      const byCode = (await desk.get(`/api/v1/businesses?q=${b.tax_code.slice(0, 7)}`)).json();
      expect(byCode.items.map((x: { id: string }) => x.id)).toContain(b.id);
      const all = (await desk.get('/api/v1/businesses?q=duoc%20pham&pageSize=200')).json();
      expect(all.items.every((x: { wardCode: string }) => x.wardCode === WARDS.own)).toBe(true);
    });
  });
});
