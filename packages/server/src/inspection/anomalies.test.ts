import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CheckpointRecord } from '../checkpoints/checkpoint-query.js';
import { makeTestBusiness } from '../permits/test-support.js';
import { insertScanRows } from '../scans/store-scans.js';
import { type Agent, forEachApp, signIn } from '../test/app.js';
import { TEST_CLOCK_START, WARDS } from '../test/constants.js';
import { makeCheckpoint, makeUser } from '../test/factories.js';
import { rebuildScanFacts } from './scan-facts.js';

interface Permit {
  id: string;
  cti: string;
  serial: string;
  holder: string;
  idNumber: string;
}

const at = (minutes: number) => new Date(Date.parse(TEST_CLOCK_START) + minutes * 60_000).toISOString();
const HOUR = 60;

forEachApp((t) => {
  describe('post-inspection findings (GET /api/v1/inspection/anomalies)', () => {
    let ward: Agent;
    let permits: Permit[];
    let other: Permit[];
    let taxCode: string;
    let otherTaxCode: string;
    let cpA: CheckpointRecord;
    let cpB: CheckpointRecord;
    let cpC: CheckpointRecord;
    const ids: Record<string, string> = {};

    const scan = (name: string, minutes: number, p: Permit | null, over: Record<string, unknown> = {}) => {
      const id = randomUUID();
      ids[name] = id;
      return {
        id,
        scannedAt: at(minutes),
        verdict: 'valid',
        warnings: [],
        kind: 'permit',
        ...(p ? { cti: p.cti, serial: p.serial, idNumber: p.idNumber, unitTaxCode: taxCode } : {}),
        ...over,
      };
    };

    beforeAll(async () => {
      const b = await makeTestBusiness(t.db, { staff: 12, wardCode: WARDS.own });
      const rep = await signIn(t.app, b.rep);
      permits = (await rep.post('/api/v1/permits', { staffIds: 'all' })).json().items;
      taxCode = b.business.tax_code;
      const b2 = await makeTestBusiness(t.db, { staff: 2, wardCode: WARDS.own });
      other = (await (await signIn(t.app, b2.rep)).post('/api/v1/permits', { staffIds: 'all' })).json().items;
      otherTaxCode = b2.business.tax_code;
      cpA = await makeCheckpoint(t.db, { ownerWardCode: WARDS.own, name: 'Chốt A' });
      cpB = await makeCheckpoint(t.db, { ownerWardCode: WARDS.own, name: 'Chốt B' });
      cpC = await makeCheckpoint(t.db, { ownerWardCode: WARDS.own, name: 'Chốt C' });
      await t.db
        .updateTable('checkpoints')
        .set({ latitude: 21.0772, longitude: 105.8993 })
        .where('id', '=', cpA.id)
        .execute();
      await t.db
        .updateTable('checkpoints')
        .set({ latitude: 21.0596, longitude: 105.8949 })
        .where('id', '=', cpB.id)
        .execute();
      // Revoked an hour in; a device with an old list still says valid afterwards.
      t.clock.advance(HOUR * 60_000);
      await rep.post(`/api/v1/permits/${permits[1]!.id}/revoke`, { reason: 'Người lao động nghỉ việc' });
      t.clock.advance(3 * 24 * HOUR * 60_000);

      const officer = await signIn(t.app, await makeUser(t.db, { role: 'checkpoint_officer', wardCode: WARDS.own }));
      const p = permits;
      const onA = [
        scan('revoked', 2 * HOUR, p[0]!, { verdict: 'revoked' }),
        scan('stale', 3 * HOUR, p[1]!),
        scan('expired', 4 * HOUR, p[2]!, { verdict: 'expired' }),
        scan('badSignature', 5 * HOUR, null, {
          verdict: 'bad_signature',
          serial: '0099/GĐĐ',
          idNumber: '001090000099',
        }),
        scan('unknownKey', 6 * HOUR, null, { verdict: 'unknown_key', kind: 'other' }),
        scan('offRoute', 7 * HOUR, p[3]!, { warnings: ['off_route'] }),
        scan('offSchedule', 8 * HOUR, p[4]!, { warnings: ['outside_schedule'] }),
        scan('both', 9 * HOUR, p[5]!, { warnings: ['off_route', 'outside_schedule', 'lists_stale'] }),
        scan('identity', 10 * HOUR, p[6]!, { warnings: ['identity_mismatch'] }),
        scan('copyA', 11 * HOUR, p[7]!),
        scan('slowA', 12 * HOUR, p[8]!),
        scan('noCoordsA', 13 * HOUR, p[9]!),
        ...Array.from({ length: 10 }, (_, i) =>
          scan(`unit${i}`, 14 * HOUR + i, other[i % 2]!, {
            unitTaxCode: otherTaxCode,
            verdict: i < 3 ? 'not_yet_valid' : 'valid',
          }),
        ),
      ];
      const onB = [scan('copyB', 11 * HOUR + 0.5, p[7]!), scan('slowB', 12 * HOUR + 30, p[8]!)];
      const onC = [scan('noCoordsC', 13 * HOUR + 0.2, p[9]!)];
      for (const [cp, scans] of [
        [cpA, onA],
        [cpB, onB],
        [cpC, onC],
      ] as const) {
        const r = await officer.post('/api/v1/scans/batch', { checkpointId: cp.id, scans });
        expect(r.statusCode, r.body).toBe(200);
      }
      // Another engineer's verdict: the checkpoint had no trust list. Not a forgery.
      await t.db.transaction().execute((tx) =>
        insertScanRows(tx, [
          {
            id: randomUUID(),
            checkpoint_id: cpA.id,
            ward_code: WARDS.own,
            district_code: '004',
            province_code: '01',
            officer_id: null,
            scanned_at: at(15 * HOUR),
            received_at: at(15 * HOUR),
            verdict: 'cannot_verify',
            warnings: '[]',
            kind: 'permit',
            cti: null,
            serial: null,
            id_number: null,
            unit_tax_code: taxCode,
          },
        ]),
      );
      ward = await signIn(t.app, await makeUser(t.db, { role: 'ward_officer', wardCode: WARDS.own }));
    });

    const period = `from=${encodeURIComponent(at(-60))}&to=${encodeURIComponent(at(4 * 24 * HOUR))}`;
    const list = async (agent: Agent, extra = '') => {
      const size = extra.includes('pageSize') ? '' : '&pageSize=200';
      const r = await agent.get(`/api/v1/inspection/anomalies?${period}${size}${extra}`);
      expect(r.statusCode, r.body).toBe(200);
      return r.json();
    };
    const keyOf = (kind: string, name: string) => `${kind}:${ids[name]}`;

    it('finds every kind, each with its rows and a Vietnamese explanation', async () => {
      const body = await list(ward);
      expect(body.counts).toEqual({
        revoked_presented: 2,
        expired_presented: 1,
        forged: 2,
        off_route: 2,
        off_schedule: 2,
        copy_suspected: 1,
        identity_mismatch: 1,
        never_scanned: 1,
        unit_high_failure: 1,
      });
      const byKey = new Map(body.items.map((f: { key: string }) => [f.key, f]));
      expect(byKey.get(keyOf('revoked_presented', 'revoked'))).toMatchObject({
        permit: { id: permits[0]!.id, serial: permits[0]!.serial },
        person: { name: permits[0]!.holder, idNumber: permits[0]!.idNumber },
        checkpoints: [{ id: cpA.id, name: 'Chốt A' }],
        explanation: expect.stringContaining('ĐÃ BỊ THU HỒI'),
      });
      expect(byKey.get(keyOf('revoked_presented', 'stale'))).toMatchObject({
        explanation: expect.stringMatching(
          /Người lao động nghỉ việc.*báo HỢP LỆ vì danh sách thu hồi trên thiết bị đã cũ/,
        ),
      });
      expect(byKey.get(keyOf('forged', 'badSignature'))).toMatchObject({
        permit: null,
        person: { name: null, idNumber: '001090000099' },
        explanation: expect.stringContaining('GIẢ MẠO'),
      });
      expect(byKey.get(keyOf('forged', 'unknownKey'))).toMatchObject({
        explanation: expect.stringContaining('KHÔNG RÕ NƠI CẤP'),
      });
      expect(byKey.get(keyOf('off_route', 'both'))).toBeDefined();
      expect(byKey.get(keyOf('off_schedule', 'both'))).toBeDefined();
      const copy = byKey.get(`copy_suspected:${ids.copyA}:${ids.copyB}`) as {
        explanation: string;
        checkpoints: unknown[];
        scans: unknown[];
      };
      expect(copy.checkpoints).toEqual([
        { id: cpA.id, name: 'Chốt A' },
        { id: cpB.id, name: 'Chốt B' },
      ]);
      expect(copy.scans).toHaveLength(2);
      expect(copy.explanation).toMatch(/cách nhau 2 km mà hai lượt quét chỉ cách nhau 30 giây/);
      const never = body.items.find((f: { kind: string }) => f.kind === 'never_scanned');
      // Twelve permits, ten of them scanned.
      expect(never.unit.taxCode).toBe(taxCode);
      expect(never.count).toBe(2);
      expect(never.permits.map((p: { id: string }) => p.id).sort()).toEqual([permits[10]!.id, permits[11]!.id].sort());
      const unit = body.items.find((f: { kind: string }) => f.kind === 'unit_high_failure');
      expect(unit).toMatchObject({ unit: { taxCode: otherTaxCode }, count: 3, total: 10 });
      expect(unit.explanation).toContain('3 trong 10 lượt quét');
      // Newest first.
      const times = body.items.map((f: { at: string }) => f.at);
      expect(times).toEqual([...times].sort().reverse());
    });

    it('does not count a scan the checkpoint could not verify as a forgery, nor a plausible journey as a copy', async () => {
      const forged = (await list(ward, '&kind=forged')).items;
      expect(forged.map((f: { key: string }) => f.key).sort()).toEqual(
        [keyOf('forged', 'badSignature'), keyOf('forged', 'unknownKey')].sort(),
      );
      const copies = (await list(ward, '&kind=copy_suspected')).items;
      expect(copies.map((f: { key: string }) => f.key)).toEqual([`copy_suspected:${ids.copyA}:${ids.copyB}`]);
    });

    it('filters by kinds and pages; a higher threshold drops the unit', async () => {
      const two = await list(ward, '&kind=forged,identity_mismatch');
      expect(two.total).toBe(3);
      expect(new Set(two.items.map((f: { kind: string }) => f.kind))).toEqual(new Set(['forged', 'identity_mismatch']));
      const page = await list(ward, '&pageSize=5&page=3');
      expect(page.items.length).toBeGreaterThan(0);
      expect(page.total).toBe(13);
      const lenient = await list(ward, '&threshold=40');
      expect(lenient.counts.unit_high_failure).toBe(0);
    });

    it('is scoped: another ward’s staff see nothing, the district supervisor sees it all, names outside → 403', async () => {
      const elsewhere = await signIn(t.app, await makeUser(t.db, { role: 'ward_admin', wardCode: WARDS.sameDistrict }));
      expect((await list(elsewhere)).total).toBe(0);
      expect((await elsewhere.get(`/api/v1/inspection/anomalies?ward=${WARDS.own}`)).statusCode).toBe(403);
      const district = await signIn(t.app, await makeUser(t.db, { role: 'supervisor', districtCode: '004' }));
      expect((await list(district)).total).toBe(13);
      expect((await list(district, `&ward=${WARDS.own}`)).total).toBe(13);
      const city = await signIn(t.app, await makeUser(t.db, { role: 'supervisor', provinceCode: '01' }));
      expect((await list(city)).total).toBe(13);
      const ba = await signIn(t.app, await makeUser(t.db, { role: 'supervisor', districtCode: '001' }));
      expect((await ba.get(`/api/v1/inspection/anomalies?district=004`)).statusCode).toBe(403);
    });

    it('refuses a reversed or too long period with the field', async () => {
      const reversed = await ward.get(`/api/v1/inspection/anomalies?from=${at(10)}&to=${at(0)}`);
      expect([reversed.statusCode, reversed.json().error.issues[0].path]).toEqual([400, 'query.to']);
      const long = await ward.get(`/api/v1/inspection/anomalies?from=2021-01-01T00:00:00Z&to=2021-08-01T00:00:00Z`);
      expect([long.statusCode, long.json().error.issues[0].code]).toEqual([400, 'period_too_long']);
      const badKind = await ward.get('/api/v1/inspection/anomalies?kind=forged,nonsense');
      expect(badKind.statusCode).toBe(400);
    });

    it('keeps the derived facts equal to a rebuild from the scan log', async () => {
      const snapshot = async () => ({
        hours: await t.db
          .selectFrom('scan_hourly_counts')
          .selectAll()
          .orderBy('ward_code')
          .orderBy('hour')
          .orderBy('verdict')
          .execute(),
        pairs: await t.db
          .selectFrom('scan_close_pairs')
          .selectAll()
          .orderBy('first_scan_id')
          .orderBy('second_scan_id')
          .execute(),
      });
      const incremental = await snapshot();
      expect(incremental.hours.reduce((n, r) => n + Number(r.n), 0)).toBe(
        Number(
          (
            await t.db
              .selectFrom('scans')
              .select((eb) => eb.fn.countAll().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        ),
      );
      await rebuildScanFacts(t.db);
      const rebuilt = await snapshot();
      expect(rebuilt.hours.map((h) => ({ ...h, n: Number(h.n) }))).toEqual(
        incremental.hours.map((h) => ({ ...h, n: Number(h.n) })),
      );
      expect(rebuilt.pairs).toEqual(incremental.pairs);
    });

    it('exports the findings as a spreadsheet, audited', async () => {
      const r = await ward.request({
        method: 'GET',
        url: `/api/v1/inspection/anomalies/export?${period}&kind=forged`,
      });
      expect(r.statusCode).toBe(200);
      expect(r.headers['content-type']).toContain('spreadsheetml');
      const { default: ExcelJS } = await import('exceljs');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
      const ws = wb.worksheets[0]!;
      expect(ws.getRow(1).getCell(1).value).toBe('Loại phát hiện');
      expect(ws.rowCount).toBe(3);
      expect(ws.getRow(2).getCell(1).value).toBe('Giấy giả mạo hoặc không rõ nơi cấp');
      const log = await t.db
        .selectFrom('audit_log')
        .select(['action', 'detail'])
        .where('action', '=', 'inspection_findings.exported')
        .execute();
      expect(log).toHaveLength(1);
      expect(JSON.parse(log[0]!.detail)).toMatchObject({ count: 2, kinds: ['forged'], wardCode: WARDS.own });
    });
  });
});
