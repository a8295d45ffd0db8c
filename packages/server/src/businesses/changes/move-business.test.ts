import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ReceivedMail, startTestSmtp, takeMessages } from '../../../test/support/smtp-server.js';
import { buildApp } from '../../app.js';
import { manualClock } from '../../clock.js';
import { silentLogger } from '../../log.js';
import { smtpMailer } from '../../mail/mailer.js';
import { makeTestBusiness, verifyServed } from '../../permits/test-support.js';
import { type Agent, signIn, testConfig } from '../../test/app.js';
import { TEST_CLOCK_START, WARDS } from '../../test/constants.js';
import { forEachDatabase } from '../../test/databases.js';
import {
  makeBusiness,
  makeBusinessRep,
  makeDossier,
  makeStaffEntries,
  makeUser,
  staffEntryBody,
} from '../../test/factories.js';
import type { BusinessRecord } from '../business-presenter.js';
import { findBusiness } from '../business-query.js';

const FROM_BOX = 'motcua@ducgiang.example';
const TO_BOX = 'motcua@viethung.example';
const TO_DESK_MAIL = 'motcua.an@viethung.example';
const NEW_ADDRESS = 'Số 12 phố Việt Hưng';

/**
 * A business that moves its head office to another ward (chuyển phường): its representative
 * asks, the destination ward's desk decides; the origin ward only reads it in the business's
 * history, a third ward sees nothing. E-mails through a real SMTP server.
 */
describe('a business moves to another ward, decided by the ward it moves to', () => {
  forEachDatabase((t) => {
    let smtp: Awaited<ReturnType<typeof startTestSmtp>>;
    let app: Awaited<ReturnType<typeof buildApp>>;
    const clock = manualClock(TEST_CLOCK_START);
    let fromDesk: Agent;
    let toDesk: Agent;
    let farDesk: Agent;
    const mails = (n: number) => takeMessages(smtp, n, 50);
    const bySubject = (list: ReceivedMail[], part: string) => list.find((m) => m.subject.includes(part));

    beforeAll(async () => {
      smtp = await startTestSmtp();
      const config = testConfig(t, { PUBLIC_URL: 'https://thonghanh.example' });
      app = await buildApp({ db: t.db, config, clock, mailer: smtpMailer(smtp.url, silentLogger) });
      for (const [ward_code, desk_email] of [
        [WARDS.own, FROM_BOX],
        [WARDS.sameDistrict, TO_BOX],
      ] as const) {
        await t.db
          .insertInto('ward_settings')
          .values({
            ward_code,
            due_days: 3,
            legal_basis: null,
            desk_email,
            leader_approval_required: 1,
            updated_at: TEST_CLOCK_START,
            updated_by: null,
          })
          .execute();
      }
      fromDesk = await signIn(app, await makeUser(t.db, { role: 'ward_officer', username: 'mv.from' }));
      toDesk = await signIn(
        app,
        await makeUser(t.db, {
          role: 'ward_officer',
          username: 'mv.to',
          wardCode: WARDS.sameDistrict,
          email: TO_DESK_MAIL,
        }),
      );
      farDesk = await signIn(
        app,
        await makeUser(t.db, { role: 'ward_officer', username: 'mv.far', wardCode: WARDS.other }),
      );
    });
    afterAll(async () => {
      await app?.close();
      await smtp?.close();
    });

    /** An approved business of Đức Giang: its unit QR signed by the leader, one permit issued. */
    async function approvedBusiness() {
      const b = await makeTestBusiness(t.db, { staff: 2, state: 'awaiting_leader' });
      const leader = await signIn(app, await makeUser(t.db, { role: 'ward_leader' }));
      expect((await leader.post(`/api/v1/dossiers/${b.dossier.id}/approve`, {})).statusCode).toBe(200);
      const rep = await signIn(app, b.rep);
      const issued = await rep.post('/api/v1/permits', { staffIds: 'all' });
      expect(issued.statusCode, issued.body).toBe(201);
      await mails(0);
      return { ...b, repAgent: rep, permit: issued.json().items[0] };
    }

    it('the rep asks; the new ward approves: ward, address, accounts move; the unit QR is revoked, permits kept', async () => {
      const b = await approvedBusiness();
      const unit = (await b.repAgent.get(`/api/v1/businesses/${b.business.id}/unit-credential`)).json();
      const asked = await b.repAgent.patch(`/api/v1/businesses/${b.business.id}`, {
        wardCode: WARDS.sameDistrict,
        address: NEW_ADDRESS,
      });
      expect(asked.statusCode, asked.body).toBe(200);
      const change = asked.json().change;
      expect(change).toMatchObject({
        kind: 'move',
        status: 'pending',
        proposed: { wardCode: WARDS.sameDistrict, wardName: 'Phường Việt Hưng', address: NEW_ADDRESS },
        previous: { wardCode: WARDS.own, wardName: 'Phường Đức Giang', address: b.business.address },
      });
      expect(asked.json().business.wardCode).toBe(WARDS.own);
      // The destination's desk hears of it, not the origin's.
      const asking = await mails(1);
      expect(asking.map((m) => m.to.sort())).toEqual([[TO_DESK_MAIL, TO_BOX].sort()]);
      expect(asking[0]?.subject).toContain('chuyển đến phường');
      expect(asking[0]?.text).toContain('Phường: Phường Đức Giang → Phường Việt Hưng');

      // The queues: the destination's shows it; the origin's and a third ward's do not.
      const ids = async (a: Agent) =>
        (await a.get('/api/v1/business-changes?status=pending')).json().items.map((c: { id: string }) => c.id);
      expect(await ids(toDesk)).toContain(change.id);
      expect(await ids(fromDesk)).not.toContain(change.id);
      expect(await ids(farDesk)).not.toContain(change.id);
      // The origin reads it in the business's history, and cannot decide it; nor can a third ward.
      const history = (await fromDesk.get(`/api/v1/businesses/${b.business.id}/changes`)).json().items;
      expect(history[0]).toMatchObject({ id: change.id, kind: 'move', status: 'pending' });
      for (const desk of [fromDesk, farDesk]) {
        expect((await desk.post(`/api/v1/business-changes/${change.id}/approve`, {})).statusCode).toBe(404);
        expect((await desk.post(`/api/v1/business-changes/${change.id}/refuse`, { reason: 'x' })).statusCode).toBe(404);
      }
      // Only the desk decides: not the ward admin, not the leader of the destination.
      const admin = await signIn(app, await makeUser(t.db, { role: 'ward_admin', wardCode: WARDS.sameDistrict }));
      expect((await admin.post(`/api/v1/business-changes/${change.id}/approve`, {})).statusCode).toBe(403);

      const approved = await toDesk.post(`/api/v1/business-changes/${change.id}/approve`, {});
      expect(approved.statusCode, approved.body).toBe(200);
      expect(approved.json().business).toMatchObject({
        wardCode: WARDS.sameDistrict,
        wardName: 'Phường Việt Hưng',
        districtCode: '004',
        address: NEW_ADDRESS,
      });
      const rep = await t.db.selectFrom('users').selectAll().where('id', '=', b.rep.id).executeTakeFirstOrThrow();
      expect(rep.ward_code).toBe(WARDS.sameDistrict);
      const old = await t.db
        .selectFrom('unit_credentials')
        .select(['status', 'revoked_reason'])
        .where('id', '=', unit.id)
        .executeTakeFirstOrThrow();
      expect(old).toEqual({
        status: 'revoked',
        revoked_reason: 'Doanh nghiệp chuyển sang phường Việt Hưng: cần hồ sơ được phường mới phê duyệt',
      });
      const active = await t.db
        .selectFrom('unit_credentials')
        .select('id')
        .where('business_id', '=', b.business.id)
        .where('status', '=', 'active')
        .execute();
      expect(active).toEqual([]);
      const now = clock.now();
      expect((await verifyServed(app, unit.qrText, now)).verdict).toBe('revoked');
      expect((await verifyServed(app, b.permit.qrText, now)).verdict).toBe('valid');
      // The past dossier stays with Đức Giang.
      const dossier = await t.db
        .selectFrom('dossiers')
        .select('ward_code')
        .where('id', '=', b.dossier.id)
        .executeTakeFirstOrThrow();
      expect(dossier.ward_code).toBe(WARDS.own);
      const moved = await t.db
        .selectFrom('audit_log')
        .select(['detail', 'ward_code'])
        .where('entity_id', '=', b.business.id)
        .where('action', '=', 'business.moved')
        .executeTakeFirstOrThrow();
      expect(moved.ward_code).toBe(WARDS.sameDistrict);
      expect(JSON.parse(moved.detail as string)).toMatchObject({
        changeId: change.id,
        from: { wardCode: WARDS.own, address: b.business.address },
        to: { wardCode: WARDS.sameDistrict, address: NEW_ADDRESS },
      });

      // The business hears the new ward's answer; the ward it left hears that it left.
      const answered = await mails(2);
      const decision = bySubject(answered, 'đã được duyệt');
      expect(decision?.to).toEqual(['lienhe@doanhnghiep.example.vn']);
      expect(decision?.text).toContain('UBND phường Việt Hưng đã duyệt');
      expect(decision?.text).toContain('Mã QR đơn vị do phường Đức Giang cấp đã bị thu hồi');
      const left = bySubject(answered, 'đã chuyển khỏi phường');
      expect(left?.to).toEqual([FROM_BOX]);

      // Counted in the new ward as active, not yet as approved (the old ward's approval stays the old ward's).
      const stats = (await toDesk.get('/api/v1/stats')).json().sections.businesses;
      expect(stats).toMatchObject({ active: 1, approved: 0 });

      // The origin no longer reaches the business; the destination does; the rep sees its new ward.
      expect((await fromDesk.get(`/api/v1/businesses/${b.business.id}`)).statusCode).toBe(404);
      expect((await toDesk.get(`/api/v1/businesses/${b.business.id}`)).statusCode).toBe(200);
      // New permits wait for the new ward's approval; a new initial dossier goes to the new ward.
      const permits = await b.repAgent.post('/api/v1/permits', { staffIds: 'all' });
      expect(permits.statusCode).toBe(409);
      expect(permits.json().error.code).toBe('no_approved_plan');
      const fresh = await b.repAgent.post('/api/v1/dossiers', {
        kind: 'initial',
        planFrom: '2021-08-20',
        planTo: '2021-09-30',
      });
      expect(fresh.statusCode, fresh.body).toBe(201);
      expect(fresh.json().wardCode).toBe(WARDS.sameDistrict);

      // The old ward's dossier is its history: it moves no more; its permits it can still revoke one by one.
      const suspend = await fromDesk.post(`/api/v1/dossiers/${b.dossier.id}/suspend`, { note: 'Vi phạm' });
      expect(suspend.statusCode).toBe(409);
      expect(suspend.json().error).toMatchObject({ code: 'illegal_transition' });
      const revoke = await fromDesk.post(`/api/v1/permits/${b.permit.id}/revoke`, {
        reason: 'Người lao động nghỉ việc',
      });
      expect(revoke.statusCode, revoke.body).toBe(200);
    });

    it('the business lists its people again for the new ward, and issues only to those the new ward approved', async () => {
      const b = await approvedBusiness();
      const change = (
        await b.repAgent.patch(`/api/v1/businesses/${b.business.id}`, {
          wardCode: WARDS.sameDistrict,
          address: NEW_ADDRESS,
        })
      ).json().change;
      expect((await toDesk.post(`/api/v1/business-changes/${change.id}/approve`, {})).statusCode).toBe(200);
      await mails(3);
      const old = await t.db
        .selectFrom('staff_members')
        .selectAll()
        .where('business_id', '=', b.business.id)
        .where('status', '=', 'approved')
        .orderBy('name_key')
        .execute();
      // A person on the old ward's approved list is not a duplicate on the new ward's list.
      const draft = (
        await b.repAgent.post('/api/v1/dossiers', { kind: 'initial', planFrom: '2021-08-20', planTo: '2021-09-30' })
      ).json();
      const [entry] = makeStaffEntries(1);
      const again = await b.repAgent.post(`/api/v1/dossiers/${draft.id}/staff`, {
        ...staffEntryBody(entry!),
        fullName: old[0]?.full_name,
        idType: old[0]?.id_type,
        idNumber: old[0]?.id_number,
        dateOfBirth: old[0]?.date_of_birth,
      });
      expect(again.statusCode, again.body).toBe(201);
      expect((await b.repAgent.delete(`/api/v1/dossiers/${draft.id}`)).statusCode).toBe(200);

      // The new ward approves a plan with one new person: permits go to that list only.
      const moved = (await findBusiness(t.db, b.business.id)) as BusinessRecord;
      await makeDossier(t.db, { business: moved, state: 'approved', staff: 1 });
      const refused = await b.repAgent.post('/api/v1/permits', { staffIds: [old[0]?.id] });
      expect(refused.statusCode).toBe(422);
      expect(refused.json().error.issues[0].message).toContain('phường cũ');
      const issued = await b.repAgent.post('/api/v1/permits', { staffIds: 'all' });
      expect(issued.statusCode, issued.body).toBe(201);
      expect(issued.json().items).toHaveLength(1);
      expect(issued.json().items[0].staffId).not.toBe(old[0]?.id);
    });

    it('the new ward refuses with a reason: the business stays where it was', async () => {
      const b = await approvedBusiness();
      const change = (
        await b.repAgent.patch(`/api/v1/businesses/${b.business.id}`, {
          wardCode: WARDS.sameDistrict,
          address: NEW_ADDRESS,
        })
      ).json().change;
      await mails(1);
      const refused = await toDesk.post(`/api/v1/business-changes/${change.id}/refuse`, {
        reason: 'Địa chỉ mới không thuộc phường Việt Hưng',
      });
      expect(refused.statusCode, refused.body).toBe(200);
      expect(refused.json().business).toMatchObject({ wardCode: WARDS.own, address: b.business.address });
      const unit = await b.repAgent.get(`/api/v1/businesses/${b.business.id}/unit-credential`);
      expect(unit.json().status).toBe('active');
      const answered = await mails(1);
      expect(answered[0]?.subject).toContain('không được duyệt');
      expect(answered[0]?.text).toContain('UBND phường Việt Hưng không duyệt');
      expect(answered[0]?.text).toContain('Lý do: Địa chỉ mới không thuộc phường Việt Hưng');
    });

    it('a business the old ward suspended moves and is active in the new ward, which sees the suspension first', async () => {
      const business = await makeBusiness(t.db, { status: 'suspended' });
      await t.db
        .updateTable('businesses')
        .set({ status_reason: 'Vi phạm phương án phòng dịch' })
        .where('id', '=', business.id)
        .execute();
      const rep = await signIn(app, await makeBusinessRep(t.db, business));
      const change = (
        await rep.patch(`/api/v1/businesses/${business.id}`, { wardCode: WARDS.sameDistrict, address: NEW_ADDRESS })
      ).json().change;
      const queued = (await toDesk.get('/api/v1/business-changes'))
        .json()
        .items.find((c: { id: string }) => c.id === change.id);
      expect(queued).toMatchObject({
        businessStatus: 'suspended',
        businessStatusReason: 'Vi phạm phương án phòng dịch',
      });
      const approved = await toDesk.post(`/api/v1/business-changes/${change.id}/approve`, {});
      expect(approved.statusCode, approved.body).toBe(200);
      expect(approved.json().business).toMatchObject({
        status: 'active',
        statusReason: null,
        wardCode: WARDS.sameDistrict,
      });
      // It registers with its new ward (no plan there yet: no permits).
      const fresh = await rep.post('/api/v1/dossiers', {
        kind: 'initial',
        planFrom: '2021-08-20',
        planTo: '2021-09-30',
      });
      expect(fresh.statusCode, fresh.body).toBe(201);
      await mails(2);
    });

    it('waits for a dossier in progress, at the request and at the approval', async () => {
      const business = await makeBusiness(t.db);
      await makeDossier(t.db, { business, state: 'submitted' });
      const rep = await signIn(app, await makeBusinessRep(t.db, business));
      const res = await rep.patch(`/api/v1/businesses/${business.id}`, {
        wardCode: WARDS.sameDistrict,
        address: NEW_ADDRESS,
      });
      expect(res.statusCode).toBe(409);
      expect(res.json().error).toMatchObject({
        code: 'business_has_open_dossier',
        message: expect.stringContaining('Hãy chờ hồ sơ đang xử lý có kết quả trước khi chuyển phường'),
      });

      // Asked with no dossier; a dossier submitted meanwhile holds the approval back.
      const other = await makeBusiness(t.db);
      const otherRep = await signIn(app, await makeBusinessRep(t.db, other));
      const asked = await otherRep.patch(`/api/v1/businesses/${other.id}`, {
        wardCode: WARDS.sameDistrict,
        address: NEW_ADDRESS,
      });
      expect(asked.statusCode, asked.body).toBe(200);
      await makeDossier(t.db, { business: other, state: 'submitted' });
      const approve = await toDesk.post(`/api/v1/business-changes/${asked.json().change.id}/approve`, {});
      expect(approve.statusCode).toBe(409);
      expect(approve.json().error.code).toBe('business_has_open_dossier');
      const still = await t.db
        .selectFrom('business_changes')
        .select('status')
        .where('id', '=', asked.json().change.id)
        .executeTakeFirstOrThrow();
      expect(still.status).toBe('pending');
      await mails(1);
    });

    it('a draft initial dossier moves with the business; a draft amendment holds the move back', async () => {
      const business = await makeBusiness(t.db);
      const draft = await makeDossier(t.db, { business, state: 'draft' });
      const rep = await signIn(app, await makeBusinessRep(t.db, business));
      const change = (
        await rep.patch(`/api/v1/businesses/${business.id}`, { wardCode: WARDS.sameDistrict, address: NEW_ADDRESS })
      ).json().change;
      expect((await toDesk.post(`/api/v1/business-changes/${change.id}/approve`, {})).statusCode).toBe(200);
      const row = await t.db
        .selectFrom('dossiers')
        .select('ward_code')
        .where('id', '=', draft.id)
        .executeTakeFirstOrThrow();
      expect(row.ward_code).toBe(WARDS.sameDistrict);
      const people = await t.db
        .selectFrom('staff_members')
        .select('ward_code')
        .where('dossier_id', '=', draft.id)
        .execute();
      expect(new Set(people.map((p) => p.ward_code))).toEqual(new Set([WARDS.sameDistrict]));

      const b = await makeTestBusiness(t.db, { staff: 1 });
      await makeDossier(t.db, { business: b.business, kind: 'amendment', state: 'draft', staff: 1 });
      const amending = await signIn(app, b.rep);
      const held = await amending.patch(`/api/v1/businesses/${b.business.id}`, {
        wardCode: WARDS.sameDistrict,
        address: NEW_ADDRESS,
      });
      expect(held.statusCode).toBe(409);
      expect(held.json().error.message).toContain('hồ sơ bổ sung người lao động chưa nộp');
      await mails(2);
    });

    it('refuses an unknown ward, the same ward, a move without its address, a desk, and a pending registration', async () => {
      const business = await makeBusiness(t.db);
      const rep = await signIn(app, await makeBusinessRep(t.db, business));
      const unknown = await rep.patch(`/api/v1/businesses/${business.id}`, { wardCode: '99999', address: NEW_ADDRESS });
      expect(unknown.statusCode).toBe(422);
      expect(unknown.json().error).toMatchObject({ code: 'unknown_admin_unit' });
      expect(unknown.json().error.issues[0].path).toBe('body.wardCode');
      const district = await rep.patch(`/api/v1/businesses/${business.id}`, { wardCode: '004', address: NEW_ADDRESS });
      expect(district.statusCode).toBe(400);
      const same = await rep.patch(`/api/v1/businesses/${business.id}`, { wardCode: WARDS.own, address: NEW_ADDRESS });
      expect(same.statusCode).toBe(400);
      expect(same.json().error.code).toBe('ward_unchanged');
      const noAddress = await rep.patch(`/api/v1/businesses/${business.id}`, { wardCode: WARDS.sameDistrict });
      expect(noAddress.statusCode).toBe(400);
      expect(noAddress.json().error.issues[0].path).toBe('body.address');
      const byDesk = await fromDesk.patch(`/api/v1/businesses/${business.id}`, {
        wardCode: WARDS.sameDistrict,
        address: NEW_ADDRESS,
      });
      expect(byDesk.statusCode).toBe(403);
      const pending = await makeBusiness(t.db, { status: 'pending' });
      const pendingRep = await signIn(app, await makeBusinessRep(t.db, pending));
      const early = await pendingRep.patch(`/api/v1/businesses/${pending.id}`, {
        wardCode: WARDS.sameDistrict,
        address: NEW_ADDRESS,
      });
      expect(early.statusCode).toBe(409);
      expect(early.json().error.code).toBe('business_not_active');
      expect(
        await t.db
          .selectFrom('business_changes')
          .select('id')
          .where('business_id', 'in', [business.id, pending.id])
          .execute(),
      ).toEqual([]);
      await mails(0);
    });
  });
});
