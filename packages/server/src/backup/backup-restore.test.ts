import { createHash, randomBytes } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../audit/append-audit.js';
import { anchorAuditHead } from '../audit/audit-anchors.js';
import { bindAuditKey, findAuditKey, loadOrCreateAuditKey } from '../audit/audit-key.js';
import { verifyAuditChain } from '../audit/verify-audit-chain.js';
import { findCheckpoint } from '../checkpoints/checkpoint-query.js';
import { manualClock } from '../clock.js';
import { type Config, loadConfig } from '../config.js';
import { createDatabase } from '../db/database.js';
import type { Db } from '../db/schema.js';
import { DEMO_PASSWORD } from '../demo/demo-context.js';
import { seedDemo } from '../demo/seed-demo.js';
import { addAttachment } from '../dossiers/attachments/add-attachment.js';
import { localDiskStorage } from '../dossiers/attachments/file-storage.js';
import { findDossier } from '../dossiers/dossier-query.js';
import { DeploymentKeyError } from '../keys/check-deployment-keys.js';
import { verifyServed } from '../permits/test-support.js';
import { storeScans } from '../scans/store-scans.js';
import { type RunningServer, startServer } from '../server.js';
import { TEST_CLOCK_START } from '../test/constants.js';
import { forEachDatabase, type TestDatabase } from '../test/databases.js';
import { MANIFEST } from './backup-manifest.js';
import { createBackup } from './create-backup.js';
import { schemaOf } from './pg-tools.js';
import { RestoreError, restoreBackup } from './restore-backup.js';

const clock = manualClock(TEST_CLOCK_START);

function configOf(dir: string, database: Config['database']): Config {
  return { ...loadConfig({ NODE_ENV: 'test', THONGHANH_DATA_DIR: dir }), database };
}

async function countRows(db: Db, tables: string[]): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of tables) {
    const r = await db
      .selectFrom(t as 'users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    out[t] = Number(r.n);
  }
  return out;
}

async function dropSchemaOf(t: TestDatabase): Promise<void> {
  if (t.config.kind !== 'postgres') return;
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  await client.query(`drop schema ${schemaOf(t.config.url)} cascade`);
  await client.end();
}

describe('backup and restore', { timeout: 240_000 }, () => {
  forEachDatabase((t) => {
    let source: Config;
    let archive: string;
    /** The folder restored into (then started from, and restored over with --force). */
    let restored: Config;
    const targets: string[] = [];
    const fresh = () => {
      const dir = mkdtempSync(join(tmpdir(), 'thonghanh-restore-'));
      targets.push(dir);
      return configOf(
        dir,
        t.config.kind === 'sqlite' ? { kind: 'sqlite', file: join(dir, 'thonghanh.sqlite') } : t.config,
      );
    };

    beforeAll(async () => {
      source = configOf(t.dir, t.config);
      const storage = localDiskStorage(source.uploadsDir);
      // The demo: 85 businesses, dossiers with their plan files, staff, the ward key, unit QR codes, permits.
      await seedDemo(t.db, { storage, config: source, clock });
      // Scans at a checkpoint, and a corrected plan (a second version of a file).
      const { id } = await t.db.selectFrom('checkpoints').select('id').executeTakeFirstOrThrow();
      const checkpoint = (await findCheckpoint(t.db, id))!;
      const scans = Array.from({ length: 3 }, (_, i) => ({
        id: `0b4f2a6e-1111-4222-8333-94444555566${i}`,
        scannedAt: TEST_CLOCK_START,
        verdict: 'valid' as const,
        warnings: [],
        kind: 'permit' as const,
        serial: `000${i + 1}/GĐĐ`,
      }));
      await t.db.transaction().execute((tx) => storeScans(tx, checkpoint, scans, SYSTEM_ACTOR, clock.now()));
      const first = await t.db.selectFrom('dossier_attachments').selectAll().executeTakeFirstOrThrow();
      const bytes = new TextEncoder().encode('%PDF-1.4 ban co dau');
      const key = await storage.put(bytes);
      await t.db.transaction().execute(async (tx) => {
        const dossier = (await findDossier(tx, first.dossier_id))!;
        await addAttachment(
          tx,
          { dossier, storageKey: key, fileName: 'ban-co-dau.pdf', type: 'pdf', bytes, replaces: first, note: 'Có dấu' },
          SYSTEM_ACTOR,
          clock.now(),
        );
      });
      const auditKey = loadOrCreateAuditKey(source);
      await anchorAuditHead(t.db, auditKey, source.auditAnchorsFile, 0, clock.now());
      archive = join(mkdtempSync(join(tmpdir(), 'thonghanh-archive-')), 'sao-luu.tar.gz');
      targets.push(join(archive, '..'));
    }, 240_000);

    afterAll(() => {
      for (const dir of targets) rmSync(dir, { recursive: true, force: true });
    });

    it('backs up a populated database (keys left out by default) with a manifest of counts and checksums', async () => {
      const { manifest, warnings } = await createBackup(source, archive, { now: clock.now() });
      expect(manifest).toMatchObject({
        format: 'thonghanh-backup',
        formatVersion: 1,
        createdAt: TEST_CLOCK_START,
        keysIncluded: false,
        missingUploads: [],
        database: { kind: t.kind, entry: t.kind === 'sqlite' ? 'thonghanh.sqlite' : 'database.pgdump' },
      });
      const counts = manifest.database.counts;
      expect(counts.businesses).toBe(85);
      expect(counts.scans).toBeGreaterThanOrEqual(3);
      expect(counts.permits).toBeGreaterThan(0);
      expect(counts.staff_members).toBeGreaterThan(1000);
      expect(
        await countRows(
          t.db,
          Object.keys(counts).filter((k) => !k.startsWith('kysely_')),
        ),
      ).toEqual(Object.fromEntries(Object.entries(counts).filter(([k]) => !k.startsWith('kysely_'))));
      const attachments = await t.db.selectFrom('dossier_attachments').select('storage_key').execute();
      const uploads = manifest.files.filter((f) => f.path.startsWith('uploads/'));
      expect(uploads).toHaveLength(attachments.length);
      expect(manifest.files.some((f) => f.path.startsWith('keys/'))).toBe(false);
      expect(manifest.files.map((f) => f.path)).toContain('audit-anchors.log');
      expect(manifest.database.masterKeyIds).toHaveLength(1);
      expect(warnings.join('\n')).toContain('KHÔNG nằm trong bản sao lưu');
      // The manifest is the last entry, readable with any tar.
      expect(gunzipSync(readFileSync(archive)).includes(Buffer.from(`${MANIFEST}\0`))).toBe(true);
    });

    it('restores into a fresh folder: every record and file; without the master key it refuses to start, naming it', async () => {
      const before = await countRows(t.db, [
        'audit_log',
        'businesses',
        'permits',
        'scans',
        'users',
        'dossier_attachments',
      ]);
      const hashes = await t.db.selectFrom('dossier_attachments').select(['storage_key', 'sha256']).execute();
      await dropSchemaOf(t); // PostgreSQL: the database is lost; SQLite: a new folder is a new database.
      const target = fresh();
      restored = target;
      const result = await restoreBackup(target, archive);
      expect(result.notes.join('\n')).toMatch(/master\.key.*audit\.key/s);
      const db = createDatabase(target.database);
      bindAuditKey(db, target);
      try {
        expect(await countRows(db, Object.keys(before))).toEqual(before);
        const storage = localDiskStorage(target.uploadsDir);
        for (const a of hashes) {
          const bytes = await storage.get(a.storage_key);
          expect(bytes, a.storage_key).not.toBeNull();
          expect(createHash('sha256').update(bytes!).digest('hex')).toBe(a.sha256);
        }
      } finally {
        await db.destroy();
      }

      // No master key: a clear refusal, not a 500 on every issuance.
      const refused = startServer(target, { demo: false, clock });
      await expect(refused).rejects.toBeInstanceOf(DeploymentKeyError);
      await expect(refused).rejects.toMatchObject({ problem: 'master_key_missing' });
      await expect(refused).rejects.toThrow(/Không khởi động được: thiếu khóa chính.*master\.key/s);
      expect(existsSync(join(target.keysDir, 'master.key'))).toBe(false);

      // Another master key: named as such.
      mkdirSync(target.keysDir, { recursive: true });
      writeFileSync(join(target.keysDir, 'master.key'), `${randomBytes(32).toString('base64')}\n`, { mode: 0o600 });
      await expect(startServer(target, { demo: false, clock })).rejects.toMatchObject({
        problem: 'master_key_mismatch',
      });

      // The master key back but not the audit key: refused too.
      copyFileSync(join(source.keysDir, 'master.key'), join(target.keysDir, 'master.key'));
      await expect(startServer(target, { demo: false, clock })).rejects.toMatchObject({ problem: 'audit_key_missing' });
    });

    it('with its keys back, the restored deployment starts, its audit chain verifies, and it issues a permit that verifies', async () => {
      const target = restored;
      copyFileSync(join(source.keysDir, 'audit.key'), join(target.keysDir, 'audit.key'));
      let server: RunningServer | null = null;
      try {
        server = await startServer({ ...target, port: 0, host: '127.0.0.1' }, { demo: false, clock });
        const report = await verifyAuditChain(server.db, {
          key: findAuditKey(target),
          anchorsFile: target.auditAnchorsFile,
        });
        expect(report).toMatchObject({ ok: true, anchors: expect.any(Number) });
        expect(report.anchors).toBeGreaterThanOrEqual(1);

        const login = await server.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { username: 'doanhnghiep.demo', password: DEMO_PASSWORD },
        });
        expect(login.statusCode, login.body).toBe(200);
        const cookie = login.cookies.find((c) => c.name === 'th_session')!.value;
        const issued = await server.app.inject({
          method: 'POST',
          url: '/api/v1/permits',
          cookies: { th_session: cookie },
          headers: { 'x-csrf-token': login.json().csrfToken },
          // The demo's people hold permits already: replace them.
          payload: { staffIds: 'all', onActive: 'replace' },
        });
        expect(issued.statusCode, issued.body.slice(0, 300)).toBe(201);
        const permit = issued.json().items[0];
        const v = await verifyServed(server.app, permit.qrText, clock.now());
        expect(v.verdict).toBe('valid');
      } finally {
        await server?.close();
      }
    });

    it('refuses a damaged or cut archive with a clear message, writing nothing', async () => {
      const target = fresh();
      const raw = gunzipSync(readFileSync(archive));
      const flipped = Buffer.from(raw);
      // A byte inside the first file's content (after its 512-byte header).
      flipped[700] = (flipped[700] as number) ^ 0xff;
      const bad = join(archive, '..', `hong-${randomBytes(4).toString('hex')}.tar.gz`);
      writeFileSync(bad, gzipSync(flipped));
      const damaged = restoreBackup(target, bad);
      await expect(damaged).rejects.toBeInstanceOf(RestoreError);
      await expect(damaged).rejects.toMatchObject({ problem: 'archive_damaged' });
      await expect(damaged).rejects.toThrow(/sai tổng kiểm SHA-256.*Không ghi gì/s);
      writeFileSync(bad, readFileSync(archive).subarray(0, Math.floor(readFileSync(archive).length / 2)));
      await expect(restoreBackup(target, bad)).rejects.toMatchObject({ problem: 'archive_damaged' });
      writeFileSync(bad, gzipSync(raw.subarray(0, raw.length - 4096)));
      await expect(restoreBackup(target, bad)).rejects.toThrow(/thiếu manifest|cắt cụt/);
      rmSync(bad);
      expect(readdirSync(target.dataDir)).toEqual([]);
    });

    it('refuses a data folder that already has data unless --force, which moves the old data aside', async () => {
      const target = restored;
      const again = restoreBackup(target, archive);
      await expect(again).rejects.toMatchObject({ problem: 'target_not_empty' });
      await expect(again).rejects.toThrow(/đã có dữ liệu.*--force/s);
      const forced = await restoreBackup(target, archive, { force: true, now: clock.now() });
      expect(forced.movedAside).toMatch(/before-restore-2021-08-15T03-00-00-000Z$/);
      expect(readdirSync(forced.movedAside!).length).toBeGreaterThan(0);
    });

    it('--include-keys puts both keys in the archive, with a warning', async () => {
      const withKeys = join(archive, '..', `khoa-${randomBytes(4).toString('hex')}.tar.gz`);
      const { manifest, warnings } = await createBackup(source, withKeys, { includeKeys: true, pgDump: 'skip' });
      expect(manifest.files.map((f) => f.path)).toEqual(expect.arrayContaining(['keys/master.key', 'keys/audit.key']));
      expect(manifest.keysIncluded).toBe(true);
      expect(warnings.join('\n')).toContain('CÓ CHỨA khóa chính');
      if (t.kind === 'postgres') {
        expect(manifest.database.entry).toBeNull();
        expect(manifest.database.pgDumpCommand).toMatch(/^pg_dump --format=custom .*"\$DATABASE_URL"$/);
      }
    });
  });
});
