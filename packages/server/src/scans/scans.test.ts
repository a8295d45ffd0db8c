import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { makeTestBusiness } from '../permits/test-support.js';
import { forEachApp, signIn } from '../test/app.js';
import { TEST_CLOCK_START, WARDS } from '../test/constants.js';
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
      expect(first.json()).toMatchObject({ stored: 50, duplicates: 0, refused: 0 });
      expect(first.json().results).toEqual(batch.map((s) => ({ id: s.id, status: 'stored' })));
      const again = await officer.post('/api/v1/scans/batch', { checkpointId: cp.id, scans: batch });
      expect(again.json()).toMatchObject({ stored: 0, duplicates: 50 });
      expect(again.json().results.every((r: { status: string }) => r.status === 'duplicate')).toBe(true);
      const overlap = [...batch.slice(40), ...Array.from({ length: 5 }, () => scan({ verdict: 'revoked' }))];
      const third = await officer.post('/api/v1/scans/batch', { checkpointId: cp.id, scans: overlap });
      expect(third.json()).toMatchObject({ stored: 5, duplicates: 10 });
      expect(third.json().results.map((r: { status: string }) => r.status)).toEqual([
        ...Array(10).fill('duplicate'),
        ...Array(5).fill('stored'),
      ]);
      // The same id twice in one batch counts once: the first is stored, the second its duplicate.
      const dup = scan();
      expect((await officer.post('/api/v1/scans/batch', { checkpointId: cp.id, scans: [dup, dup] })).json()).toEqual({
        stored: 1,
        duplicates: 1,
        refused: 0,
        results: [
          { id: dup.id, status: 'stored' },
          { id: dup.id, status: 'duplicate' },
        ],
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
        { duplicates: 0, refused: 0, stored: 50 },
        { duplicates: 10, refused: 0, stored: 5 },
        { duplicates: 1, refused: 0, stored: 1 },
      ]);
    });

    it('only a checkpoint officer of the checkpoint’s ward; a malformed envelope is a 400 for the whole request', async () => {
      const cp = await makeCheckpoint(t.db, { ownerWardCode: WARDS.own });
      const far = await makeCheckpoint(t.db, { ownerWardCode: WARDS.sameDistrict });
      const officer = await signIn(t.app, await makeUser(t.db, { role: 'checkpoint_officer', wardCode: WARDS.own }));
      expect((await officer.post('/api/v1/scans/batch', { checkpointId: far.id, scans: [scan()] })).statusCode).toBe(
        404,
      );
      const admin = await signIn(t.app, await makeUser(t.db, { role: 'ward_admin', wardCode: WARDS.own }));
      expect((await admin.post('/api/v1/scans/batch', { checkpointId: cp.id, scans: [scan()] })).statusCode).toBe(403);
      const envelopes: Array<[unknown, string]> = [
        [{ checkpointId: cp.id, scans: Array.from({ length: 1001 }, () => scan()) }, 'body.scans'],
        [{ scans: [scan()] }, 'body.checkpointId'],
        [{ checkpointId: cp.id, scans: scan() }, 'body.scans'],
        [{ checkpointId: `${cp.id}\u0000`, scans: [scan()] }, 'body.checkpointId'],
      ];
      for (const [body, path] of envelopes) {
        const res = await officer.post('/api/v1/scans/batch', body);
        expect([res.statusCode, res.json().error.code], JSON.stringify(body).slice(0, 80)).toEqual([
          400,
          'validation_failed',
        ]);
        expect(res.json().error.issues[0].path).toBe(path);
      }
      const offline = scan({ kind: 'manual', verdict: 'manual_not_found', warnings: ['lists_stale'], cti: undefined });
      expect((await officer.post('/api/v1/scans/batch', { checkpointId: cp.id, scans: [offline] })).json().stored).toBe(
        1,
      );
    });

    it('answers per scan: a NUL or a year-9999 scan is refused, the good ones stored; a retry gives duplicates', async () => {
      const cp = await makeCheckpoint(t.db, { ownerWardCode: WARDS.own });
      const officer = await signIn(t.app, await makeUser(t.db, { role: 'checkpoint_officer', wardCode: WARDS.own }));
      const good = [scan(), scan({ verdict: 'cannot_verify', warnings: ['lists_missing'] }), scan()];
      const nul = scan({ serial: '0001/G\u0000ĐĐ' });
      const future = scan({ scannedAt: '9999-12-31T23:59:59.000Z' });
      const batch = [good[0], nul, good[1], future, good[2]];
      const desk = await signIn(t.app, await makeUser(t.db, { role: 'ward_officer', wardCode: WARDS.own }));
      const statsBefore = (await desk.get('/api/v1/stats')).json().sections.scans;
      const first = await officer.post('/api/v1/scans/batch', { checkpointId: cp.id, scans: batch });
      expect(first.statusCode, first.body).toBe(200);
      expect(first.json()).toEqual({
        stored: 3,
        duplicates: 0,
        refused: 2,
        results: [
          { id: good[0]?.id, status: 'stored' },
          {
            id: nul.id,
            status: 'refused',
            code: 'scan_control_characters',
            field: 'serial',
            message: 'Lượt quét có ký tự điều khiển hoặc ký tự không hợp lệ: số giấy.',
          },
          { id: good[1]?.id, status: 'stored' },
          {
            id: future.id,
            status: 'refused',
            code: 'scan_in_future',
            field: 'scannedAt',
            message: 'Thời điểm quét ở tương lai (quá 1 ngày so với giờ máy chủ): kiểm tra đồng hồ của thiết bị.',
          },
          { id: good[2]?.id, status: 'stored' },
        ],
      });
      const retry = await officer.post('/api/v1/scans/batch', { checkpointId: cp.id, scans: batch });
      expect(retry.statusCode).toBe(200);
      expect(retry.json().results.map((r: { status: string; code?: string }) => r.code ?? r.status)).toEqual([
        'duplicate',
        'scan_control_characters',
        'duplicate',
        'scan_in_future',
        'duplicate',
      ]);
      const rows = await t.db
        .selectFrom('scans')
        .select(['id', 'verdict'])
        .where('checkpoint_id', '=', cp.id)
        .execute();
      expect(rows.map((r) => r.id).sort()).toEqual(good.map((g) => g?.id).sort());
      expect(rows.find((r) => r.id === good[1]?.id)?.verdict).toBe('cannot_verify');
      // "Could not verify" is counted apart: neither valid nor invalid.
      const stats = (await desk.get('/api/v1/stats')).json().sections.scans;
      expect({
        today: stats.today - statsBefore.today,
        todayValid: stats.todayValid - statsBefore.todayValid,
        todayNotValid: stats.todayNotValid - statsBefore.todayNotValid,
        todayCannotVerify: stats.todayCannotVerify - statsBefore.todayCannotVerify,
      }).toEqual({ today: 3, todayValid: 2, todayNotValid: 0, todayCannotVerify: 1 });
      // The refusals are in the audit row; the retry that stored nothing new still reports its refusals.
      const audit = await t.db
        .selectFrom('audit_log')
        .select('detail')
        .where('action', '=', 'scan.synced')
        .where('entity_id', '=', cp.id)
        .orderBy('seq')
        .execute();
      expect(audit.map((a) => JSON.parse(a.detail))).toEqual([
        { stored: 3, duplicates: 0, refused: 2 },
        { stored: 0, duplicates: 3, refused: 2 },
      ]);
    });

    it('refuses each kind of bad scan with its own code, whatever else the batch holds', async () => {
      const cp = await makeCheckpoint(t.db, { ownerWardCode: WARDS.own });
      const officer = await signIn(t.app, await makeUser(t.db, { role: 'checkpoint_officer', wardCode: WARDS.own }));
      const day = 24 * 3600_000;
      const at = (ms: number) => new Date(Date.parse(TEST_CLOCK_START) + ms).toISOString();
      const cases: Array<[unknown, string | null]> = [
        [scan({ scannedAt: at(day - 60_000) }), null], // within the day of tolerance
        [scan({ scannedAt: at(day + 60_000) }), 'scan_in_future'],
        [scan({ scannedAt: '2020-12-31T16:59:59Z' }), 'scan_too_old'], // 23:59:59 on 31/12/2020 in Hà Nội
        [scan({ scannedAt: '2020-12-31T17:00:00Z' }), null],
        [scan({ verdict: 'maybe' }), 'scan_unknown_verdict'],
        [scan({ serial: 'x'.repeat(33) }), 'scan_field_too_long'],
        [scan({ idNumber: '1'.repeat(21) }), 'scan_field_too_long'],
        [scan({ unitTaxCode: '0100233488-0011' }), 'scan_field_too_long'],
        [scan({ idNumber: '001190\u001f012345' }), 'scan_control_characters'],
        [scan({ serial: '0001/GĐĐ\u007f' }), 'scan_control_characters'],
        [scan({ serial: '0001/\ud800' }), 'scan_control_characters'],
        [scan({ warnings: ['off_route\n'] }), 'scan_control_characters'],
        [scan({ id: 'not-a-uuid' }), 'scan_invalid'],
        [scan({ cti: 'short' }), 'scan_invalid'],
        [scan({ kind: 'ticket' }), 'scan_invalid'],
        [scan({ warnings: ['weather'] }), 'scan_invalid'],
        ['a string', 'scan_invalid'],
        [null, 'scan_invalid'],
      ];
      const res = await officer.post('/api/v1/scans/batch', { checkpointId: cp.id, scans: cases.map(([s]) => s) });
      expect(res.statusCode, res.body).toBe(200);
      const results = res.json().results as Array<{
        id: string | null;
        status: string;
        code?: string;
        message?: string;
      }>;
      expect(results.map((r) => r.code ?? r.status)).toEqual(cases.map(([, code]) => code ?? 'stored'));
      expect(results.filter((r) => r.status === 'refused').every((r) => r.message && /[ạ-ỹ]/.test(r.message))).toBe(
        true,
      );
      // The id is echoed when it can be: as sent, never a control character.
      expect(results[12]?.id).toBe('not-a-uuid');
      expect(results[16]?.id).toBeNull();
      expect(res.json()).toMatchObject({ stored: 2, duplicates: 0, refused: cases.length - 2 });
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
