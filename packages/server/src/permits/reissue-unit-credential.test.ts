import { describe, expect, it } from 'vitest';
import { type Agent, forEachApp, signIn } from '../test/app.js';
import { WARDS } from '../test/constants.js';
import { makeUser } from '../test/factories.js';
import { noopWorkflowHooks } from '../workflow/hooks.js';
import { makeTestBusiness, type TestBusiness, verifyServed } from './test-support.js';

const NEW_NAME = 'Công ty TNHH Thực phẩm Hưng Thịnh Mới';

forEachApp((t) => {
  describe('a change of name or address reissues the unit QR', () => {
    /** An approved business (the leader signed: its unit QR exists), its desk and its rep. */
    async function approvedBusiness(): Promise<{ b: TestBusiness; desk: Agent; rep: Agent }> {
      const b = await makeTestBusiness(t.db, { staff: 2, state: 'awaiting_leader' });
      const desk = await signIn(t.app, await makeUser(t.db, { role: 'ward_officer', wardCode: WARDS.own }));
      const leader = await signIn(t.app, await makeUser(t.db, { role: 'ward_leader', wardCode: WARDS.own }));
      expect((await leader.post(`/api/v1/dossiers/${b.dossier.id}/approve`, {})).statusCode).toBe(200);
      return { b, desk, rep: await signIn(t.app, b.rep) };
    }
    async function changeApproved(desk: Agent, rep: Agent, b: TestBusiness, edit: Record<string, string>) {
      const asked = await rep.patch(`/api/v1/businesses/${b.business.id}`, edit);
      expect(asked.statusCode, asked.body).toBe(200);
      const res = await desk.post(`/api/v1/business-changes/${asked.json().change.id}/approve`, {});
      expect(res.statusCode, res.body).toBe(200);
    }
    const unitOf = async (desk: Agent, b: TestBusiness) =>
      (await desk.get(`/api/v1/businesses/${b.business.id}/unit-credential`)).json();

    it('a new name: a new unit QR with the new name, same approval; the old QR revoked; permits stay valid', async () => {
      const { b, desk, rep } = await approvedBusiness();
      const before = await unitOf(desk, b);
      const issued = await rep.post('/api/v1/permits', { staffIds: 'all' });
      expect(issued.statusCode, issued.body).toBe(201);
      const permit = issued.json().items[0];

      await changeApproved(desk, rep, b, { name: NEW_NAME });
      const after = await unitOf(desk, b);
      expect(after.id).not.toBe(before.id);
      expect({ ref: after.approvalRef, staff: after.staffCount, to: after.validToDate }).toEqual({
        ref: before.approvalRef,
        staff: before.staffCount,
        to: before.validToDate,
      });
      const now = t.clock.now();
      const fresh = await verifyServed(t.app, after.qrText, now);
      expect(fresh.verdict).toBe('valid');
      expect(fresh.claims?.unit?.unitName).toBe(NEW_NAME);
      expect(fresh.claims?.unit?.unitTaxCode).toBe(b.business.tax_code);
      expect((await verifyServed(t.app, before.qrText, now)).verdict).toBe('revoked');
      // The permit keeps the name it was signed with and stays valid: the tax code, unchanged,
      // names the unit.
      const held = await verifyServed(t.app, permit.qrText, now);
      expect(held.verdict).toBe('valid');
      expect(held.claims?.permit?.unitTaxCode).toBe(b.business.tax_code);
      const log = await t.db
        .selectFrom('audit_log')
        .select(['action', 'detail'])
        .where('entity_id', '=', b.business.id)
        .where('action', '=', 'unit_credential.issued')
        .orderBy('seq', 'desc')
        .executeTakeFirstOrThrow();
      expect(JSON.parse(log.detail as string)).toMatchObject({
        credentialId: after.id,
        reason: 'Doanh nghiệp đổi tên: đã cấp mã QR đơn vị mới',
      });
      const old = await t.db
        .selectFrom('unit_credentials')
        .select(['status', 'revoked_reason'])
        .where('id', '=', before.id)
        .executeTakeFirstOrThrow();
      expect(old).toEqual({ status: 'revoked', revoked_reason: 'Doanh nghiệp đổi tên: đã cấp mã QR đơn vị mới' });
    });

    it('a new address reissues too; a new line of business (not on the QR) does not', async () => {
      const { b, desk, rep } = await approvedBusiness();
      const first = await unitOf(desk, b);
      await changeApproved(desk, rep, b, { lineOfBusiness: 'Chế biến và phân phối thực phẩm' });
      expect((await unitOf(desk, b)).id).toBe(first.id);
      await changeApproved(desk, rep, b, { address: 'Số 9 ngõ 12 phố Đức Giang' });
      const second = await unitOf(desk, b);
      expect(second.id).not.toBe(first.id);
      const v = await verifyServed(t.app, second.qrText, t.clock.now());
      expect(v.claims?.unit?.address).toBe('Số 9 ngõ 12 phố Đức Giang');
    });

    it('a business without a unit QR yet (not approved) is renamed without one being made', async () => {
      const b = await makeTestBusiness(t.db, { staff: 1, state: 'submitted' });
      const desk = await signIn(t.app, await makeUser(t.db, { role: 'ward_officer', wardCode: WARDS.own }));
      await changeApproved(desk, await signIn(t.app, b.rep), b, { name: `${NEW_NAME} 2` });
      const n = await t.db
        .selectFrom('unit_credentials')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('business_id', '=', b.business.id)
        .executeTakeFirstOrThrow();
      expect(Number(n.n)).toBe(0);
    });
  });
});

forEachApp(
  (t) => {
    describe('the reissue shares the approval’s transaction', () => {
      it('when reissuing fails, the change stays pending and the name unchanged', async () => {
        const b = await makeTestBusiness(t.db, { staff: 1 });
        const desk = await signIn(t.app, await makeUser(t.db, { role: 'ward_officer', wardCode: WARDS.own }));
        const rep = await signIn(t.app, b.rep);
        const asked = (await rep.patch(`/api/v1/businesses/${b.business.id}`, { name: NEW_NAME })).json();
        const res = await desk.post(`/api/v1/business-changes/${asked.change.id}/approve`, {});
        expect(res.statusCode).toBe(500);
        const row = await t.db
          .selectFrom('businesses')
          .select('name')
          .where('id', '=', b.business.id)
          .executeTakeFirstOrThrow();
        expect(row.name).toBe(b.business.name);
        const change = await t.db
          .selectFrom('business_changes')
          .select('status')
          .where('id', '=', asked.change.id)
          .executeTakeFirstOrThrow();
        expect(change.status).toBe('pending');
      });
    });
  },
  {
    hooks: {
      ...noopWorkflowHooks,
      businessDetailsChanged: async () => {
        throw new Error('signing key unavailable');
      },
    },
  },
);
