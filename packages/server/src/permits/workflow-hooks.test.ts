import { describe, expect, it } from 'vitest';
import { forEachApp, signIn } from '../test/app.js';
import { WARDS } from '../test/constants.js';
import { makeUser } from '../test/factories.js';
import { makeTestBusiness, servedLists, verifyServed } from './test-support.js';

forEachApp((t) => {
  /** A business whose dossier the ward leader approves through the API (so the hooks run). */
  async function approvedThroughApi(staff: number) {
    const b = await makeTestBusiness(t.db, { staff, state: 'awaiting_leader' });
    const desk = await signIn(t.app, await makeUser(t.db, { role: 'ward_officer', wardCode: WARDS.own }));
    const leader = await signIn(t.app, await makeUser(t.db, { role: 'ward_leader', wardCode: WARDS.own }));
    const res = await leader.post(`/api/v1/dossiers/${b.dossier.id}/approve`, {});
    expect(res.statusCode, res.body).toBe(200);
    const staffIds = (
      await t.db
        .selectFrom('staff_members')
        .select('id')
        .where('business_id', '=', b.business.id)
        .where('status', '=', 'approved')
        .orderBy('name_key')
        .execute()
    ).map((r) => r.id);
    return { ...b, staffIds, desk };
  }

  describe('permits follow the dossier workflow (hooks, in its transaction)', () => {
    it('approval issues the unit QR: unit claims, plan period, verifies valid; the rep and the ward read it', async () => {
      const b = await approvedThroughApi(4);
      const rep = await signIn(t.app, b.rep);
      const res = await rep.get(`/api/v1/businesses/${b.business.id}/unit-credential`);
      expect(res.statusCode, res.body).toBe(200);
      const unit = res.json();
      expect(unit).toMatchObject({
        staffCount: 4,
        status: 'active',
        validFromDate: '2021-08-15',
        validToDate: '2021-09-30',
      });
      const dossier = await t.db
        .selectFrom('dossiers')
        .select('reference_number')
        .where('id', '=', b.dossier.id)
        .executeTakeFirstOrThrow();
      expect(unit.approvalRef).toBe(dossier.reference_number);
      const v = await verifyServed(t.app, unit.qrText, t.clock.now());
      expect(v.verdict).toBe('valid');
      expect(v.kind).toBe('unit');
      expect(v.claims?.unit).toMatchObject({
        unitTaxCode: b.business.tax_code,
        unitName: b.business.name,
        staffCount: 4,
        approvalRef: dossier.reference_number,
      });
      expect((await b.desk.get(`/api/v1/businesses/${b.business.id}/unit-credential`)).statusCode).toBe(200);
    });

    it('a person taken off the list: their permits are revoked at once and listed in revoked.json', async () => {
      const b = await approvedThroughApi(3);
      const rep = await signIn(t.app, b.rep);
      const issued = (await rep.post('/api/v1/permits', { staffIds: 'all' })).json().items as Array<{
        id: string;
        staffId: string;
        cti: string;
        qrText: string;
      }>;
      const gone = issued[1]!;
      const res = await rep.post(`/api/v1/businesses/${b.business.id}/staff/remove`, {
        staffIds: [gone.staffId],
        reason: 'Nghỉ việc',
      });
      expect(res.statusCode, res.body).toBe(200);
      const { revoked } = await servedLists(t.app);
      expect(revoked.revoked.has(gone.cti)).toBe(true);
      expect((await verifyServed(t.app, gone.qrText, t.clock.now())).verdict).toBe('revoked');
      expect((await verifyServed(t.app, issued[0]!.qrText, t.clock.now())).verdict).toBe('valid');
      const row = (await rep.get(`/api/v1/permits/${gone.id}`)).json();
      expect(row).toMatchObject({ status: 'revoked', revokedReason: 'Nghỉ việc' });
      // …and they can no longer be issued a permit.
      const again = await rep.post('/api/v1/permits', { staffIds: [gone.staffId] });
      expect([again.statusCode, again.json().error.code]).toEqual([422, 'not_registered']);
    });

    it('a suspended business: every permit and the unit QR revoked; no issuing; reinstated → a new unit QR', async () => {
      const b = await approvedThroughApi(3);
      const rep = await signIn(t.app, b.rep);
      const issued = (await rep.post('/api/v1/permits', { staffIds: 'all' })).json().items as Array<{ qrText: string }>;
      const unitBefore = (await rep.get(`/api/v1/businesses/${b.business.id}/unit-credential`)).json();
      const res = await b.desk.post(`/api/v1/dossiers/${b.dossier.id}/suspend`, {
        note: 'Vi phạm quy định phòng dịch',
      });
      expect(res.statusCode, res.body).toBe(200);
      for (const p of issued) expect((await verifyServed(t.app, p.qrText, t.clock.now())).verdict).toBe('revoked');
      expect((await verifyServed(t.app, unitBefore.qrText, t.clock.now())).verdict).toBe('revoked');
      expect((await rep.get(`/api/v1/businesses/${b.business.id}/unit-credential`)).statusCode).toBe(404);
      const refused = await rep.post('/api/v1/permits', { staffIds: 'all' });
      expect(refused.statusCode).toBe(409);
      expect(['business_not_active', 'no_approved_plan']).toContain(refused.json().error.code);

      const back = await b.desk.post(`/api/v1/dossiers/${b.dossier.id}/reinstate`, { note: 'Đã khắc phục' });
      expect(back.statusCode, back.body).toBe(200);
      const unitAfter = (await rep.get(`/api/v1/businesses/${b.business.id}/unit-credential`)).json();
      expect(unitAfter.id).not.toBe(unitBefore.id);
      expect((await verifyServed(t.app, unitAfter.qrText, t.clock.now())).verdict).toBe('valid');
      // Revoked permits stay revoked; new ones continue the numbering.
      for (const p of issued) expect((await verifyServed(t.app, p.qrText, t.clock.now())).verdict).toBe('revoked');
      const fresh = (await rep.post('/api/v1/permits', { staffIds: 'all' })).json();
      expect(fresh.firstSerial).toBe('0004/GĐĐ');
    });
  });
});
