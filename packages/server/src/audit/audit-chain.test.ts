import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { TEST_CLOCK_START } from '../test/constants.js';
import { databaseEnv, forEachDatabase } from '../test/databases.js';
import { audit, SYSTEM_ACTOR } from './append-audit.js';
import { auditRowHash, GENESIS_HASH } from './audit-hash.js';
import { canonicalJson } from './canonical-json.js';
import { verifyAuditChain } from './verify-audit-chain.js';

const BIN = resolve(import.meta.dirname, '../../bin/thonghanh.js');
const at = new Date(TEST_CLOCK_START);

describe('canonicalJson', () => {
  it('sorts keys at every level and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: undefined } })).toBe('{"a":{"d":[{"y":2,"z":1}]},"b":1}');
  });
});

describe('audit log', () => {
  forEachDatabase(
    (t) => {
      const append = (n: number) =>
        t.db.transaction().execute(async (tx) => {
          for (let i = 0; i < n; i++) {
            await audit(
              tx,
              { id: 'u1', role: 'ward_admin' },
              'thing.done',
              { type: 'thing', id: `t${i}`, wardCode: '00124' },
              { i, note: 'Ghi chú' },
              at,
            );
          }
        });

      it('starts empty and verifies', async () => {
        expect(await verifyAuditChain(t.db)).toEqual({ ok: true, rows: 0 });
      });

      it('chains rows: seq 1, 2, 3 …, each prev_hash the hash before it', async () => {
        await append(5);
        const rows = await t.db.selectFrom('audit_log').selectAll().orderBy('seq').execute();
        expect(rows.map((r) => Number(r.seq))).toEqual([1, 2, 3, 4, 5]);
        expect(rows[0]!.prev_hash).toBe(GENESIS_HASH);
        for (let i = 1; i < rows.length; i++) expect(rows[i]!.prev_hash).toBe(rows[i - 1]!.hash);
        expect(rows[2]).toMatchObject({
          at: TEST_CLOCK_START,
          actor_id: 'u1',
          action: 'thing.done',
          entity_id: 't2',
          detail: '{"i":2,"note":"Ghi chú"}',
        });
        expect(auditRowHash({ ...rows[2]!, seq: 3 })).toBe(rows[2]!.hash);
        expect(await verifyAuditChain(t.db, 2)).toEqual({ ok: true, rows: 5 });
      });

      it('refuses to append outside a transaction', async () => {
        await expect(audit(t.db, SYSTEM_ACTOR, 'x', { type: 'x', id: null, wardCode: null })).rejects.toThrow(
          /transaction/,
        );
      });

      it('rolls back with the write it records', async () => {
        await expect(
          t.db.transaction().execute(async (tx) => {
            await audit(tx, SYSTEM_ACTOR, 'doomed', { type: 'x', id: null, wardCode: null }, {}, at);
            throw new Error('write failed');
          }),
        ).rejects.toThrow('write failed');
        expect(await verifyAuditChain(t.db)).toEqual({ ok: true, rows: 5 });
      });

      it('keeps one chain under concurrent transactions', async () => {
        await Promise.all(Array.from({ length: 8 }, () => append(3)));
        expect(await verifyAuditChain(t.db)).toEqual({ ok: true, rows: 29 });
      });

      it('finds an edited detail at its seq, in verifyAuditChain and in `thonghanh audit verify` (exit 1)', async () => {
        const cli = () =>
          spawnSync(process.execPath, [BIN, 'audit', 'verify'], {
            env: { ...process.env, ...databaseEnv(t), NODE_ENV: 'test' },
            encoding: 'utf8',
            timeout: 60_000,
          });
        const good = cli();
        expect([good.status, JSON.parse(good.stdout)]).toEqual([0, { ok: true, rows: 29 }]);

        await sql`update audit_log set detail = ${'{"i":3,"note":"Đã sửa"}'} where seq = 4`.execute(t.db);
        expect(await verifyAuditChain(t.db)).toEqual({
          ok: false,
          rows: 3,
          firstBroken: { seq: 4, reason: 'hash_mismatch' },
        });
        const bad = cli();
        expect(bad.status).toBe(1);
        expect(JSON.parse(bad.stdout)).toEqual({
          ok: false,
          rows: 3,
          firstBroken: { seq: 4, reason: 'hash_mismatch' },
        });
        expect(bad.stderr).toContain('dòng 4');
      }, 120_000);

      it('finds a deleted row, a re-linked row and a truncated tail', async () => {
        // Repair row 4 first so each tampering below is the first break.
        const row4 = await t.db.selectFrom('audit_log').selectAll().where('seq', '=', 4).executeTakeFirstOrThrow();
        await sql`update audit_log set detail = ${'{"i":3,"note":"Ghi chú"}'} where seq = 4`.execute(t.db);
        expect(auditRowHash({ ...row4, seq: 4, detail: '{"i":3,"note":"Ghi chú"}' })).toBe(row4.hash);
        expect((await verifyAuditChain(t.db)).ok).toBe(true);

        await sql`delete from audit_log where seq = 10`.execute(t.db);
        expect((await verifyAuditChain(t.db)).firstBroken).toEqual({ seq: 11, reason: 'seq_gap' });

        await sql`update audit_log set seq = 10 where seq = 11`.execute(t.db);
        expect((await verifyAuditChain(t.db)).firstBroken).toEqual({ seq: 10, reason: 'prev_hash_mismatch' });

        await sql`delete from audit_log where seq >= 10`.execute(t.db);
        expect(await verifyAuditChain(t.db)).toEqual({
          ok: false,
          rows: 9,
          firstBroken: { seq: 10, reason: 'missing_rows' },
        });
      });
    },
    { adminUnits: 'none' },
  );
});
