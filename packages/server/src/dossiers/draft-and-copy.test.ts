import { describe, expect, it } from 'vitest';
import { forEachApp, signIn } from '../test/app.js';
import { WARDS } from '../test/constants.js';
import { makeBusiness, makeBusinessRep, makeDossier, makeUser, TEST_COMMITMENT } from '../test/factories.js';
import { multipartBody, SAMPLE_FILES } from './attachments/test-multipart.js';

describe('no dead ends for dossiers', () => {
  forEachApp((t) => {
    const count = async (table: 'staff_members' | 'dossier_attachments' | 'dossier_events', dossierId: string) =>
      Number(
        (
          await t.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('dossier_id', '=', dossierId)
            .executeTakeFirstOrThrow()
        ).n,
      );

    it('deletes a draft with its people, files and timeline; its file bytes go after commit; audited', async () => {
      const b = await makeBusiness(t.db);
      const rep = await signIn(t.app, await makeBusinessRep(t.db, b));
      const d = await makeDossier(t.db, { business: b, staff: 4 });
      const up = await rep.request({
        method: 'POST',
        url: `/api/v1/dossiers/${d.id}/attachments`,
        ...multipartBody('ke-hoach.pdf', SAMPLE_FILES.pdf, 'application/pdf'),
      });
      expect(up.statusCode, up.body).toBe(201);
      const key = (
        await t.db
          .selectFrom('dossier_attachments')
          .select('storage_key')
          .where('id', '=', up.json().id)
          .executeTakeFirstOrThrow()
      ).storage_key;
      const res = await rep.delete(`/api/v1/dossiers/${d.id}`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual({ deleted: true });
      expect(await t.db.selectFrom('dossiers').select('id').where('id', '=', d.id).executeTakeFirst()).toBeUndefined();
      for (const table of ['staff_members', 'dossier_attachments', 'dossier_events'] as const) {
        expect(await count(table, d.id)).toBe(0);
      }
      expect((await rep.get(`/api/v1/dossiers/${d.id}`)).statusCode).toBe(404);
      const { localDiskStorage } = await import('./attachments/file-storage.js');
      expect(await localDiskStorage(t.appConfig.uploadsDir).get(key)).toBeNull();
      const log = await t.db
        .selectFrom('audit_log')
        .select(['action', 'detail'])
        .where('entity_id', '=', d.id)
        .orderBy('seq', 'desc')
        .executeTakeFirstOrThrow();
      expect(log.action).toBe('dossier.deleted');
      expect(JSON.parse(log.detail as string)).toMatchObject({ staff: 4, attachments: 2 });
      // A new initial dossier can now be drafted.
      const again = await rep.post('/api/v1/dossiers', { planFrom: '2021-08-20', planTo: '2021-09-30' });
      expect(again.statusCode, again.body).toBe(201);
    });

    it('refuses to delete a dossier once submitted (409 dossier_not_draft), leaving it whole', async () => {
      const b = await makeBusiness(t.db);
      const rep = await signIn(t.app, await makeBusinessRep(t.db, b));
      for (const state of ['submitted', 'returned'] as const) {
        const d = await makeDossier(t.db, { business: b, state, staff: 2 });
        const res = await rep.delete(`/api/v1/dossiers/${d.id}`);
        expect(res.statusCode).toBe(409);
        expect(res.json().error.code).toBe('dossier_not_draft');
        expect(await count('staff_members', d.id)).toBe(2);
        await t.db.updateTable('dossiers').set({ state: 'rejected' }).where('id', '=', d.id).execute();
      }
    });

    it('copies a rejected dossier into a new draft with its plan file and people, ready to submit again', async () => {
      const b = await makeBusiness(t.db);
      const rep = await signIn(t.app, await makeBusinessRep(t.db, b));
      const desk = await signIn(t.app, await makeUser(t.db, { role: 'ward_officer', wardCode: WARDS.own }));
      const d = await makeDossier(t.db, { business: b, staff: 3 });
      await rep.request({
        method: 'POST',
        url: `/api/v1/dossiers/${d.id}/attachments`,
        ...multipartBody('ke-hoach-that.pdf', SAMPLE_FILES.pdf, 'application/pdf'),
      });
      expect((await rep.post(`/api/v1/dossiers/${d.id}/submit`, { commitment: TEST_COMMITMENT })).statusCode).toBe(200);
      const notYet = await rep.post(`/api/v1/dossiers/${d.id}/copy`);
      expect(notYet.json().error.code).toBe('dossier_not_copyable');
      expect((await desk.post(`/api/v1/dossiers/${d.id}/reject`, { note: 'Thiếu phương án' })).statusCode).toBe(200);

      const res = await rep.post(`/api/v1/dossiers/${d.id}/copy`);
      expect(res.statusCode, res.body).toBe(201);
      const copy = res.json();
      expect(copy).toMatchObject({ state: 'draft', kind: 'initial', planFrom: d.plan_from, planTo: d.plan_to });
      // The factory's plan has no bytes in storage: only the uploaded file is copied.
      expect(copy.attachments.map((a: { fileName: string }) => a.fileName)).toEqual(['ke-hoach-that.pdf']);
      const file = await rep.get(`/api/v1/dossiers/${copy.id}/attachments/${copy.attachments[0].id}`);
      expect(Buffer.from(file.rawPayload)).toEqual(Buffer.from(SAMPLE_FILES.pdf));
      const people = await t.db
        .selectFrom('staff_members')
        .select('status')
        .where('dossier_id', '=', copy.id)
        .execute();
      expect(people.map((p) => p.status)).toEqual(['pending', 'pending', 'pending']);
      expect((await rep.post(`/api/v1/dossiers/${copy.id}/submit`, { commitment: TEST_COMMITMENT })).statusCode).toBe(
        200,
      );
      // The business now has a live dossier: a second copy is refused.
      const second = await rep.post(`/api/v1/dossiers/${d.id}/copy`);
      expect(second.json().error.code).toBe('dossier_exists');
    });

    it('the ward takes back a rejection with a reason: submitted again, new deadline, people pending', async () => {
      const b = await makeBusiness(t.db);
      const d = await makeDossier(t.db, { business: b, staff: 2, state: 'rejected' });
      const admin = await signIn(t.app, await makeUser(t.db, { role: 'ward_admin', wardCode: WARDS.own }));
      const noReason = await admin.post(`/api/v1/dossiers/${d.id}/reopen`, {});
      expect(noReason.statusCode).toBe(400);
      const res = await admin.post(`/api/v1/dossiers/${d.id}/reopen`, { note: 'Từ chối nhầm hồ sơ' });
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json();
      expect(body).toMatchObject({ state: 'submitted', stateNote: 'Từ chối nhầm hồ sơ' });
      expect(Date.parse(body.dueAt)).toBeGreaterThan(t.clock.now().getTime());
      expect(body.events.at(-1)).toMatchObject({ action: 'reopen', fromState: 'rejected', toState: 'submitted' });
      const people = await t.db.selectFrom('staff_members').select('status').where('dossier_id', '=', d.id).execute();
      expect(people.map((p) => p.status)).toEqual(['pending', 'pending']);
      const log = await t.db
        .selectFrom('audit_log')
        .select('action')
        .where('entity_id', '=', d.id)
        .orderBy('seq', 'desc')
        .executeTakeFirstOrThrow();
      expect(log.action).toBe('dossier.rejection_reversed');
    });

    it('does not take back a rejection once the business started another dossier of that kind', async () => {
      const b = await makeBusiness(t.db);
      const d = await makeDossier(t.db, { business: b, state: 'rejected' });
      await makeDossier(t.db, { business: b });
      const desk = await signIn(t.app, await makeUser(t.db, { role: 'ward_officer', wardCode: WARDS.own }));
      const res = await desk.post(`/api/v1/dossiers/${d.id}/reopen`, { note: 'Xem xét lại' });
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('dossier_exists');
      const row = await t.db.selectFrom('dossiers').select('state').where('id', '=', d.id).executeTakeFirstOrThrow();
      expect(row.state).toBe('rejected');
    });
  });
});
