import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeTestBusiness, type TestBusiness } from '../../permits/test-support.js';
import { type Agent, forEachApp, signIn } from '../../test/app.js';
import { TEST_CLOCK_START, WARDS } from '../../test/constants.js';
import { makeCheckpoint, makeUser } from '../../test/factories.js';

interface Permit {
  id: string;
  cti: string;
  serial: string;
  idNumber: string;
}

forEachApp((t) => {
  describe('inspection cases (hồ sơ hậu kiểm)', () => {
    let desk: Agent;
    let admin: Agent;
    let unit: TestBusiness;
    let permits: Permit[];
    let otherKey: string;
    const keys: Record<string, string> = {};
    const period = () =>
      `from=${encodeURIComponent(new Date(Date.parse(TEST_CLOCK_START) - 3_600_000).toISOString())}&to=${encodeURIComponent(t.clock.now().toISOString())}`;

    beforeAll(async () => {
      unit = await makeTestBusiness(t.db, { staff: 3, wardCode: WARDS.own });
      permits = (await (await signIn(t.app, unit.rep)).post('/api/v1/permits', { staffIds: 'all' })).json().items;
      const neighbour = await makeTestBusiness(t.db, { staff: 1, wardCode: WARDS.own });
      const theirs: Permit = (
        await (await signIn(t.app, neighbour.rep)).post('/api/v1/permits', { staffIds: 'all' })
      ).json().items[0];
      const cp = await makeCheckpoint(t.db, { ownerWardCode: WARDS.own });
      const officer = await signIn(t.app, await makeUser(t.db, { role: 'checkpoint_officer', wardCode: WARDS.own }));
      const scanOf = (p: Permit, taxCode: string, over: Record<string, unknown>) => ({
        id: randomUUID(),
        scannedAt: new Date(Date.parse(TEST_CLOCK_START) + 60_000).toISOString(),
        verdict: 'valid',
        warnings: [],
        kind: 'permit',
        cti: p.cti,
        serial: p.serial,
        idNumber: p.idNumber,
        unitTaxCode: taxCode,
        ...over,
      });
      const scans = [
        scanOf(permits[0]!, unit.business.tax_code, { verdict: 'revoked' }),
        scanOf(permits[1]!, unit.business.tax_code, { warnings: ['off_route'] }),
        scanOf(theirs, neighbour.business.tax_code, { verdict: 'expired' }),
      ];
      await officer.post('/api/v1/scans/batch', { checkpointId: cp.id, scans });
      keys.revoked = `revoked_presented:${scans[0]!.id}`;
      keys.offRoute = `off_route:${scans[1]!.id}`;
      otherKey = `expired_presented:${scans[2]!.id}`;
      t.clock.advance(3_600_000);
      desk = await signIn(t.app, await makeUser(t.db, { role: 'ward_officer', wardCode: WARDS.own }));
      admin = await signIn(t.app, await makeUser(t.db, { role: 'ward_admin', wardCode: WARDS.own }));
      const listed = (await desk.get(`/api/v1/inspection/anomalies?${period()}`)).json();
      expect(listed.items.map((f: { key: string }) => f.key)).toEqual(expect.arrayContaining(Object.values(keys)));
    });

    let caseId = '';

    it('opens a case on a unit with a finding and a note, kept as found; one open case per unit', async () => {
      const r = await desk.post('/api/v1/inspection/cases', {
        businessId: unit.business.id,
        note: 'Làm việc với đơn vị ngày 16/08/2021',
        findingKeys: [keys.revoked],
      });
      expect(r.statusCode, r.body).toBe(201);
      const c = r.json();
      caseId = c.id;
      expect(c).toMatchObject({
        state: 'open',
        outcome: null,
        title: `Hậu kiểm ${unit.business.name}`,
        business: { id: unit.business.id, taxCode: unit.business.tax_code, status: 'active' },
        findingCount: 1,
      });
      expect(c.entries.map((e: { kind: string }) => e.kind)).toEqual(['opened', 'finding']);
      expect(c.entries[0].note).toBe('Làm việc với đơn vị ngày 16/08/2021');
      expect(c.entries[1].finding).toMatchObject({
        key: keys.revoked,
        kind: 'revoked_presented',
        permit: { id: permits[0]!.id },
        explanation: expect.stringContaining('ĐÃ BỊ THU HỒI'),
      });
      const again = await admin.post('/api/v1/inspection/cases', { businessId: unit.business.id });
      expect([again.statusCode, again.json().error.code]).toEqual([409, 'inspection_case_open']);
    });

    it('attaches only real findings of the case’s unit: unknown or foreign keys are 422 and nothing is kept', async () => {
      const bogus = await desk.post(`/api/v1/inspection/cases/${caseId}/findings`, {
        findingKeys: [keys.offRoute, `forged:${randomUUID()}`],
      });
      expect([bogus.statusCode, bogus.json().error.code, bogus.json().error.issues[0].path]).toEqual([
        422,
        'finding_not_found',
        'body.findingKeys.1',
      ]);
      const foreign = await desk.post(`/api/v1/inspection/cases/${caseId}/findings`, { findingKeys: [otherKey] });
      expect([foreign.statusCode, foreign.json().error.code]).toEqual([422, 'finding_other_unit']);
      expect((await desk.get(`/api/v1/inspection/cases/${caseId}`)).json().findingCount).toBe(1);
      const ok = await admin.post(`/api/v1/inspection/cases/${caseId}/findings`, {
        findingKeys: [keys.offRoute, keys.revoked],
      });
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.json().findingCount).toBe(2);
      const note = await admin.post(`/api/v1/inspection/cases/${caseId}/notes`, {
        note: 'Đơn vị giải trình: người lao động đi đường tránh do ngập.',
      });
      expect(note.json().entries.map((e: { kind: string }) => e.kind)).toEqual([
        'opened',
        'finding',
        'finding',
        'note',
      ]);
      expect(note.json().entries.map((e: { seq: number }) => e.seq)).toEqual([1, 2, 3, 4]);
    });

    it('suspends the unit through the workflow: permits revoked, dossier suspended, the business told; the case closed', async () => {
      expect((await admin.post(`/api/v1/inspection/cases/${caseId}/suspend`, { note: 'x' })).statusCode).toBe(403);
      const empty = await desk.post(`/api/v1/inspection/cases/${caseId}/suspend`, { note: ' ' });
      expect([empty.statusCode, empty.json().error.issues[0].path]).toEqual([400, 'body.note']);
      const sent = t.mailer.sent.length;
      const reason = 'Hậu kiểm: đơn vị để người lao động dùng giấy đã bị thu hồi.';
      const r = await desk.post(`/api/v1/inspection/cases/${caseId}/suspend`, { note: reason });
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json()).toMatchObject({ state: 'closed', outcome: 'unit_suspended', business: { status: 'suspended' } });
      expect(r.json().entries.at(-1)).toMatchObject({ kind: 'unit_suspended', note: reason });
      const permitStates = await t.db
        .selectFrom('permits')
        .select('status')
        .where('business_id', '=', unit.business.id)
        .execute();
      expect(permitStates.map((p) => p.status)).toEqual(['revoked', 'revoked', 'revoked']);
      const dossier = await t.db
        .selectFrom('dossiers')
        .select('state')
        .where('id', '=', unit.dossier.id)
        .executeTakeFirstOrThrow();
      expect(dossier.state).toBe('suspended');
      const log = await t.db
        .selectFrom('audit_log')
        .select('action')
        .where('action', 'in', ['dossier.suspended', 'business.suspended', 'inspection_case.unit_suspended'])
        .orderBy('seq')
        .execute();
      expect(log.map((l) => l.action)).toEqual([
        'dossier.suspended',
        'business.suspended',
        'inspection_case.unit_suspended',
      ]);
      expect(t.mailer.sent.length).toBeGreaterThan(sent);
      const closed = await desk.post(`/api/v1/inspection/cases/${caseId}/notes`, { note: 'Thêm' });
      expect([closed.statusCode, closed.json().error.code]).toEqual([409, 'inspection_case_closed']);
    });

    it('closes a case without action, audited; lists by state; scoped by ward', async () => {
      const b = await makeTestBusiness(t.db, { staff: 1, wardCode: WARDS.own });
      const opened = (
        await admin.post('/api/v1/inspection/cases', { businessId: b.business.id, title: 'Kiểm tra định kỳ' })
      ).json();
      const r = await admin.post(`/api/v1/inspection/cases/${opened.id}/close`, { note: 'Không phát hiện vi phạm.' });
      expect(r.json()).toMatchObject({ state: 'closed', outcome: 'no_action', title: 'Kiểm tra định kỳ' });
      const actions = await t.db
        .selectFrom('audit_log')
        .select('action')
        .where('entity_id', '=', opened.id)
        .orderBy('seq')
        .execute();
      expect(actions.map((a) => a.action)).toEqual(['inspection_case.opened', 'inspection_case.closed']);
      const all = (await desk.get('/api/v1/inspection/cases')).json();
      expect(all.total).toBe(2);
      expect((await desk.get('/api/v1/inspection/cases?state=open')).json().total).toBe(0);
      const health = await signIn(t.app, await makeUser(t.db, { role: 'health_officer', wardCode: WARDS.own }));
      expect((await health.get(`/api/v1/inspection/cases/${caseId}`)).statusCode).toBe(200);
      expect((await health.post('/api/v1/inspection/cases', { businessId: b.business.id })).statusCode).toBe(403);
      const elsewhere = await signIn(
        t.app,
        await makeUser(t.db, { role: 'ward_officer', wardCode: WARDS.sameDistrict }),
      );
      expect((await elsewhere.get(`/api/v1/inspection/cases/${caseId}`)).statusCode).toBe(404);
      expect((await elsewhere.post('/api/v1/inspection/cases', { businessId: b.business.id })).statusCode).toBe(404);
      expect((await elsewhere.get('/api/v1/inspection/cases')).json().total).toBe(0);
      const district = await signIn(t.app, await makeUser(t.db, { role: 'supervisor', districtCode: '004' }));
      expect((await district.get(`/api/v1/inspection/cases?ward=${WARDS.own}`)).json().total).toBe(2);
    });
  });
});
