import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { appendFileSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../cli/cli-harness.js';
import type { Executor } from '../db/schema.js';
import { TEST_CLOCK_START } from '../test/constants.js';
import { databaseEnv, forEachDatabase, type TestDatabase } from '../test/databases.js';
import { audit, SYSTEM_ACTOR } from './append-audit.js';
import { anchorAuditHead, formatAnchorLine } from './audit-anchors.js';
import { auditRowHash, GENESIS_HASH } from './audit-hash.js';
import { type AuditKey, AuditKeyError, bindAuditKey, findAuditKey, rowMac } from './audit-key.js';
import { canonicalJson } from './canonical-json.js';
import { verifyAuditChain } from './verify-audit-chain.js';

const BIN = resolve(import.meta.dirname, '../../bin/thonghanh.js');
const at = new Date(TEST_CLOCK_START);

describe('canonicalJson', () => {
  it('sorts keys at every level and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: undefined } })).toBe('{"a":{"d":[{"y":2,"z":1}]},"b":1}');
  });
});

const append = (db: Executor, n: number) =>
  db.transaction().execute(async (tx) => {
    for (let i = 0; i < n; i++) {
      await audit(
        tx,
        { id: 'u1', role: 'ward_admin' },
        'checkpoint.updated',
        { type: 'checkpoint', id: `t${i}`, wardCode: '00124' },
        { i, note: 'Ghi chú' },
        at,
      );
    }
  });

/**
 * What someone who can write the database (and only the database) can do: change a row and
 * recompute every hash after it, so the chain links again. They cannot recompute the
 * signatures, so they copy the old ones.
 */
async function rewriteFrom(db: Executor, seq: number, detail: string): Promise<void> {
  await sql`update audit_log set detail = ${detail} where seq = ${seq}`.execute(db);
  const rows = await db.selectFrom('audit_log').selectAll().where('seq', '>=', seq).orderBy('seq').execute();
  const before = await db
    .selectFrom('audit_log')
    .select('hash')
    .where('seq', '=', seq - 1)
    .executeTakeFirst();
  let prev = before?.hash ?? GENESIS_HASH;
  for (const raw of rows) {
    const row = { ...raw, seq: Number(raw.seq), prev_hash: prev };
    const hash = auditRowHash(row);
    await sql`update audit_log set prev_hash = ${prev}, hash = ${hash} where seq = ${row.seq}`.execute(db);
    prev = hash;
  }
  await sql`update audit_head set hash = ${prev} where id = 1`.execute(db);
}

/** Removes the rows after `keep` and sets the head back on the row that is now last. */
async function cutTail(db: Executor, keep: number): Promise<void> {
  await sql`delete from audit_log where seq > ${keep}`.execute(db);
  const last = await db.selectFrom('audit_log').select('hash').where('seq', '=', keep).executeTakeFirstOrThrow();
  await sql`update audit_head set seq = ${keep}, hash = ${last.hash} where id = 1`.execute(db);
}

const anchorsFile = (t: TestDatabase) => join(t.dir, 'audit-anchors.log');
const keyOf = (t: TestDatabase) => findAuditKey({ auditKey: undefined, keysDir: join(t.dir, 'keys') }) as AuditKey;
const anchorNow = async (t: TestDatabase, after = 0) =>
  anchorAuditHead(t.db, keyOf(t), anchorsFile(t), after, new Date(TEST_CLOCK_START));

/** `thonghanh audit verify` in this process, on the suite's database and data folder. */
async function verifyCli(t: TestDatabase) {
  for (const [k, v] of Object.entries({ ...databaseEnv(t), NODE_ENV: 'test', THONGHANH_AUDIT_KEY: '' })) {
    vi.stubEnv(k, v);
  }
  const r = await runCli(['audit', 'verify']);
  return { ...r, report: r.stdout ? JSON.parse(r.stdout) : null };
}

describe('audit log', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  forEachDatabase(
    (t) => {
      it('starts empty and verifies', async () => {
        expect(await verifyAuditChain(t.db)).toEqual({ ok: true, rows: 0 });
      });

      it('chains rows: seq 1, 2, 3 …, each prev_hash the hash before it, each signed with the audit key', async () => {
        await append(t.db, 5);
        const rows = await t.db.selectFrom('audit_log').selectAll().orderBy('seq').execute();
        expect(rows.map((r) => Number(r.seq))).toEqual([1, 2, 3, 4, 5]);
        expect(rows[0]!.prev_hash).toBe(GENESIS_HASH);
        for (let i = 1; i < rows.length; i++) expect(rows[i]!.prev_hash).toBe(rows[i - 1]!.hash);
        expect(rows[2]).toMatchObject({
          at: TEST_CLOCK_START,
          actor_id: 'u1',
          action: 'checkpoint.updated',
          entity_id: 't2',
          detail: '{"i":2,"note":"Ghi chú"}',
        });
        expect(auditRowHash({ ...rows[2]!, seq: 3 })).toBe(rows[2]!.hash);
        const key = keyOf(t);
        for (const r of rows) expect(r.mac).toBe(rowMac(key, Number(r.seq), r.hash));
        const head = await t.db.selectFrom('audit_head').selectAll().executeTakeFirstOrThrow();
        expect(head.key_id).toBe(key.id);
        expect(await verifyAuditChain(t.db, 2)).toEqual({ ok: true, rows: 5 });
      });

      it('refuses to append outside a transaction', async () => {
        await expect(
          audit(t.db, SYSTEM_ACTOR, 'admin_units.seeded', { type: 'x', id: null, wardCode: null }),
        ).rejects.toThrow(/transaction/);
      });

      it('rolls back with the write it records', async () => {
        await expect(
          t.db.transaction().execute(async (tx) => {
            await audit(tx, SYSTEM_ACTOR, 'admin_units.seeded', { type: 'x', id: null, wardCode: null }, {}, at);
            throw new Error('write failed');
          }),
        ).rejects.toThrow('write failed');
        expect(await verifyAuditChain(t.db)).toEqual({ ok: true, rows: 5 });
      });

      it('keeps one chain under concurrent transactions', async () => {
        await Promise.all(Array.from({ length: 8 }, () => append(t.db, 3)));
        expect(await verifyAuditChain(t.db)).toEqual({ ok: true, rows: 29 });
      });

      it('will not append with another audit key, nor without the key the log names; nothing is written', async () => {
        const keysDir = join(t.dir, 'keys');
        try {
          bindAuditKey(t.db, { auditKey: randomBytes(32).toString('base64'), keysDir });
          const other = append(t.db, 1);
          await expect(other).rejects.toBeInstanceOf(AuditKeyError);
          await expect(other).rejects.toMatchObject({ problem: 'audit_key_mismatch' });
          bindAuditKey(t.db, { auditKey: undefined, keysDir: join(t.dir, 'no-keys-here') });
          await expect(append(t.db, 1)).rejects.toMatchObject({ problem: 'audit_key_missing' });
        } finally {
          bindAuditKey(t.db, { auditKey: undefined, keysDir });
        }
        expect(await verifyAuditChain(t.db)).toEqual({ ok: true, rows: 29 });
        expect(
          await verifyAuditChain(t.db, {
            key: findAuditKey({ auditKey: randomBytes(32).toString('base64'), keysDir }),
          }),
        ).toMatchObject({ ok: false, firstBroken: { seq: 1, reason: 'key_mismatch' } });
      });

      it('finds an edited detail at its seq, in verifyAuditChain and in `thonghanh audit verify` (exit 1)', async () => {
        const cli = () =>
          spawnSync(process.execPath, [BIN, 'audit', 'verify'], {
            env: { ...process.env, ...databaseEnv(t), NODE_ENV: 'test', THONGHANH_AUDIT_KEY: '' },
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
        await sql`update audit_log set detail = ${'{"i":3,"note":"Ghi chú"}'} where seq = 4`.execute(t.db);
        expect((await verifyAuditChain(t.db)).ok).toBe(true);
      }, 120_000);

      it('finds a deleted row, a re-linked row and a truncated tail whose head was left behind', async () => {
        const saved = await t.db.selectFrom('audit_log').selectAll().where('seq', '>=', 10).orderBy('seq').execute();
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
        await t.db.insertInto('audit_log').values(saved).execute();
        expect(await verifyAuditChain(t.db)).toEqual({ ok: true, rows: 29 });
      });

      it('attack: a row edited and every later hash recomputed → signature_mismatch at that row (exit 1)', async () => {
        const saved = await t.db.selectFrom('audit_log').selectAll().orderBy('seq').execute();
        const head = await t.db.selectFrom('audit_head').selectAll().executeTakeFirstOrThrow();
        await rewriteFrom(t.db, 12, '{"i":11,"note":"Đã sửa lại"}');
        // The hashes alone no longer tell: the chain links from end to end.
        expect(await verifyAuditChain(t.db, { signatures: false })).toEqual({ ok: true, rows: 29 });
        expect(await verifyAuditChain(t.db)).toEqual({
          ok: false,
          rows: 11,
          firstBroken: { seq: 12, reason: 'signature_mismatch' },
        });
        const cli = await verifyCli(t);
        expect(cli.code).toBe(1);
        expect(cli.report.firstBroken).toEqual({ seq: 12, reason: 'signature_mismatch' });
        expect(cli.stderr).toContain('signature_mismatch');
        expect(cli.stderr).toContain('dòng 12');
        // A row appended by the database writer (chained, unsigned) is caught the same way.
        await restore(t.db, saved, head);
        const last = saved.at(-1)!;
        const forgedRow = {
          ...last,
          seq: 30,
          prev_hash: last.hash,
          detail: '{"note":"Dòng thêm vào"}',
          mac: null,
        };
        const hash = auditRowHash(forgedRow);
        await t.db
          .insertInto('audit_log')
          .values({ ...forgedRow, hash })
          .execute();
        await sql`update audit_head set seq = 30, hash = ${hash} where id = 1`.execute(t.db);
        expect((await verifyAuditChain(t.db)).firstBroken).toEqual({ seq: 30, reason: 'signature_missing' });
        expect(await anchorNow(t)).toEqual({ kind: 'head_unsigned', seq: 30 });
        await restore(t.db, saved, head);
        expect(await verifyAuditChain(t.db)).toEqual({ ok: true, rows: 29 });
      });

      it('attack: the tail cut and the head set back → tail_cut, caught only by the anchors file (exit 1)', async () => {
        expect(await anchorNow(t)).toMatchObject({ kind: 'anchored', anchor: { seq: 29 } });
        const saved = await t.db.selectFrom('audit_log').selectAll().orderBy('seq').execute();
        const head = await t.db.selectFrom('audit_head').selectAll().executeTakeFirstOrThrow();
        await cutTail(t.db, 25);
        // Every row left is intact and signed: only the anchor remembers rows 26–29.
        expect(await verifyAuditChain(t.db)).toEqual({ ok: true, rows: 25 });
        expect(await verifyAuditChain(t.db, { anchorsFile: anchorsFile(t) })).toEqual({
          ok: false,
          rows: 25,
          firstBroken: { seq: 26, reason: 'tail_cut' },
          anchors: 1,
          anchor: { seq: 29, at: TEST_CLOCK_START },
        });
        const cli = await verifyCli(t);
        expect(cli.code).toBe(1);
        expect(cli.report.firstBroken).toEqual({ seq: 26, reason: 'tail_cut' });
        // The anchorer will not bless the shorter log.
        expect(await anchorNow(t, 29)).toEqual({ kind: 'head_behind', seq: 25, anchored: 29 });
        // New rows written after the cut take the old seqs: the anchor names another hash there.
        await append(t.db, 4);
        expect((await verifyAuditChain(t.db, { anchorsFile: anchorsFile(t) })).firstBroken).toEqual({
          seq: 29,
          reason: 'anchor_mismatch',
        });
        await restore(t.db, saved, head);
        expect(await verifyAuditChain(t.db, { anchorsFile: anchorsFile(t) })).toMatchObject({ ok: true, rows: 29 });
      });

      it('attack: a forged anchor line → anchor_forged with its line number (exit 1)', async () => {
        const file = anchorsFile(t);
        const good = readFileSync(file, 'utf8');
        const impostor: AuditKey = { key: randomBytes(32), id: keyOf(t).id, source: 'env' };
        const row = await t.db.selectFrom('audit_log').selectAll().where('seq', '=', 20).executeTakeFirstOrThrow();
        appendFileSync(file, `${formatAnchorLine(impostor, { seq: 20, hash: row.hash, at: TEST_CLOCK_START })}\n`);
        expect(await verifyAuditChain(t.db, { anchorsFile: file })).toMatchObject({
          ok: false,
          firstBroken: { seq: 20, reason: 'anchor_forged', line: 2 },
        });
        const cli = await verifyCli(t);
        expect(cli.code).toBe(1);
        expect(cli.report.firstBroken).toEqual({ seq: 20, reason: 'anchor_forged', line: 2 });
        expect(cli.stderr).toContain('anchor_forged');
        // A line edited by hand (a smaller seq, to hide a cut) is no better.
        rmSync(file);
        appendFileSync(file, good.replace(/^v1 29 /, 'v1 20 '));
        expect((await verifyAuditChain(t.db, { anchorsFile: file })).firstBroken).toMatchObject({
          reason: 'anchor_forged',
          line: 1,
        });
        rmSync(file);
        appendFileSync(file, good);
        expect((await verifyCli(t)).code).toBe(0);
      });

      it('`thonghanh audit verify` without the audit key: key_missing, exit 1', async () => {
        const keys = join(t.dir, 'keys');
        const text = readFileSync(join(keys, 'audit.key'), 'utf8');
        rmSync(join(keys, 'audit.key'));
        try {
          // A fresh process: this one keeps the key it has read.
          const cli = spawnSync(process.execPath, [BIN, 'audit', 'verify'], {
            env: { ...process.env, ...databaseEnv(t), NODE_ENV: 'test', THONGHANH_AUDIT_KEY: '' },
            encoding: 'utf8',
            timeout: 60_000,
          });
          expect(cli.status).toBe(1);
          expect(JSON.parse(cli.stdout).firstBroken).toEqual({ seq: 1, reason: 'key_missing' });
          expect(cli.stderr).toContain('không có khóa nhật ký');
        } finally {
          appendFileSync(join(keys, 'audit.key'), text, { mode: 0o600 });
        }
      });
    },
    { adminUnits: 'none' },
  );
});

async function restore(
  db: Executor,
  rows: Awaited<ReturnType<typeof selectAll>>,
  head: { seq: number; hash: string; key_id: string | null },
) {
  await sql`delete from audit_log`.execute(db);
  for (let i = 0; i < rows.length; i += 100) {
    await db
      .insertInto('audit_log')
      .values(rows.slice(i, i + 100))
      .execute();
  }
  await sql`update audit_head set seq = ${head.seq}, hash = ${head.hash}, key_id = ${head.key_id} where id = 1`.execute(
    db,
  );
}

const selectAll = (db: Executor) => db.selectFrom('audit_log').selectAll().execute();
