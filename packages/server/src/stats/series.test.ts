import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeTestBusiness } from '../permits/test-support.js';
import { type Agent, forEachApp, signIn } from '../test/app.js';
import { WARDS } from '../test/constants.js';
import { makeCheckpoint, makeDossier, makeUser } from '../test/factories.js';
import { alignPeriod } from '../workflow/stats/series.js';

describe('alignPeriod', () => {
  it('widens a period to whole Việt Nam days (17:00 UTC) or whole hours', () => {
    expect(alignPeriod('2021-08-15T01:30:00.000Z', '2021-08-16T01:00:00.000Z', 'day')).toMatchObject({
      from: '2021-08-14T17:00:00.000Z',
      to: '2021-08-16T17:00:00.000Z',
    });
    const hours = alignPeriod('2021-08-15T01:30:00.000Z', '2021-08-15T04:00:00.000Z', 'hour');
    expect(hours.starts.map((t) => new Date(t).toISOString())).toEqual([
      '2021-08-15T01:00:00.000Z',
      '2021-08-15T02:00:00.000Z',
      '2021-08-15T03:00:00.000Z',
    ]);
  });
});

forEachApp((t) => {
  describe('the live picture (GET /api/v1/stats/series)', () => {
    let ward: Agent;
    let district: Agent;
    const scan = (scannedAt: string, verdict = 'valid') => ({
      id: randomUUID(),
      scannedAt,
      verdict,
      warnings: [],
      kind: 'permit',
    });

    beforeAll(async () => {
      const own = await makeCheckpoint(t.db, { ownerWardCode: WARDS.own });
      const near = await makeCheckpoint(t.db, { ownerWardCode: WARDS.sameDistrict });
      const ownOfficer = await signIn(t.app, await makeUser(t.db, { role: 'checkpoint_officer', wardCode: WARDS.own }));
      const nearOfficer = await signIn(
        t.app,
        await makeUser(t.db, { role: 'checkpoint_officer', wardCode: WARDS.sameDistrict }),
      );
      // 14/08 VN: 23:30 → one scan; 15/08 VN: 01:00, 08:10, 08:20 (revoked), 08:50.
      await ownOfficer.post('/api/v1/scans/batch', {
        checkpointId: own.id,
        scans: [
          scan('2021-08-14T16:30:00Z'),
          scan('2021-08-14T18:00:00Z'),
          scan('2021-08-15T01:10:00Z'),
          scan('2021-08-15T01:20:00Z', 'revoked'),
          scan('2021-08-15T01:50:00Z'),
        ],
      });
      await nearOfficer.post('/api/v1/scans/batch', {
        checkpointId: near.id,
        scans: [scan('2021-08-15T01:15:00Z', 'expired')],
      });
      const b = await makeTestBusiness(t.db, { staff: 4, wardCode: WARDS.own });
      await (await signIn(t.app, b.rep)).post('/api/v1/permits', { staffIds: 'all' });
      // Two dossiers decided: one on time, one a day after its deadline.
      const late = await makeDossier(t.db, { wardCode: WARDS.own, state: 'approved' });
      await t.db
        .updateTable('dossiers')
        .set({ decided_at: new Date(Date.parse(late.due_at as string) + 86_400_000).toISOString() })
        .where('id', '=', late.id)
        .execute();
      ward = await signIn(t.app, await makeUser(t.db, { role: 'ward_officer', wardCode: WARDS.own }));
      district = await signIn(t.app, await makeUser(t.db, { role: 'supervisor', districtCode: '004' }));
    });

    const get = async (agent: Agent, q: string) => {
      const r = await agent.get(`/api/v1/stats/series?${q}`);
      expect(r.statusCode, r.body).toBe(200);
      return r.json();
    };
    const period = 'from=2021-08-14T00:00:00Z&to=2021-08-20T00:00:00Z';

    it('counts scans per Việt Nam day by verdict, and permits issued, for the ward', async () => {
      const s = await get(ward, period);
      expect(s.bucket).toBe('day');
      expect(s.from).toBe('2021-08-13T17:00:00.000Z');
      const day = (iso: string) => s.scans.find((b: { at: string }) => b.at === iso);
      expect(day('2021-08-13T17:00:00.000Z')).toEqual({
        at: '2021-08-13T17:00:00.000Z',
        total: 1,
        counts: { valid: 1 },
      });
      expect(day('2021-08-14T17:00:00.000Z')).toEqual({
        at: '2021-08-14T17:00:00.000Z',
        total: 4,
        counts: { valid: 3, revoked: 1 },
      });
      expect(s.verdicts).toEqual(['revoked', 'valid']);
      expect(s.permitsIssued.reduce((n: number, b: { n: number }) => n + b.n, 0)).toBe(4);
      expect(s.permitsIssued.find((b: { at: string }) => b.at === '2021-08-14T17:00:00.000Z').n).toBe(4);
    });

    it('counts per hour', async () => {
      const s = await get(ward, 'bucket=hour&from=2021-08-15T01:00:00Z&to=2021-08-15T03:00:00Z');
      expect(s.scans.map((b: { total: number }) => b.total)).toEqual([3, 0]);
    });

    it('sums a district for its supervisor, and lists each ward’s dossiers decided on time', async () => {
      const s = await get(district, period);
      const day = s.scans.find((b: { at: string }) => b.at === '2021-08-14T17:00:00.000Z');
      expect(day.counts).toEqual({ valid: 3, revoked: 1, expired: 1 });
      expect(s.dossiers.level).toBe('ward');
      expect(s.dossiers.rows.length).toBeGreaterThan(10);
      const own = s.dossiers.rows.find((r: { code: string }) => r.code === WARDS.own);
      expect(own).toMatchObject({ name: 'Phường Đức Giang', late: 1 });
      expect(own.handled).toBe(own.onTime + 1);
      const only = await get(district, `${period}&ward=${WARDS.sameDistrict}`);
      expect(only.scans.reduce((n: number, b: { total: number }) => n + b.total, 0)).toBe(1);
      const city = await signIn(t.app, await makeUser(t.db, { role: 'supervisor', provinceCode: '01' }));
      const c = await get(city, period);
      expect(c.dossiers.level).toBe('district');
      expect(c.scans.reduce((n: number, b: { total: number }) => n + b.total, 0)).toBe(6);
    });

    it('exports the same numbers as a spreadsheet', async () => {
      const r = await ward.get(`/api/v1/stats/series/export?${period}`);
      expect(r.statusCode).toBe(200);
      const { default: ExcelJS } = await import('exceljs');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
      expect(wb.worksheets.map((w) => w.name)).toEqual(['Lượt quét', 'Giấy đi đường cấp mới', 'Hồ sơ xử lý']);
      const scans = wb.worksheets[0]!;
      expect(scans.getRow(1).values).toEqual([undefined, 'Ngày', 'revoked', 'valid', 'Tổng']);
      expect(scans.getRow(3).values).toEqual([undefined, '15/08/2021', 1, 3, 4]);
    });
  });
});
