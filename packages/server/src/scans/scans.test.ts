import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { makeTestBusiness } from '../permits/test-support.js';
import { forEachApp, signIn } from '../test/app.js';
import { WARDS } from '../test/constants.js';
import { makeCheckpoint, makeUser } from '../test/factories.js';

const scan = (over: Record<string, unknown> = {}) => ({
  id: randomUUID(),
  scannedAt: '2021-08-15T02:30:00.000Z',
  verdict: 'valid',
  warnings: [],
  kind: 'permit',
  cti: 'AAAAAAAAAAAAAAAAAAAAAA',
  serial: '0001/GĐĐ',
  ...over,
});

forEachApp((t) => {
  describe('scan sync (POST /api/v1/scans/batch)', () => {
    it('stores each scan exactly once: the same batch twice, then a partial overlap', async () => {
      const cp = await makeCheckpoint(t.db, { ownerWardCode: WARDS.own });
      const officer = await signIn(t.app, await makeUser(t.db, { role: 'checkpoint_officer', wardCode: WARDS.own }));
      const batch = Array.from({ length: 50 }, (_, i) => scan({ serial: `${String(i + 1).padStart(4, '0')}/GĐĐ` }));
      const first = await officer.post('/api/v1/scans/batch', { checkpointId: cp.id, scans: batch });
      expect(first.statusCode, first.body).toBe(200);
      expect(first.json()).toEqual({ stored: 50, duplicates: 0 });
      const again = await officer.post('/api/v1/scans/batch', { checkpointId: cp.id, scans: batch });
      expect(again.json()).toEqual({ stored: 0, duplicates: 50 });
      const overlap = [...batch.slice(40), ...Array.from({ length: 5 }, () => scan({ verdict: 'revoked' }))];
      const third = await officer.post('/api/v1/scans/batch', { checkpointId: cp.id, scans: overlap });
      expect(third.json()).toEqual({ stored: 5, duplicates: 10 });
      // The same id twice in one batch counts once.
      const dup = scan();
      expect((await officer.post('/api/v1/scans/batch', { checkpointId: cp.id, scans: [dup, dup] })).json()).toEqual({
        stored: 1,
        duplicates: 1,
      });
      const stored = await t.db
        .selectFrom('scans')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('checkpoint_id', '=', cp.id)
        .executeTakeFirstOrThrow();
      expect(Number(stored.n)).toBe(56);
      const audit = await t.db
        .selectFrom('audit_log')
        .select('detail')
        .where('action', '=', 'scan.synced')
        .where('entity_id', '=', cp.id)
        .orderBy('seq')
        .execute();
      expect(audit.map((a) => JSON.parse(a.detail))).toEqual([
        { duplicates: 0, stored: 50 },
        { duplicates: 10, stored: 5 },
        { duplicates: 1, stored: 1 },
      ]);
    });

    it('only a checkpoint officer of the checkpoint’s ward; at most 1,000 scans; every field checked', async () => {
      const cp = await makeCheckpoint(t.db, { ownerWardCode: WARDS.own });
      const far = await makeCheckpoint(t.db, { ownerWardCode: WARDS.sameDistrict });
      const officer = await signIn(t.app, await makeUser(t.db, { role: 'checkpoint_officer', wardCode: WARDS.own }));
      expect((await officer.post('/api/v1/scans/batch', { checkpointId: far.id, scans: [scan()] })).statusCode).toBe(
        404,
      );
      const admin = await signIn(t.app, await makeUser(t.db, { role: 'ward_admin', wardCode: WARDS.own }));
      expect((await admin.post('/api/v1/scans/batch', { checkpointId: cp.id, scans: [scan()] })).statusCode).toBe(403);
      const many = Array.from({ length: 1001 }, () => scan());
      const tooMany = await officer.post('/api/v1/scans/batch', { checkpointId: cp.id, scans: many });
      expect([tooMany.statusCode, tooMany.json().error.code]).toEqual([400, 'validation_failed']);
      const bad = await officer.post('/api/v1/scans/batch', {
        checkpointId: cp.id,
        scans: [scan({ id: 'not-a-uuid' }), scan({ verdict: 'maybe' }), scan({ cti: 'short' })],
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.issues.map((i: { path: string }) => i.path)).toEqual([
        'body.scans.0.id',
        'body.scans.1.verdict',
        'body.scans.2.cti',
      ]);
      const offline = scan({ kind: 'manual', verdict: 'manual_not_found', warnings: ['lists_stale'], cti: undefined });
      expect((await officer.post('/api/v1/scans/batch', { checkpointId: cp.id, scans: [offline] })).json().stored).toBe(
        1,
      );
    });
  });

  describe('the scan log (GET /api/v1/scans)', () => {
    it('lists the ward’s scans newest first, filtered by time, checkpoint, verdict and permit; supervisors by area', async () => {
      const b = await makeTestBusiness(t.db, { staff: 1, wardCode: WARDS.other });
      const permit = (await (await signIn(t.app, b.rep)).post('/api/v1/permits', { staffIds: 'all' })).json().items[0];
      const cp = await makeCheckpoint(t.db, { ownerWardCode: WARDS.other });
      const officer = await signIn(t.app, await makeUser(t.db, { role: 'checkpoint_officer', wardCode: WARDS.other }));
      const scans = [
        scan({ scannedAt: '2021-08-15T01:00:00Z', cti: permit.cti, serial: permit.serial }),
        scan({ scannedAt: '2021-08-15T02:00:00+07:00', verdict: 'expired', serial: '0007/KHAC' }),
        scan({ scannedAt: '2021-08-15T03:00:00Z', cti: permit.cti, serial: permit.serial, verdict: 'revoked' }),
      ];
      await officer.post('/api/v1/scans/batch', { checkpointId: cp.id, scans });
      const ward = await signIn(t.app, await makeUser(t.db, { role: 'ward_officer', wardCode: WARDS.other }));
      const all = (await ward.get('/api/v1/scans')).json();
      expect(all.total).toBe(3);
      expect(all.items.map((s: { scannedAt: string }) => s.scannedAt)).toEqual([
        '2021-08-15T03:00:00.000Z',
        '2021-08-15T01:00:00.000Z',
        '2021-08-14T19:00:00.000Z',
      ]);
      expect(all.items[0]).toMatchObject({ checkpointName: cp.name, permit: { id: permit.id, holder: permit.holder } });
      const byPermit = (await ward.get(`/api/v1/scans?permit=${permit.id}`)).json();
      expect(byPermit.total).toBe(2);
      expect((await ward.get(`/api/v1/scans?permit=${encodeURIComponent(permit.serial)}`)).json().total).toBe(2);
      expect((await ward.get('/api/v1/scans?verdict=expired')).json().total).toBe(1);
      expect((await ward.get('/api/v1/scans?from=2021-08-15T00:00:00Z&to=2021-08-15T02:00:00Z')).json().total).toBe(1);
      expect((await ward.get(`/api/v1/scans?checkpointId=${cp.id}&pageSize=1&page=2`)).json().items).toHaveLength(1);
      // Đức Giang's staff see none of Phúc Xá's scans; Long Biên's supervisor neither; the city's all.
      const own = await signIn(t.app, await makeUser(t.db, { role: 'ward_officer', wardCode: WARDS.own }));
      expect((await own.get(`/api/v1/scans?ward=${WARDS.other}`)).statusCode).toBe(403);
      expect((await own.get(`/api/v1/scans?checkpointId=${cp.id}`)).statusCode).toBe(404);
      const lb = await signIn(t.app, await makeUser(t.db, { role: 'supervisor', districtCode: '004' }));
      expect(
        (await lb.get('/api/v1/scans')).json().items.some((s: { checkpointId: string }) => s.checkpointId === cp.id),
      ).toBe(false);
      const city = await signIn(t.app, await makeUser(t.db, { role: 'supervisor', provinceCode: '01' }));
      expect((await city.get(`/api/v1/scans?ward=${WARDS.other}`)).json().total).toBe(3);
    });
  });

  describe('searching and exporting the scan log', () => {
    it('finds a person’s and a unit’s scans, and exports them with formula-safe cells, audited', async () => {
      const cp = await makeCheckpoint(t.db, { ownerWardCode: WARDS.own });
      const officer = await signIn(t.app, await makeUser(t.db, { role: 'checkpoint_officer', wardCode: WARDS.own }));
      const scans = [
        scan({ scannedAt: '2021-08-15T01:00:00Z', idNumber: '001090000123', unitTaxCode: '0100233488' }),
        scan({ scannedAt: '2021-08-15T01:10:00Z', idNumber: '001090000123', unitTaxCode: '0100233488' }),
        scan({ scannedAt: '2021-08-15T01:20:00Z', idNumber: '001090000456', unitTaxCode: '0100233488' }),
        scan({
          scannedAt: '2021-08-15T01:30:00Z',
          serial: '=HYPERLINK("x","Bấm")',
          verdict: 'bad_signature',
        }),
      ];
      await officer.post('/api/v1/scans/batch', { checkpointId: cp.id, scans });
      const ward = await signIn(t.app, await makeUser(t.db, { role: 'ward_officer', wardCode: WARDS.own }));
      expect((await ward.get('/api/v1/scans?idNumber=001090000123')).json().total).toBe(2);
      expect((await ward.get('/api/v1/scans?unit=0100233488')).json().total).toBe(3);
      expect((await ward.get('/api/v1/scans?unit=0100233488&idNumber=001090000456')).json().total).toBe(1);
      const res = await ward.get(`/api/v1/scans/export?checkpointId=${cp.id}`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-disposition']).toContain('.xlsx');
      const { default: ExcelJS } = await import('exceljs');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const ws = wb.worksheets[0]!;
      expect(ws.rowCount).toBe(5);
      const first = ws.getRow(2);
      expect(first.getCell(1).value).toBe('15/08/2021 08:30');
      expect(first.getCell(3).value).toBe('GIẢ MẠO');
      // A serial that is a formula stays text, quoted: no cell of the sheet holds a formula.
      expect(first.getCell(6).value).toBe(`'=HYPERLINK("x","Bấm")`);
      ws.eachRow((row) => row.eachCell((cell) => expect(cell.formula).toBeUndefined()));
      const log = await t.db
        .selectFrom('audit_log')
        .select('detail')
        .where('action', '=', 'scan_log.exported')
        .execute();
      expect(log.map((l) => JSON.parse(l.detail))).toEqual([{ checkpointId: cp.id }]);
    });
  });

  describe('the checkpoint area list', () => {
    it('lists the ward’s approved and suspended units with their people and valid serials; ETag, 304', async () => {
      const ward = WARDS.sameDistrict;
      const b = await makeTestBusiness(t.db, { staff: 2, wardCode: ward });
      const rep = await signIn(t.app, b.rep);
      const issued = (await rep.post('/api/v1/permits', { staffIds: [b.staffIds[0]] })).json().items[0];
      await makeTestBusiness(t.db, { staff: 1, wardCode: ward, state: 'submitted' }); // not approved: absent
      const suspended = await makeTestBusiness(t.db, { staff: 1, wardCode: ward, state: 'suspended' });
      const cp = await makeCheckpoint(t.db, { ownerWardCode: ward });
      const officer = await signIn(t.app, await makeUser(t.db, { role: 'checkpoint_officer', wardCode: ward }));
      const res = await officer.get(`/api/v1/checkpoints/${cp.id}/area-list`);
      expect(res.statusCode, res.body).toBe(200);
      const list = res.json();
      expect(Object.keys(list)).toEqual(['version', 'generatedAt', 'wardCode', 'units']);
      const unit = list.units.find((u: { taxCode: string }) => u.taxCode === b.business.tax_code);
      expect(unit).toMatchObject({ name: b.business.name, status: 'approved' });
      expect(unit.staff).toHaveLength(2);
      const holder = unit.staff.find((s: { idNumber: string }) => s.idNumber === issued.idNumber);
      expect(holder).toEqual({ idNumber: issued.idNumber, fullName: issued.holder, serials: [issued.serial] });
      const off = list.units.find((u: { taxCode: string }) => u.taxCode === suspended.business.tax_code);
      expect(off).toMatchObject({ status: 'suspended', staff: [{ serials: [] }] });
      expect(list.units).toHaveLength(2);

      const etag = res.headers.etag as string;
      expect(etag).toBe(`"${list.version}"`);
      const same = await officer.request({
        method: 'GET',
        url: `/api/v1/checkpoints/${cp.id}/area-list`,
        headers: { 'if-none-match': etag },
      });
      expect(same.statusCode).toBe(304);
      await rep.post(`/api/v1/permits/${issued.id}/revoke`, { reason: 'x' });
      const changed = await officer.request({
        method: 'GET',
        url: `/api/v1/checkpoints/${cp.id}/area-list`,
        headers: { 'if-none-match': etag },
      });
      expect(changed.statusCode).toBe(200);
      expect(changed.json().version).not.toBe(list.version);

      // Personal data: no supervisor, no business, no other ward.
      const sup = await signIn(t.app, await makeUser(t.db, { role: 'supervisor', districtCode: '004' }));
      expect((await sup.get(`/api/v1/checkpoints/${cp.id}/area-list`)).statusCode).toBe(403);
      expect((await rep.get(`/api/v1/checkpoints/${cp.id}/area-list`)).statusCode).toBe(403);
      const own = await signIn(t.app, await makeUser(t.db, { role: 'checkpoint_officer', wardCode: WARDS.own }));
      expect((await own.get(`/api/v1/checkpoints/${cp.id}/area-list`)).statusCode).toBe(404);
    });
  });
});
