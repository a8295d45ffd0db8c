import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { BusinessRecord } from '../businesses/business-presenter.js';
import type { DossierState } from '../db/schema.js';
import { type Agent, forEachApp, signIn } from '../test/app.js';
import { WARDS } from '../test/constants.js';
import {
  deskApprovesIn,
  makeBusiness,
  makeBusinessRep,
  makeDossier,
  makeUser,
  setWardSettings,
  TEST_COMMITMENT,
} from '../test/factories.js';
import { combineWorkflowHooks, type WorkflowHooks } from '../workflow/hooks.js';
import { DOSSIER_STATES, TRANSITIONS, type TransitionAction } from '../workflow/transitions.js';

const PATHS: Record<TransitionAction, string> = {
  submit: 'submit',
  confirm_health: 'confirm-health',
  return: 'return',
  send_for_signature: 'send-for-signature',
  return_to_desk: 'return-to-desk',
  approve: 'approve',
  reject: 'reject',
  suspend: 'suspend',
  reinstate: 'reinstate',
  reopen: 'reopen',
};
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** What the hooks were told, in order; `failNext` makes the next hook throw. */
const calls: Array<{ hook: string; e: Record<string, unknown> }> = [];
const control = { failNext: false };
const recording: WorkflowHooks = combineWorkflowHooks({
  dossierApproved: async (_tx, e) => {
    if (control.failNext) {
      control.failNext = false;
      throw new Error('permits could not be issued');
    }
    calls.push({ hook: 'dossierApproved', e: { ...e } });
  },
  staffRemoved: async (_tx, e) => {
    calls.push({ hook: 'staffRemoved', e: { ...e } });
  },
  businessSuspended: async (_tx, e) => {
    calls.push({ hook: 'businessSuspended', e: { ...e } });
  },
  businessReinstated: async (_tx, e) => {
    calls.push({ hook: 'businessReinstated', e: { ...e } });
  },
});

describe('dossier workflow over the API', () => {
  forEachApp(
    (t) => {
      let desk: Agent;
      let health: Agent;
      let leader: Agent;
      let business: BusinessRecord;
      let rep: Agent;
      beforeAll(async () => {
        business = await makeBusiness(t.db);
        // Phúc Xá keeps the desk's approval; Đức Giang has the default (the leader signs).
        await deskApprovesIn(t.db, WARDS.other);
      });
      // Signed in afresh for every test: the clock test moves time past the sessions' expiry.
      beforeEach(async () => {
        desk = await signIn(t.app, await makeUser(t.db, { role: 'ward_officer' }));
        health = await signIn(t.app, await makeUser(t.db, { role: 'health_officer' }));
        leader = await signIn(
          t.app,
          await makeUser(t.db, { role: 'ward_leader', fullName: 'Lãnh Đạo Phường', title: 'Chủ tịch UBND phường' }),
        );
        rep = await signIn(t.app, await makeBusinessRep(t.db, business));
      });

      /** An agent allowed to do `action` on a dossier sent online (the business keeps it). */
      const actorFor = (action: TransitionAction, from: DossierState) => {
        const row =
          TRANSITIONS.find((x) => x.action === action && x.from === from) ??
          TRANSITIONS.find((x) => x.action === action);
        if (!row) return desk;
        const party = row.by[0];
        return party === 'keeper' ? rep : party === 'health' ? health : party === 'leader' ? leader : desk;
      };

      describe('every legal move, through its route', () => {
        for (const tr of TRANSITIONS) {
          it(`${tr.action}: ${tr.from} → ${tr.to}${tr.approval ? ` (${tr.approval} approves)` : ''}`, async () => {
            // A row for wards that keep the desk's approval: in Phúc Xá, by its desk.
            const ward = tr.approval === 'desk' ? WARDS.other : WARDS.own;
            const b = await makeBusiness(t.db, { wardCode: ward });
            const d = await makeDossier(t.db, { business: b, state: tr.from });
            const agent =
              tr.by[0] === 'keeper'
                ? await signIn(t.app, await makeBusinessRep(t.db, b))
                : ward === WARDS.other
                  ? await signIn(t.app, await makeUser(t.db, { role: 'ward_officer', wardCode: ward }))
                  : actorFor(tr.action, tr.from);
            const res = await agent.post(`/api/v1/dossiers/${d.id}/${PATHS[tr.action]}`, {
              note: 'Ghi chú kèm theo',
              ...(tr.action === 'submit' ? { commitment: TEST_COMMITMENT } : {}),
            });
            expect(res.statusCode, res.body).toBe(200);
            const body = res.json();
            expect(body.state).toBe(tr.to);
            expect(body.events.at(-1)).toMatchObject({
              action: tr.action,
              fromState: tr.from,
              toState: tr.to,
              actorId: agent.user.id,
              actorRole: agent.user.role,
              note: 'Ghi chú kèm theo',
            });
            const log = await t.db
              .selectFrom('audit_log')
              .select(['action', 'actor_id'])
              .where('entity_id', '=', d.id)
              .orderBy('seq', 'desc')
              .executeTakeFirstOrThrow();
            expect(log.actor_id).toBe(agent.user.id);
            expect(log.action).toMatch(/^dossier\./);
          });
        }
      });

      describe('every illegal move is refused with 409 illegal_transition, nothing changed', () => {
        for (const action of Object.keys(PATHS) as TransitionAction[]) {
          for (const from of DOSSIER_STATES) {
            if (TRANSITIONS.some((x) => x.action === action && x.from === from)) continue;
            it(`${action} from ${from}`, async () => {
              const b = await makeBusiness(t.db);
              const d = await makeDossier(t.db, { business: b, state: from });
              // Someone who may do this action on some dossier: the business keeps its online ones.
              const agent =
                action === 'submit' ? await signIn(t.app, await makeBusinessRep(t.db, b)) : actorFor(action, from);
              const res = await agent.post(`/api/v1/dossiers/${d.id}/${PATHS[action]}`, {
                note: 'x',
                ...(action === 'submit' ? { commitment: TEST_COMMITMENT } : {}),
              });
              expect(res.statusCode, res.body).toBe(409);
              expect(res.json().error.code).toBe('illegal_transition');
              const after = await t.db
                .selectFrom('dossiers')
                .select('state')
                .where('id', '=', d.id)
                .executeTakeFirstOrThrow();
              expect(after.state).toBe(from);
            });
          }
        }
      });

      it('requires a reason for return, reject, suspend, reinstate (400 on body.note)', async () => {
        const d = await makeDossier(t.db, { business: await makeBusiness(t.db), state: 'submitted' });
        const res = await health.post(`/api/v1/dossiers/${d.id}/return`, { note: '   ' });
        expect(res.statusCode).toBe(400);
        expect(res.json().error.issues[0].path).toBe('body.note');
      });

      it('lets the Health Station return only before it confirmed; the desk approves, not the station', async () => {
        const d = await makeDossier(t.db, { business: await makeBusiness(t.db), state: 'health_confirmed' });
        expect((await health.post(`/api/v1/dossiers/${d.id}/return`, { note: 'x' })).statusCode).toBe(403);
        expect((await health.post(`/api/v1/dossiers/${d.id}/approve`)).statusCode).toBe(403);
      });

      it('has the desk send for signature and the leader sign; the desk cannot approve itself (409 leader_signature_required)', async () => {
        const d = await makeDossier(t.db, { business: await makeBusiness(t.db), state: 'health_confirmed' });
        const self = await desk.post(`/api/v1/dossiers/${d.id}/approve`);
        expect([self.statusCode, self.json().error.code]).toEqual([409, 'leader_signature_required']);
        expect((await leader.post(`/api/v1/dossiers/${d.id}/approve`)).statusCode).toBe(409);
        const sent = (await desk.post(`/api/v1/dossiers/${d.id}/send-for-signature`)).json();
        expect(sent).toMatchObject({ state: 'awaiting_leader', actions: [], approval: 'leader' });
        expect((await leader.get(`/api/v1/dossiers/${d.id}`)).json().actions.sort()).toEqual([
          'approve',
          'return_to_desk',
        ]);
        expect((await desk.post(`/api/v1/dossiers/${d.id}/approve`)).statusCode).toBe(403);
        expect((await health.post(`/api/v1/dossiers/${d.id}/approve`)).statusCode).toBe(403);
        const inbox = (await leader.get('/api/v1/dossiers?state=awaiting_leader&pageSize=200')).json();
        expect(inbox.items.map((x: { id: string }) => x.id)).toContain(d.id);
      });

      it('lets the leader return a dossier to the desk with a reason; the desk sends it again', async () => {
        const d = await makeDossier(t.db, { business: await makeBusiness(t.db), state: 'awaiting_leader' });
        const blank = await leader.post(`/api/v1/dossiers/${d.id}/return-to-desk`, { note: ' ' });
        expect(blank.statusCode).toBe(400);
        const back = (
          await leader.post(`/api/v1/dossiers/${d.id}/return-to-desk`, { note: 'Kiểm tra lại lộ trình 2 người' })
        ).json();
        expect(back).toMatchObject({ state: 'health_confirmed', stateNote: 'Kiểm tra lại lộ trình 2 người' });
        expect(back.events.at(-1)).toMatchObject({ action: 'return_to_desk', actorRole: 'ward_leader' });
        expect((await desk.get(`/api/v1/dossiers/${d.id}`)).json().actions).toContain('send_for_signature');
        expect((await desk.post(`/api/v1/dossiers/${d.id}/send-for-signature`)).json().state).toBe('awaiting_leader');
      });

      it('lets a ward keep the desk’s approval (setting off): no leader step, the desk signs', async () => {
        const b = await makeBusiness(t.db, { wardCode: WARDS.other });
        const d = await makeDossier(t.db, { business: b, state: 'health_confirmed' });
        const otherDesk = await signIn(t.app, await makeUser(t.db, { role: 'ward_officer', wardCode: WARDS.other }));
        const view = (await otherDesk.get(`/api/v1/dossiers/${d.id}`)).json();
        expect(view.approval).toBe('desk');
        expect(view.actions).not.toContain('send_for_signature');
        const res = (await otherDesk.post(`/api/v1/dossiers/${d.id}/approve`)).json();
        expect(res).toMatchObject({ state: 'approved', approvedBy: { name: 'Người dùng thử nghiệm', title: null } });
      });

      it('refuses a submission without the representative’s commitment (422 commitment_required), keeps it with one', async () => {
        const b = await makeBusiness(t.db);
        const agent = await signIn(t.app, await makeBusinessRep(t.db, b));
        const d = await makeDossier(t.db, { business: b, state: 'draft' });
        for (const body of [
          {},
          { commitment: { accepted: false, name: 'Nguyễn Văn A' } },
          { commitment: { accepted: true, name: '  ' } },
        ]) {
          const res = await agent.post(`/api/v1/dossiers/${d.id}/submit`, body);
          expect([res.statusCode, res.json().error.code], JSON.stringify(body)).toEqual([422, 'commitment_required']);
        }
        const state = await t.db
          .selectFrom('dossiers')
          .select('state')
          .where('id', '=', d.id)
          .executeTakeFirstOrThrow();
        expect(state.state).toBe('draft');
        const ok = (
          await agent.post(`/api/v1/dossiers/${d.id}/submit`, { commitment: { accepted: true, name: ' Trần Thị B ' } })
        ).json();
        expect(ok.state).toBe('submitted');
        expect(ok.commitment).toEqual({ name: 'Trần Thị B', text: ok.commitmentText, at: ok.submittedAt });
        expect(ok.commitmentText).toContain('cam kết');
      });

      it('runs the 3-day clock: due at submission + 3 days, overdue after, a new clock on resubmission', async () => {
        const b = await makeBusiness(t.db);
        const agent = await signIn(t.app, await makeBusinessRep(t.db, b));
        const d = await makeDossier(t.db, { business: b, state: 'draft' });
        const submittedAt = t.clock.now();
        const sub = (await agent.post(`/api/v1/dossiers/${d.id}/submit`, { commitment: TEST_COMMITMENT })).json();
        expect(sub.submittedAt).toBe(submittedAt.toISOString());
        expect(sub.dueAt).toBe(new Date(submittedAt.getTime() + 3 * DAY).toISOString());
        expect(sub.overdue).toBe(false);

        t.clock.advance(3 * DAY - 60_000);
        // (Three days later every session has ended: sign in again.)
        desk = await signIn(t.app, await makeUser(t.db, { role: 'ward_officer' }));
        health = await signIn(t.app, await makeUser(t.db, { role: 'health_officer' }));
        const again2 = await signIn(t.app, await makeBusinessRep(t.db, b));
        expect((await desk.get(`/api/v1/dossiers/${d.id}`)).json().overdue).toBe(false);
        t.clock.advance(2 * 60_000);
        expect((await desk.get(`/api/v1/dossiers/${d.id}`)).json()).toMatchObject({
          overdue: true,
          state: 'submitted',
        });
        const overdue = (await desk.get('/api/v1/dossiers?overdue=true&pageSize=200')).json();
        expect(overdue.items.map((x: { id: string }) => x.id)).toContain(d.id);
        expect(overdue.items.every((x: { overdue: boolean }) => x.overdue)).toBe(true);

        // Returned: no longer waiting for the ward, so never overdue; resubmitted: a new deadline.
        await health.post(`/api/v1/dossiers/${d.id}/return`, { note: 'Bổ sung chữ ký' });
        expect((await desk.get(`/api/v1/dossiers/${d.id}`)).json().overdue).toBe(false);
        t.clock.advance(HOUR);
        const again = (await again2.post(`/api/v1/dossiers/${d.id}/submit`, { commitment: TEST_COMMITMENT })).json();
        expect(again.dueAt).toBe(new Date(t.clock.now().getTime() + 3 * DAY).toISOString());
        expect(again.overdue).toBe(false);
      });

      it('takes the deadline from the ward’s settings', async () => {
        await setWardSettings(t.db, { dueDays: 2 }, WARDS.sameDistrict);
        const b = await makeBusiness(t.db, { wardCode: WARDS.sameDistrict });
        const agent = await signIn(t.app, await makeBusinessRep(t.db, b));
        const d = await makeDossier(t.db, { business: b });
        const res = (await agent.post(`/api/v1/dossiers/${d.id}/submit`, { commitment: TEST_COMMITMENT })).json();
        expect(Date.parse(res.dueAt) - Date.parse(res.submittedAt)).toBe(2 * DAY);
      });

      it('orders the inbox by deadline, most urgent first', async () => {
        const list = (await desk.get('/api/v1/dossiers?state=submitted,health_confirmed&pageSize=200')).json();
        const dues = list.items.map((x: { dueAt: string }) => x.dueAt);
        expect(dues).toEqual([...dues].sort());
        expect(list.total).toBe(list.items.length);
      });

      it('approves with the ward’s reference number and the signer, makes the people approved and tells the hook', async () => {
        calls.length = 0;
        const b = await makeBusiness(t.db);
        const d = await makeDossier(t.db, { business: b, state: 'awaiting_leader', staff: 4 });
        const res = (await leader.post(`/api/v1/dossiers/${d.id}/approve`)).json();
        expect(res.referenceNumber).toMatch(/^\d+\/UBND-ĐG$/);
        expect(res.approvedBy).toEqual({ name: 'Lãnh Đạo Phường', title: 'Chủ tịch UBND phường' });
        const staff = await t.db
          .selectFrom('staff_members')
          .select(['id', 'status'])
          .where('dossier_id', '=', d.id)
          .execute();
        expect(staff.map((s) => s.status)).toEqual(['approved', 'approved', 'approved', 'approved']);
        expect(calls).toEqual([
          {
            hook: 'dossierApproved',
            e: expect.objectContaining({
              dossierId: d.id,
              businessId: b.id,
              wardCode: WARDS.own,
              kind: 'initial',
              referenceNumber: res.referenceNumber,
              planFrom: '2021-08-15',
              planTo: '2021-09-30',
              staffIds: expect.arrayContaining(staff.map((s) => s.id)),
            }),
          },
        ]);
        const next = await makeDossier(t.db, { business: await makeBusiness(t.db), state: 'awaiting_leader' });
        const second = (await leader.post(`/api/v1/dossiers/${next.id}/approve`)).json();
        expect(Number(second.referenceNumber.split('/')[0])).toBe(Number(res.referenceNumber.split('/')[0]) + 1);
      });

      it('rolls the approval back when a hook fails', async () => {
        const d = await makeDossier(t.db, { business: await makeBusiness(t.db), state: 'awaiting_leader' });
        control.failNext = true;
        const res = await leader.post(`/api/v1/dossiers/${d.id}/approve`);
        expect(res.statusCode).toBe(500);
        const after = await t.db
          .selectFrom('dossiers')
          .select(['state', 'reference_number', 'approved_by_name'])
          .where('id', '=', d.id)
          .executeTakeFirstOrThrow();
        expect(after).toEqual({ state: 'awaiting_leader', reference_number: null, approved_by_name: null });
        const pending = await t.db
          .selectFrom('staff_members')
          .select('status')
          .where('dossier_id', '=', d.id)
          .execute();
        expect(pending.every((s) => s.status === 'pending')).toBe(true);
      });

      it('suspends and reinstates the business with a reason, telling the hooks', async () => {
        calls.length = 0;
        const b = await makeBusiness(t.db);
        const d = await makeDossier(t.db, { business: b, state: 'approved' });
        const s = await desk.post(`/api/v1/dossiers/${d.id}/suspend`, { note: 'Có ca F0' });
        expect(s.json()).toMatchObject({ state: 'suspended', stateNote: 'Có ca F0' });
        expect((await desk.get(`/api/v1/businesses/${b.id}`)).json()).toMatchObject({
          status: 'suspended',
          statusReason: 'Có ca F0',
        });
        const r = await desk.post(`/api/v1/dossiers/${d.id}/reinstate`, { note: 'Đã khử khuẩn' });
        expect(r.json().state).toBe('approved');
        expect((await desk.get(`/api/v1/businesses/${b.id}`)).json().status).toBe('active');
        expect(calls.map((c) => [c.hook, c.e.reason, c.e.businessId])).toEqual([
          ['businessSuspended', 'Có ca F0', b.id],
          ['businessReinstated', 'Đã khử khuẩn', b.id],
        ]);
      });

      it('refuses a dossier with no plan file or no people (409 dossier_incomplete)', async () => {
        const b = await makeBusiness(t.db);
        const agent = await signIn(t.app, await makeBusinessRep(t.db, b));
        const created = await agent.post('/api/v1/dossiers', { planFrom: '2021-08-16', planTo: '2021-09-15' });
        expect(created.statusCode, created.body).toBe(201);
        expect(created.json()).toMatchObject({
          state: 'draft',
          channel: 'online',
          kind: 'initial',
          actions: ['submit'],
          editable: true,
        });
        const res = await agent.post(`/api/v1/dossiers/${created.json().id}/submit`, { commitment: TEST_COMMITMENT });
        expect([res.statusCode, res.json().error.code]).toEqual([409, 'dossier_incomplete']);
        expect(res.json().error.message).toContain('kế hoạch');
        expect(res.json().error.message).toContain('danh sách người lao động');
      });

      it('keeps one initial dossier per business, and amendments only after approval', async () => {
        const b = await makeBusiness(t.db);
        const agent = await signIn(t.app, await makeBusinessRep(t.db, b));
        const body = { planFrom: '2021-08-16', planTo: '2021-09-15' };
        const amend = await agent.post('/api/v1/dossiers', { kind: 'amendment' });
        expect(amend.json().error.code).toBe('no_approved_dossier');
        expect((await agent.post('/api/v1/dossiers', body)).statusCode).toBe(201);
        expect((await agent.post('/api/v1/dossiers', body)).json().error.code).toBe('dossier_exists');
        const other = await signIn(t.app, await makeBusinessRep(t.db, await makeBusiness(t.db)));
        const bad = await other.post('/api/v1/dossiers', { planFrom: '2021-09-16', planTo: '2021-09-15' });
        expect(bad.statusCode).toBe(400);
      });

      it('lets an amendment take the approved plan period; a pending business may not open dossiers', async () => {
        const b = await makeBusiness(t.db);
        await makeDossier(t.db, { business: b, state: 'approved' });
        const agent = await signIn(t.app, await makeBusinessRep(t.db, b));
        const res = await agent.post('/api/v1/dossiers', { kind: 'amendment' });
        expect(res.json()).toMatchObject({ kind: 'amendment', planFrom: '2021-08-15', planTo: '2021-09-30' });
        const pending = await makeBusiness(t.db, { status: 'pending' });
        const pendingRep = await signIn(t.app, await makeBusinessRep(t.db, pending));
        const refused = await pendingRep.post('/api/v1/dossiers', { planFrom: '2021-08-16', planTo: '2021-09-15' });
        expect([refused.statusCode, refused.json().error.code]).toEqual([409, 'business_not_active']);
      });

      it('locks the contents once submitted (409 dossier_locked)', async () => {
        const b = await makeBusiness(t.db);
        const agent = await signIn(t.app, await makeBusinessRep(t.db, b));
        const d = await makeDossier(t.db, { business: b, state: 'submitted' });
        const res = await agent.patch(`/api/v1/dossiers/${d.id}`, { note: 'sửa' });
        expect([res.statusCode, res.json().error.code]).toEqual([409, 'dossier_locked']);
      });

      it('lets the desk take in a dossier sent by post, and keep it (the business only reads it)', async () => {
        const b = await makeBusiness(t.db);
        const agent = await signIn(t.app, await makeBusinessRep(t.db, b));
        const created = await desk.post('/api/v1/dossiers', {
          businessId: b.id,
          channel: 'post',
          planFrom: '2021-08-16',
          planTo: '2021-09-15',
          note: 'Nhận qua bưu điện ngày 14/8',
        });
        expect(created.json()).toMatchObject({ channel: 'post', editable: true, actions: ['submit'] });
        const id = created.json().id;
        expect((await agent.get(`/api/v1/dossiers/${id}`)).json()).toMatchObject({ editable: false, actions: [] });
        expect((await agent.patch(`/api/v1/dossiers/${id}`, { note: 'x' })).statusCode).toBe(403);
        expect((await agent.post(`/api/v1/dossiers/${id}/submit`, { commitment: TEST_COMMITMENT })).statusCode).toBe(
          403,
        );
        const online = await desk.post('/api/v1/dossiers', {
          businessId: b.id,
          channel: 'online',
          planFrom: '2021-08-16',
          planTo: '2021-09-15',
        });
        expect(online.statusCode).toBe(400);
      });

      it('shows the business its own dossiers only', async () => {
        const list = (await rep.get('/api/v1/dossiers?pageSize=200')).json();
        expect(list.items.every((d: { businessId: string }) => d.businessId === business.id)).toBe(true);
        expect((await rep.get(`/api/v1/dossiers?business=${(await makeBusiness(t.db)).id}`)).statusCode).toBe(403);
      });
    },
    { hooks: recording },
  );
});
