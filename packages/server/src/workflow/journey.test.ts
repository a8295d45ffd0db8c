import { describe, expect, it } from 'vitest';
import { HEADERS, type Person, person, personRow, xlsxOf } from '../../test/support/staff-files.js';
import { multipartBody, SAMPLE_FILES } from '../dossiers/attachments/test-multipart.js';
import { type Agent, forEachApp, signIn } from '../test/app.js';
import { WARDS } from '../test/constants.js';
import { makeUser, TEST_COMMITMENT } from '../test/factories.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DAY = 86_400_000;

/**
 * The scripted journey over the documented API, as a business and the ward would live it:
 * register → the desk accepts → draft → plan uploaded → staff list imported from Excel →
 * submitted → Health Station confirms → the ward approves; and a dossier returned, fixed
 * and resubmitted.
 */
describe('journey: from registration to approval', () => {
  forEachApp((t) => {
    const register = async (name: string, taxCode: string) => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/businesses/register',
        payload: {
          taxCode,
          name,
          address: 'Số 8 phố Đức Giang, phường Đức Giang, quận Long Biên, Hà Nội',
          wardCode: WARDS.own,
          lineOfBusiness: 'Sản xuất, chế biến thực phẩm',
          contactName: 'Phạm Văn Thành',
          contactPhone: '0988 123 456',
          contactEmail: 'giamdoc@journey.example',
          account: { password: 'mat-khau-hanh-trinh', fullName: 'Phạm Văn Thành' },
        },
      });
      expect(res.statusCode, res.body).toBe(201);
      const { business, user } = res.json();
      // The representative signs in with the tax code and the password chosen at registration.
      const login = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: taxCode, password: 'mat-khau-hanh-trinh' },
      });
      expect(login.statusCode).toBe(200);
      const row = await t.db.selectFrom('users').selectAll().where('id', '=', user.id).executeTakeFirstOrThrow();
      return { business, rep: await signIn(t.app, row, 'mat-khau-hanh-trinh') };
    };
    const staffFile = (rows: Person[]) => xlsxOf([HEADERS, ...rows.map(personRow)]);
    const people = (from: number, count: number) => Array.from({ length: count }, (_, i) => person(from + i));
    const upload = (agent: Agent, url: string, name: string, bytes: Uint8Array, type: string) =>
      agent.request({ method: 'POST', url, ...multipartBody(name, bytes, type) });

    it('registers, is accepted, drafts, uploads, imports, submits with the commitment, is confirmed, sent up and signed', async () => {
      const { business, rep } = await register('Công ty TNHH Thực phẩm Hành Trình', '0100109106');
      expect(business.status).toBe('pending');
      const desk = await signIn(t.app, await makeUser(t.db, { role: 'ward_officer' }));
      const health = await signIn(t.app, await makeUser(t.db, { role: 'health_officer' }));
      expect((await desk.post(`/api/v1/businesses/${business.id}/accept`)).json().status).toBe('active');

      const draft = await rep.post('/api/v1/dossiers', {
        planFrom: '2021-08-16',
        planTo: '2021-09-30',
        note: 'Ca ngày',
      });
      expect(draft.statusCode, draft.body).toBe(201);
      const id = draft.json().id;
      const plan = await upload(
        rep,
        `/api/v1/dossiers/${id}/attachments`,
        'ke-hoach.pdf',
        SAMPLE_FILES.pdf,
        'application/pdf',
      );
      expect(plan.statusCode).toBe(201);

      const template = await rep.get('/api/v1/staff/template');
      expect(template.statusCode).toBe(200);
      const imported = await upload(
        rep,
        `/api/v1/dossiers/${id}/staff/import`,
        'danh-sach.xlsx',
        await staffFile(people(700_000, 12)),
        XLSX,
      );
      expect(imported.json()).toMatchObject({ rows: 12, valid: 12, errors: [], saved: true, savedCount: 12 });

      const submitted = (
        await rep.post(`/api/v1/dossiers/${id}/submit`, { commitment: { accepted: true, name: 'Phạm Văn Thành' } })
      ).json();
      expect(submitted).toMatchObject({ state: 'submitted', staffCount: 12, overdue: false });
      expect(submitted.commitment.name).toBe('Phạm Văn Thành');
      expect(Date.parse(submitted.dueAt) - Date.parse(submitted.submittedAt)).toBe(3 * DAY);

      const inbox = (await health.get('/api/v1/dossiers?state=submitted')).json();
      expect(inbox.items.map((d: { id: string }) => d.id)).toContain(id);
      expect((await health.get(`/api/v1/dossiers/${id}/staff`)).json().total).toBe(12);
      expect((await health.post(`/api/v1/dossiers/${id}/confirm-health`)).json().state).toBe('health_confirmed');
      const leader = await signIn(
        t.app,
        await makeUser(t.db, { role: 'ward_leader', fullName: 'Chủ Tịch Thử', title: 'Chủ tịch UBND phường' }),
      );
      expect((await desk.post(`/api/v1/dossiers/${id}/send-for-signature`)).json().state).toBe('awaiting_leader');
      const approved = (await leader.post(`/api/v1/dossiers/${id}/approve`)).json();
      expect(approved).toMatchObject({
        state: 'approved',
        referenceNumber: '1/UBND-ĐG',
        approvedBy: { name: 'Chủ Tịch Thử', title: 'Chủ tịch UBND phường' },
      });
      expect(approved.events.map((e: { action: string }) => e.action)).toEqual([
        'create',
        'attachment_added',
        'submit',
        'confirm_health',
        'send_for_signature',
        'approve',
      ]);
      const list = (await rep.get(`/api/v1/businesses/${business.id}/staff`)).json();
      expect(list.total).toBe(12);
      expect(t.mailer.sent.map((m) => m.subject)).toContain(
        '[Thông hành] Hồ sơ của Công ty TNHH Thực phẩm Hành Trình đã được phê duyệt (số 1/UBND-ĐG)',
      );
    });

    it('has a returned dossier fixed and resubmitted, then approved', async () => {
      const { business, rep } = await register('Hợp tác xã Rau sạch Hành Trình', '0100100632');
      const desk = await signIn(t.app, await makeUser(t.db, { role: 'ward_officer' }));
      const health = await signIn(t.app, await makeUser(t.db, { role: 'health_officer' }));
      await desk.post(`/api/v1/businesses/${business.id}/accept`);
      const id = (await rep.post('/api/v1/dossiers', { planFrom: '2021-08-16', planTo: '2021-09-30' })).json().id;
      await upload(rep, `/api/v1/dossiers/${id}/attachments`, 'ke-hoach.png', SAMPLE_FILES.png, 'image/png');
      const withoutWards = people(710_000, 5).map((p) => ({ ...p, routeWards: '' }));
      const first = (
        await upload(rep, `/api/v1/dossiers/${id}/staff/import`, 'ds.xlsx', await staffFile(withoutWards), XLSX)
      ).json();
      expect(first.warnings.map((w: { code: string }) => w.code)).toContain('route_wards_missing');
      await rep.post(`/api/v1/dossiers/${id}/submit`, { commitment: TEST_COMMITMENT });

      const returned = await health.post(`/api/v1/dossiers/${id}/return`, {
        note: 'Bổ sung mã phường/xã trên lộ trình cho cả 5 người.',
      });
      expect(returned.json()).toMatchObject({
        state: 'returned',
        stateNote: 'Bổ sung mã phường/xã trên lộ trình cho cả 5 người.',
      });
      expect((await rep.get(`/api/v1/dossiers/${id}`)).json()).toMatchObject({ editable: true, actions: ['submit'] });

      t.clock.advance(5 * 3_600_000);
      const rep2 = await signIn(
        t.app,
        await t.db.selectFrom('users').selectAll().where('business_id', '=', business.id).executeTakeFirstOrThrow(),
        'mat-khau-hanh-trinh',
      );
      const fixed = (
        await upload(
          rep2,
          `/api/v1/dossiers/${id}/staff/import`,
          'ds-sua.xlsx',
          await staffFile(people(710_000, 5)),
          XLSX,
        )
      ).json();
      expect(fixed).toMatchObject({ saved: true, savedCount: 5, replacedCount: 5, warnings: [] });
      const resubmitted = (await rep2.post(`/api/v1/dossiers/${id}/submit`, { commitment: TEST_COMMITMENT })).json();
      expect(resubmitted.state).toBe('submitted');
      expect(resubmitted.dueAt).toBe(new Date(t.clock.now().getTime() + 3 * DAY).toISOString());

      const desk2 = await signIn(t.app, await makeUser(t.db, { role: 'ward_officer' }));
      const health2 = await signIn(t.app, await makeUser(t.db, { role: 'health_officer' }));
      await health2.post(`/api/v1/dossiers/${id}/confirm-health`);
      const leader = await signIn(t.app, await makeUser(t.db, { role: 'ward_leader' }));
      await desk2.post(`/api/v1/dossiers/${id}/send-for-signature`);
      const approved = (await leader.post(`/api/v1/dossiers/${id}/approve`)).json();
      expect(approved.referenceNumber).toBe('2/UBND-ĐG');
      expect(approved.events.map((e: { action: string }) => e.action)).toEqual([
        'create',
        'attachment_added',
        'submit',
        'return',
        'submit',
        'confirm_health',
        'send_for_signature',
        'approve',
      ]);

      // The ward's dashboard counts both.
      const stats = (await desk2.get('/api/v1/stats')).json();
      expect(stats.area).toEqual({ wardCode: WARDS.own, districtCode: null, provinceCode: null });
      expect(stats.sections.businesses).toMatchObject({
        registered: 2,
        active: 2,
        approved: 2,
        pendingRegistration: 0,
      });
      expect(stats.sections.dossiers).toMatchObject({ approved: 2, waiting: 0, overdue: 0 });
      expect(stats.sections.staff).toMatchObject({ approved: 17, pending: 0 });
      const supervisor = await signIn(t.app, await makeUser(t.db, { role: 'supervisor', districtCode: '004' }));
      const district = (await supervisor.get('/api/v1/stats')).json();
      expect(district.area.districtCode).toBe('004');
      expect(district.sections.businesses.approved).toBe(2);
      expect((await supervisor.get(`/api/v1/stats?ward=${WARDS.other}`)).statusCode).toBe(403);
    });
  });
});
