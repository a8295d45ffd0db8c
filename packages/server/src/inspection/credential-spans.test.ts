import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CheckpointRecord } from '../checkpoints/checkpoint-query.js';
import type { CliIo } from '../cli/io.js';
import { main } from '../cli/main.js';
import type { Db, ScanRow } from '../db/schema.js';
import { seededRng } from '../demo/demo-random.js';
import { insertScanRows } from '../scans/store-scans.js';
import { TEST_CLOCK_START, WARDS } from '../test/constants.js';
import { databaseEnv, forEachDatabase } from '../test/databases.js';
import { makeCheckpoint } from '../test/factories.js';
import { rebuildScanFacts } from './scan-facts.js';

const START = Date.parse(TEST_CLOCK_START);
const MINUTE = 60_000;

function hexId(rng: ReturnType<typeof seededRng>): string {
  const h = Array.from({ length: 32 }, () => Math.floor(rng.next() * 16).toString(16)).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20)}`;
}

function scanRow(id: string, cp: CheckpointRecord, cti: string | null, minutes: number): ScanRow {
  const at = new Date(START + minutes * MINUTE).toISOString();
  return {
    id,
    checkpoint_id: cp.id,
    ward_code: cp.owner_ward_code,
    district_code: cp.owner_district_code ?? '',
    province_code: cp.owner_province_code,
    officer_id: null,
    scanned_at: at,
    received_at: at,
    verdict: 'valid',
    warnings: '[]',
    kind: 'permit',
    cti,
    serial: null,
    id_number: null,
    unit_tax_code: null,
  };
}

const store = (db: Db, rows: ScanRow[]) => db.transaction().execute((tx) => insertScanRows(tx, rows));

const spans = (db: Db) => db.selectFrom('scan_credential_spans').selectAll().orderBy('cti').execute();
const pairs = (db: Db) =>
  db.selectFrom('scan_close_pairs').selectAll().orderBy('first_scan_id').orderBy('second_scan_id').execute();

forEachDatabase((t) => {
  describe('per-credential scan spans (scan_credential_spans)', () => {
    let cps: CheckpointRecord[];
    beforeAll(async () => {
      cps = [
        await makeCheckpoint(t.db, { ownerWardCode: WARDS.own, name: 'Chốt S1' }),
        await makeCheckpoint(t.db, { ownerWardCode: WARDS.own, name: 'Chốt S2' }),
        await makeCheckpoint(t.db, { ownerWardCode: WARDS.other, name: 'Chốt S3' }),
      ];
    });

    it('widens a credential’s span as its scans are stored, late ones included, and pairs a late scan with its neighbours', async () => {
      const cti = 'spanAAAAAAAAAAAAAAAAAA';
      const [a, b] = cps as [CheckpointRecord, CheckpointRecord];
      await store(t.db, [scanRow('00000000-0000-4000-a000-000000000001', a, cti, 0)]);
      expect(await t.db.selectFrom('scan_credential_spans').selectAll().where('cti', '=', cti).execute()).toEqual([
        {
          cti,
          first_at: new Date(START).toISOString(),
          last_at: new Date(START).toISOString(),
          last_scan_id: '00000000-0000-4000-a000-000000000001',
          last_checkpoint_id: a.id,
          last_ward_code: a.owner_ward_code,
          last_district_code: a.owner_district_code,
          last_province_code: a.owner_province_code,
        },
      ]);
      // Three hours later at B (too far apart in time to pair), then a late scan between them.
      await store(t.db, [scanRow('00000000-0000-4000-a000-000000000003', b, cti, 180)]);
      await store(t.db, [scanRow('00000000-0000-4000-a000-000000000002', b, cti, 60)]);
      // An earlier one (the span's start moves) and a retry of a stored one (nothing changes).
      await store(t.db, [
        scanRow('00000000-0000-4000-a000-000000000000', b, cti, -30),
        scanRow('00000000-0000-4000-a000-000000000003', b, cti, 180),
      ]);
      const span = await t.db
        .selectFrom('scan_credential_spans')
        .selectAll()
        .where('cti', '=', cti)
        .executeTakeFirstOrThrow();
      expect(span).toMatchObject({
        first_at: new Date(START - 30 * MINUTE).toISOString(),
        last_at: new Date(START + 180 * MINUTE).toISOString(),
        last_scan_id: '00000000-0000-4000-a000-000000000003',
        last_checkpoint_id: b.id,
      });
      const found = await t.db
        .selectFrom('scan_close_pairs')
        .select(['first_scan_id', 'second_scan_id'])
        .where('cti', '=', cti)
        .orderBy('first_at')
        .execute();
      expect(found).toEqual([
        {
          first_scan_id: '00000000-0000-4000-a000-000000000000',
          second_scan_id: '00000000-0000-4000-a000-000000000001',
        },
        {
          first_scan_id: '00000000-0000-4000-a000-000000000001',
          second_scan_id: '00000000-0000-4000-a000-000000000002',
        },
      ]);
    });

    it('keeps the last scan by time then id when two scans of a credential share their time', async () => {
      const cti = 'spanBBBBBBBBBBBBBBBBBB';
      const [a, b] = cps as [CheckpointRecord, CheckpointRecord];
      await store(t.db, [scanRow('00000000-0000-4000-a000-0000000000f0', a, cti, 500)]);
      await store(t.db, [scanRow('00000000-0000-4000-a000-0000000000e0', b, cti, 500)]);
      const before = await t.db
        .selectFrom('scan_credential_spans')
        .select(['last_scan_id', 'last_checkpoint_id'])
        .where('cti', '=', cti)
        .executeTakeFirstOrThrow();
      expect(before).toEqual({ last_scan_id: '00000000-0000-4000-a000-0000000000f0', last_checkpoint_id: a.id });
      await store(t.db, [scanRow('00000000-0000-4000-a000-0000000000f1', b, cti, 500)]);
      const after = await t.db
        .selectFrom('scan_credential_spans')
        .select(['last_scan_id', 'last_checkpoint_id'])
        .where('cti', '=', cti)
        .executeTakeFirstOrThrow();
      expect(after).toEqual({ last_scan_id: '00000000-0000-4000-a000-0000000000f1', last_checkpoint_id: b.id });
    });

    it('equals a rebuild from the scan log after seeded batches, in order and out of order', async () => {
      const rng = seededRng(1107);
      const ctis = Array.from({ length: 40 }, (_, i) => `rnd${String(i).padStart(19, '0')}`);
      // In time order, batch after batch (a device syncing as it goes): spans and pairs both
      // equal a rebuild. Scans a few minutes apart at random checkpoints make many close pairs.
      let minute = 1000;
      for (let batch = 0; batch < 12; batch++) {
        const rows: ScanRow[] = [];
        for (let i = 0; i < 60; i++) {
          minute += Math.floor(rng.next() * 3);
          const cti = rng.chance(0.05) ? null : (ctis[Math.floor(rng.next() * ctis.length)] as string);
          rows.push(scanRow(hexId(rng), cps[Math.floor(rng.next() * cps.length)] as CheckpointRecord, cti, minute));
        }
        // The batch's own order does not matter.
        rows.sort(() => rng.next() - 0.5);
        await store(t.db, rows);
      }
      const inOrder = { spans: await spans(t.db), pairs: await pairs(t.db) };
      expect(inOrder.pairs.length).toBeGreaterThan(50);
      await t.db.transaction().execute((tx) => rebuildScanFacts(tx));
      expect(await spans(t.db)).toEqual(inOrder.spans);
      expect(await pairs(t.db)).toEqual(inOrder.pairs);

      // Late and early scans (a device that was offline): the spans still equal a rebuild.
      for (let batch = 0; batch < 6; batch++) {
        const rows = Array.from({ length: 40 }, () =>
          scanRow(
            hexId(rng),
            cps[Math.floor(rng.next() * cps.length)] as CheckpointRecord,
            ctis[Math.floor(rng.next() * ctis.length)] as string,
            Math.floor(rng.next() * 2000),
          ),
        );
        await store(t.db, rows);
      }
      const incremental = await spans(t.db);
      expect(incremental).toHaveLength(ctis.length + 2);
      await t.db.transaction().execute((tx) => rebuildScanFacts(tx));
      expect(await spans(t.db)).toEqual(incremental);
    });

    afterEach(() => {
      vi.unstubAllEnvs();
    });

    it('`thonghanh db rebuild-scan-facts` puts back derived rows that were lost', async () => {
      const before = { spans: await spans(t.db), pairs: await pairs(t.db) };
      expect(before.spans.length).toBeGreaterThan(0);
      await t.db.deleteFrom('scan_credential_spans').execute();
      await t.db.deleteFrom('scan_close_pairs').execute();
      for (const [k, v] of Object.entries(databaseEnv(t))) vi.stubEnv(k, v);
      const out: string[] = [];
      const err: string[] = [];
      const io: CliIo = { out: (l) => out.push(l), err: (l) => err.push(l), cwd: process.cwd() };
      expect(await main(['db', 'rebuild-scan-facts'], io), err.join('\n')).toBe(0);
      expect(out.join('\n')).toContain('Đã tính lại dữ liệu tổng hợp');
      expect(await spans(t.db)).toEqual(before.spans);
      expect(await pairs(t.db)).toEqual(before.pairs);
    });
  });
});
