import { beforeEach, describe, expect, it } from 'vitest';
import { HEADERS, type Person, person, personRow, xlsxOf } from '../../../test/support/staff-files.js';
import { SYSTEM_ACTOR } from '../../audit/append-audit.js';
import type { BusinessRecord } from '../../businesses/business-presenter.js';
import { multipartBody } from '../../dossiers/attachments/test-multipart.js';
import { findDossier } from '../../dossiers/dossier-query.js';
import { type Agent, forEachApp, signIn } from '../../test/app.js';
import {
  makeBusiness,
  makeBusinessRep,
  makeDossier,
  makeStaffEntries,
  makeUser,
  staffEntryBody,
  TEST_COMMITMENT,
} from '../../test/factories.js';
import type { WorkflowHooks } from '../../workflow/hooks.js';
import { noopWorkflowHooks } from '../../workflow/hooks.js';
import { replaceDossierStaff } from './save-staff-list.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
// Fixed: the same people every run (the suite has its own fresh database).
let base = 300_000;
/** `n` generated people no other test uses. */
const people = (n: number): Person[] => Array.from({ length: n }, () => person(base++));
const xlsx = (rows: Person[]) => xlsxOf([HEADERS, ...rows.map(personRow)]);

const hookCalls: Array<{ hook: string; staffIds: string[]; kind?: string }> = [];
const hooks: WorkflowHooks = {
  ...noopWorkflowHooks,
  dossierApproved: async (_tx, e) => {
    hookCalls.push({ hook: 'dossierApproved', staffIds: e.staffIds, kind: e.kind });
  },
  staffRemoved: async (_tx, e) => {
    hookCalls.push({ hook: 'staffRemoved', staffIds: e.staffIds });
  },
};

describe('staff list routes', () => {
  forEachApp(
    (t) => {
      let business: BusinessRecord;
      let rep: Agent;
      let desk: Agent;
      let health: Agent;
      let dossierId: string;
      beforeEach(async () => {
        business = await makeBusiness(t.db);
        rep = await signIn(t.app, await makeBusinessRep(t.db, business));
        desk = await signIn(t.app, await makeUser(t.db, { role: 'ward_officer' }));
        health = await signIn(t.app, await makeUser(t.db, { role: 'health_officer' }));
        dossierId = (await makeDossier(t.db, { business, staff: 0 })).id;
      });
      const importFile = async (
        bytes: Uint8Array,
        opts: { keepValidOnly?: boolean; id?: string; name?: string } = {},
      ) =>
        rep.request({
          method: 'POST',
          url: `/api/v1/dossiers/${opts.id ?? dossierId}/staff/import${opts.keepValidOnly ? '?keepValidOnly=true' : ''}`,
          ...multipartBody(opts.name ?? 'danh-sach.xlsx', bytes, XLSX),
        });
      const savedNumbers = async (id = dossierId) =>
        (
          await t.db
            .selectFrom('staff_members')
            .select('id_number')
            .where('dossier_id', '=', id)
            .orderBy('source_row')
            .execute()
        ).map((r) => r.id_number);

      it('imports a good workbook and saves every row, pending', async () => {
        const rows = people(4);
        const res = await importFile(await xlsx(rows));
        expect(res.statusCode, res.body).toBe(200);
        expect(res.json()).toMatchObject({
          rows: 4,
          valid: 4,
          errors: [],
          saved: true,
          savedCount: 4,
          replacedCount: 0,
        });
        expect(await savedNumbers()).toEqual(rows.map((p) => p.idNumber));
        const list = (await health.get(`/api/v1/dossiers/${dossierId}/staff`)).json();
        expect(list.total).toBe(4);
        expect(list.items[0]).toMatchObject({
          status: 'pending',
          statusLabel: 'Chờ phê duyệt',
          idType: 'CCCD',
          sourceRow: expect.any(Number),
        });
        expect(list.items[0].schedule).toEqual({ days: expect.any(Array), start: '07:30', end: '17:00' });
        const log = await t.db
          .selectFrom('audit_log')
          .select(['action', 'detail'])
          .where('entity_id', '=', dossierId)
          .orderBy('seq')
          .execute();
        expect(log.map((l) => l.action)).toEqual(expect.arrayContaining(['staff_list.imported', 'staff_list.viewed']));
      });

      it('saves nothing from a file with errors', async () => {
        await importFile(await xlsx(people(2)));
        const before = await savedNumbers();
        const bad = people(3);
        bad[1] = { ...(bad[1] as Person), idNumber: '12345', dateOfBirth: '31/02/1990' };
        const res = (await importFile(await xlsx(bad))).json();
        expect(res).toMatchObject({ rows: 3, valid: 2, saved: false, savedCount: 0 });
        expect(res.errors.map((e: { row: number; field: string }) => [e.row, e.field])).toEqual([
          [3, 'idNumber'],
          [3, 'dateOfBirth'],
        ]);
        expect(await savedNumbers()).toEqual(before);
      });

      it('keeps only the valid rows when asked, replacing the previous list', async () => {
        await importFile(await xlsx(people(5)));
        const rows = people(3);
        rows[0] = { ...(rows[0] as Person), routeFrom: '=HYPERLINK("http://x")' };
        const res = (await importFile(await xlsx(rows), { keepValidOnly: true })).json();
        expect(res).toMatchObject({ rows: 3, valid: 2, saved: true, savedCount: 2, replacedCount: 5 });
        expect(res.errors[0]).toMatchObject({ row: 2, field: 'routeFrom', code: 'formula' });
        expect(await savedNumbers()).toEqual([rows[1]?.idNumber, rows[2]?.idNumber]);
      });

      it('warns about a person on another business’s approved list', async () => {
        const other = await makeBusiness(t.db, { name: 'Công ty TNHH May mặc Hồng Hà' });
        const theirs = await makeDossier(t.db, { business: other, state: 'approved', staff: 1 });
        const them = await t.db
          .selectFrom('staff_members')
          .selectAll()
          .where('dossier_id', '=', theirs.id)
          .executeTakeFirstOrThrow();
        const rows = people(1);
        const shared: Person = {
          ...(rows[0] as Person),
          fullName: them.full_name,
          idNumber: them.id_number,
          dateOfBirth: them.date_of_birth.split('-').reverse().join('/'),
        };
        const res = (await importFile(await xlsx([shared]))).json();
        expect(res.saved).toBe(true);
        expect(res.warnings).toEqual([
          expect.objectContaining({
            row: 2,
            field: 'idNumber',
            code: 'registered_elsewhere',
            message: expect.stringContaining('Hồng Hà'),
          }),
        ]);
      });

      it('replaces the pending list in one transaction (all or nothing)', async () => {
        await importFile(await xlsx(people(3)));
        const before = await savedNumbers();
        const dossier = (await findDossier(t.db, dossierId))!;
        await expect(
          t.db.transaction().execute(async (tx) => {
            await replaceDossierStaff(
              tx,
              {
                dossier,
                staff: makeStaffEntries(600),
                source: { fileName: 'x', rows: 600, errors: 0, keepValidOnly: false },
              },
              SYSTEM_ACTOR,
              new Date(),
            );
            expect(
              (await tx.selectFrom('staff_members').select('id').where('dossier_id', '=', dossierId).execute()).length,
            ).toBe(600);
            throw new Error('the disk filled up');
          }),
        ).rejects.toThrow('the disk filled up');
        expect(await savedNumbers()).toEqual(before);
      });

      it('serves the template as xlsx and as CSV with a BOM; the untouched template imports nothing', async () => {
        const x = await t.app.inject({ method: 'GET', url: '/api/v1/staff/template' });
        expect(x.headers['content-type']).toBe(XLSX);
        expect(x.headers['content-disposition']).toContain('danh-sach-nguoi-lao-dong.xlsx');
        const res = (await importFile(new Uint8Array(x.rawPayload))).json();
        expect(res.errors[0].code).toBe('no_rows');
        const c = await t.app.inject({ method: 'GET', url: '/api/v1/staff/template?format=csv' });
        expect(c.headers['content-type']).toBe('text/csv; charset=utf-8');
        expect([...c.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
        expect(c.rawPayload.toString('utf8')).toContain('Họ và tên;Loại giấy tờ;Số giấy tờ');
      });

      it('adds, edits and deletes one person with the file’s rules', async () => {
        const [a, b] = makeStaffEntries(2) as [
          NonNullable<ReturnType<typeof makeStaffEntries>[0]>,
          NonNullable<ReturnType<typeof makeStaffEntries>[0]>,
        ];
        const added = await rep.post(`/api/v1/dossiers/${dossierId}/staff`, {
          ...staffEntryBody(a),
          dateOfBirth: a.dateOfBirth.split('-').reverse().join('/'),
          scheduleDays: 'T2-T6',
        });
        expect(added.statusCode, added.body).toBe(201);
        expect(added.json().member).toMatchObject({
          fullName: a.fullName,
          status: 'pending',
          sourceRow: null,
          schedule: { days: [1, 2, 3, 4, 5] },
        });
        const id = added.json().member.id;

        const invalid = await rep.patch(`/api/v1/dossiers/${dossierId}/staff/${id}`, {
          ...staffEntryBody(b),
          idNumber: '001234',
          phone: '0123',
          scheduleStart: '18:00',
          scheduleEnd: '07:00',
          routeWards: ['99999'],
        });
        expect(invalid.statusCode).toBe(400);
        expect(
          invalid
            .json()
            .error.issues.map((i: { path: string; code: string }) => `${i.path}:${i.code}`)
            .sort(),
        ).toEqual(
          [
            'body.idNumber:cccd_format',
            'body.phone:phone_format',
            'body.routeWards:ward_unknown',
            'body.scheduleEnd:time_order',
          ].sort(),
        );
        const edited = await rep.patch(`/api/v1/dossiers/${dossierId}/staff/${id}`, staffEntryBody(b));
        expect(edited.json().member).toMatchObject({ id, fullName: b.fullName, idNumber: b.idNumber });

        const dup = await rep.post(`/api/v1/dossiers/${dossierId}/staff`, staffEntryBody(b));
        expect([dup.statusCode, dup.json().error.code]).toEqual([409, 'staff_duplicate']);
        expect((await rep.delete(`/api/v1/dossiers/${dossierId}/staff/${id}`)).statusCode).toBe(200);
        expect(await savedNumbers()).toEqual([]);
        const actions = await t.db
          .selectFrom('audit_log')
          .select('action')
          .where('entity_id', '=', dossierId)
          .orderBy('seq')
          .execute();
        expect(actions.map((r) => r.action)).toEqual(
          expect.arrayContaining(['staff.added', 'staff.updated', 'staff.deleted']),
        );
      });

      it('searches the list by name without diacritics or by document number', async () => {
        const rows = people(3);
        await importFile(await xlsx(rows));
        const target = rows[1] as Person;
        const key = target.fullName
          .normalize('NFD')
          .replace(/\p{M}/gu, '')
          .replace(/đ/g, 'd')
          .replace(/Đ/g, 'D')
          .toLowerCase();
        const byName = (await desk.get(`/api/v1/dossiers/${dossierId}/staff?q=${encodeURIComponent(key)}`)).json();
        expect(byName.items.map((x: { idNumber: string }) => x.idNumber)).toContain(target.idNumber);
        const byNumber = (await desk.get(`/api/v1/dossiers/${dossierId}/staff?q=${target.idNumber}`)).json();
        expect(byNumber.items.map((x: { idNumber: string }) => x.idNumber)).toEqual([target.idNumber]);
        const views = await t.db
          .selectFrom('audit_log')
          .select(['actor_id', 'detail'])
          .where('entity_id', '=', dossierId)
          .where('action', '=', 'staff_list.viewed')
          .execute();
        expect(views.filter((v) => v.actor_id === desk.user.id)).toHaveLength(2);
      });

      it('amends an approved list: additions go through both reviews, removals take effect at once', async () => {
        hookCalls.length = 0;
        // The draft of beforeEach is an initial dossier: replace it by an approved one.
        await t.db.deleteFrom('dossier_attachments').where('dossier_id', '=', dossierId).execute();
        await t.db.deleteFrom('dossier_events').where('dossier_id', '=', dossierId).execute();
        await t.db.deleteFrom('dossiers').where('id', '=', dossierId).execute();
        await makeDossier(t.db, { business, kind: 'initial', state: 'approved', staff: 3 });
        const current = await t.db
          .selectFrom('staff_members')
          .selectAll()
          .where('business_id', '=', business.id)
          .where('status', '=', 'approved')
          .execute();
        expect(current).toHaveLength(3);
        const amendment = (await rep.post('/api/v1/dossiers', { kind: 'amendment' })).json();
        expect(amendment.kind).toBe('amendment');

        const newcomers = people(2);
        const old = current[0] as (typeof current)[number];
        const again: Person = {
          ...(people(1)[0] as Person),
          fullName: old.full_name,
          idNumber: old.id_number,
          dateOfBirth: old.date_of_birth.split('-').reverse().join('/'),
        };
        const withOld = (await importFile(await xlsx([...newcomers, again]), { id: amendment.id })).json();
        expect(withOld.errors).toEqual([expect.objectContaining({ row: 4, code: 'already_on_list' })]);
        expect(withOld.saved).toBe(false);
        const ok = (await importFile(await xlsx(newcomers), { id: amendment.id })).json();
        expect(ok.savedCount).toBe(2);

        expect(
          (await rep.post(`/api/v1/dossiers/${amendment.id}/submit`, { commitment: TEST_COMMITMENT })).json().state,
        ).toBe('submitted');
        expect((await health.post(`/api/v1/dossiers/${amendment.id}/confirm-health`)).json().state).toBe(
          'health_confirmed',
        );
        expect((await desk.post(`/api/v1/dossiers/${amendment.id}/send-for-signature`)).json().state).toBe(
          'awaiting_leader',
        );
        const leader = await signIn(t.app, await makeUser(t.db, { role: 'ward_leader' }));
        expect((await leader.post(`/api/v1/dossiers/${amendment.id}/approve`)).json().state).toBe('approved');
        const list = (await rep.get(`/api/v1/businesses/${business.id}/staff?pageSize=100`)).json();
        expect(list.total).toBe(5);
        expect(hookCalls).toEqual([{ hook: 'dossierApproved', kind: 'amendment', staffIds: expect.any(Array) }]);
        expect(hookCalls[0]?.staffIds).toHaveLength(2);

        const leaving = current.slice(0, 2).map((s) => s.id);
        const removed = await rep.post(`/api/v1/businesses/${business.id}/staff/remove`, {
          staffIds: leaving,
          reason: 'Nghỉ việc',
        });
        expect(removed.json()).toEqual({ removed: 2 });
        expect(hookCalls.at(-1)).toEqual({ hook: 'staffRemoved', staffIds: leaving });
        const after = (await desk.get(`/api/v1/businesses/${business.id}/staff?status=removed`)).json();
        expect(after.items.map((s: { id: string; removedReason: string }) => [s.id, s.removedReason]).sort()).toEqual(
          leaving.map((id) => [id, 'Nghỉ việc']).sort(),
        );
        expect((await rep.get(`/api/v1/businesses/${business.id}/staff`)).json().total).toBe(3);
        const twice = await rep.post(`/api/v1/businesses/${business.id}/staff/remove`, {
          staffIds: leaving,
          reason: 'x',
        });
        expect([twice.statusCode, twice.json().error.code]).toEqual([409, 'staff_not_removable']);
      });
    },
    { hooks },
  );
});
