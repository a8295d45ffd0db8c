import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { createGzip } from 'node:zlib';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { parseAnchorLine } from '../audit/audit-anchors.js';
import { AUDIT_KEY_FILE } from '../audit/audit-key.js';
import type { Config } from '../config.js';
import { MASTER_KEY_FILE } from '../keys/master-key.js';
import {
  appVersion,
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  type BackupManifest,
  ENTRY_NAMES,
  MANIFEST,
  UPLOAD_ENTRY,
} from './backup-manifest.js';
import { findOnPath, pgDumpArgs, runPgTool, shellCommand } from './pg-tools.js';
import { TarWriter } from './tar.js';

export interface BackupOptions {
  /** Put keys/master.key and keys/audit.key in the archive (default: no — keep them apart). */
  includeKeys?: boolean;
  /** PostgreSQL: run pg_dump when it is on PATH (default) or only print its command. */
  pgDump?: 'auto' | 'skip';
  now?: Date;
}

export interface BackupResult {
  manifest: BackupManifest;
  /** Things the operator must read (keys apart or included, pg_dump to run, files missing). */
  warnings: string[];
}

/** The backup cannot be made; the message says why. */
export class BackupError extends Error {
  override name = 'BackupError';
}

type DatabaseFacts = Omit<BackupManifest['database'], 'kind' | 'entry' | 'pgDumpCommand'> & { storageKeys: string[] };

/** What every snapshot is asked, in the same SQL on both databases. */
async function facts(
  query: (sql: string) => Promise<Record<string, unknown>[]>,
  tables: string[],
): Promise<DatabaseFacts> {
  const counts: Record<string, number> = {};
  for (const t of tables.sort()) counts[t] = Number((await query(`select count(*) as n from "${t}"`))[0]?.n ?? 0);
  const head = (await query('select seq, hash, key_id from audit_head where id = 1'))[0] ?? {};
  const masters = await query(
    'select distinct k.master_key_id as id from ward_current_keys c join ward_keys k on k.id = c.key_id order by 1',
  );
  const migrations = await query('select name from kysely_migration order by name');
  const keys = await query('select storage_key from dossier_attachments');
  return {
    migrations: migrations.map((r) => String(r.name)),
    counts,
    auditHead: { seq: Number(head.seq ?? 0), hash: String(head.hash ?? '') },
    masterKeyIds: masters.map((r) => String(r.id)),
    auditKeyId: head.key_id ? String(head.key_id) : null,
    storageKeys: keys.map((r) => String(r.storage_key)),
  };
}

/** An online copy of the SQLite database through its backup API (the server may be writing). */
async function snapshotSqlite(file: string, into: string): Promise<DatabaseFacts> {
  if (!existsSync(file)) throw new BackupError(`Không có cơ sở dữ liệu SQLite tại ${file}.`);
  const source = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    await source.backup(into);
  } finally {
    source.close();
  }
  const copy = new SQLite(into, { readonly: true, fileMustExist: true });
  try {
    const tables = copy
      .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%'")
      .all()
      .map((r) => (r as { name: string }).name);
    return await facts(async (sql) => copy.prepare(sql).all() as Record<string, unknown>[], tables);
  } finally {
    copy.close();
  }
}

/**
 * PostgreSQL: the counts and pg_dump read one snapshot (REPEATABLE READ, exported to pg_dump),
 * so the manifest describes exactly the dump beside it.
 */
async function snapshotPostgres(
  url: string,
  dumpTo: string | null,
): Promise<DatabaseFacts & { dumped: boolean; command: string }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('begin isolation level repeatable read read only');
    const snapshot = (await client.query<{ id: string }>('select pg_export_snapshot() as id')).rows[0]?.id;
    const tables = (
      await client.query<{ name: string }>(
        "select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'",
      )
    ).rows.map((r) => r.name);
    const f = await facts(async (sql) => (await client.query(sql)).rows, tables);
    const command = shellCommand('pg_dump', pgDumpArgs(url, 'thonghanh.pgdump'), '');
    const pgDump = dumpTo ? findOnPath('pg_dump') : null;
    if (pgDump && dumpTo) await runPgTool(pgDump, pgDumpArgs(url, dumpTo, snapshot), url);
    await client.query('commit');
    return { ...f, dumped: pgDump !== null && dumpTo !== null, command };
  } finally {
    await client.end();
  }
}

/** A file's bytes as they stream into the archive, hashed on the way. */
async function* hashing(path: string, hash: ReturnType<typeof createHash>): AsyncGenerator<Buffer> {
  for await (const chunk of createReadStream(path)) {
    hash.update(chunk as Buffer);
    yield chunk as Buffer;
  }
}

/** Every file of uploads/ laid out as FileStorage writes it (`ab/ab…-uuid`). */
function uploadFiles(dir: string): { entry: string; path: string }[] {
  if (!existsSync(dir)) return [];
  const out: { entry: string; path: string }[] = [];
  for (const sub of readdirSync(dir).sort()) {
    const subPath = join(dir, sub);
    if (!statSync(subPath).isDirectory()) continue;
    for (const name of readdirSync(subPath).sort()) {
      const entry = `uploads/${sub}/${name}`;
      if (UPLOAD_ENTRY.test(entry) && statSync(join(subPath, name)).isFile())
        out.push({ entry, path: join(subPath, name) });
    }
  }
  return out;
}

/**
 * `thonghanh backup FILE`: one .tar.gz holding the database (SQLite: an online copy made with
 * SQLite's backup API while the server runs; PostgreSQL: pg_dump's archive when pg_dump is on
 * PATH), the uploaded files, the audit anchors up to the copied head, and a manifest with
 * counts and SHA-256 checksums. The master and audit keys go in only when asked: the
 * architecture keeps them apart from database backups. Written to FILE.partial, renamed when
 * complete: a failed backup leaves no archive that looks whole.
 */
export async function createBackup(
  config: Config,
  outFile: string,
  options: BackupOptions = {},
): Promise<BackupResult> {
  if (existsSync(outFile)) throw new BackupError(`Tệp ${outFile} đã có: chọn tên khác (bản sao lưu không ghi đè).`);
  const now = options.now ?? new Date();
  const work = join(dirname(outFile), `.thonghanh-backup-${randomBytes(6).toString('hex')}`);
  await mkdir(work, { recursive: true, mode: 0o700 });
  const partial = `${outFile}.partial`;
  const warnings: string[] = [];
  try {
    let db: DatabaseFacts;
    let dbEntry: { entry: string; path: string } | null = null;
    let pgDumpCommand: string | undefined;
    if (config.database.kind === 'sqlite') {
      const copy = join(work, ENTRY_NAMES.sqlite);
      db = await snapshotSqlite(config.database.file, copy);
      dbEntry = { entry: ENTRY_NAMES.sqlite, path: copy };
    } else {
      const dump = options.pgDump === 'skip' ? null : join(work, ENTRY_NAMES.pgDump);
      const pgFacts = await snapshotPostgres(config.database.url, dump);
      db = pgFacts;
      if (pgFacts.dumped && dump) dbEntry = { entry: ENTRY_NAMES.pgDump, path: dump };
      else {
        pgDumpCommand = pgFacts.command;
        warnings.push(
          `Bản sao lưu này KHÔNG chứa cơ sở dữ liệu PostgreSQL (không tìm thấy pg_dump${options.pgDump === 'skip' ? ', hoặc đã bỏ qua' : ''}). ` +
            `Sao lưu cơ sở dữ liệu bằng lệnh:\n  ${pgFacts.command}`,
        );
      }
    }

    const files: BackupManifest['files'] = [];
    const out = createWriteStream(partial, { mode: 0o600 });
    const gzip = createGzip({ level: 6 });
    const piped = new Promise<void>((resolve, reject) => {
      gzip.pipe(out);
      out.on('finish', resolve);
      out.on('error', reject);
      gzip.on('error', reject);
    });
    const tar = new TarWriter(gzip);
    const addFile = async (entry: string, path: string) => {
      const size = statSync(path).size;
      const hash = createHash('sha256');
      await tar.add(entry, size, hashing(path, hash));
      files.push({ path: entry, size, sha256: hash.digest('hex') });
    };
    const addBytes = async (entry: string, bytes: Buffer) => {
      await tar.add(entry, bytes.length, bytes);
      files.push({ path: entry, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });
    };

    if (dbEntry) await addFile(dbEntry.entry, dbEntry.path);
    if (existsSync(config.auditAnchorsFile)) {
      // Only what the copied log reaches: anchors of rows written after the copy would read as a cut tail.
      const lines = readFileSync(config.auditAnchorsFile, 'utf8')
        .split('\n')
        .filter((l) => l.trim() !== '' && (parseAnchorLine(l)?.seq ?? 0) <= db.auditHead.seq);
      await addBytes(ENTRY_NAMES.anchors, Buffer.from(lines.length ? `${lines.join('\n')}\n` : '', 'utf8'));
    }
    if (options.includeKeys) {
      for (const [entry, name] of [
        [ENTRY_NAMES.masterKey, MASTER_KEY_FILE],
        [ENTRY_NAMES.auditKey, AUDIT_KEY_FILE],
      ] as const) {
        const path = join(config.keysDir, name);
        if (existsSync(path)) await addFile(entry, path);
      }
      if (config.masterKey || config.auditKey) {
        warnings.push(
          'THONGHANH_MASTER_KEY / THONGHANH_AUDIT_KEY đặt trong biến môi trường không được chép vào bản sao lưu.',
        );
      }
      warnings.push(
        'Bản sao lưu này CÓ CHỨA khóa chính và khóa nhật ký: ai có tệp này mở được khóa ký của các phường và ký lại được ' +
          'nhật ký. Hãy mã hóa và cất riêng, như chính các khóa.',
      );
    } else {
      warnings.push(
        'Khóa chính (keys/master.key) và khóa nhật ký (keys/audit.key) KHÔNG nằm trong bản sao lưu (giữ riêng là có chủ ý). ' +
          'Hãy chắc chắn có bản sao của chúng ở nơi khác: khôi phục mà thiếu chúng thì máy chủ không khởi động.',
      );
    }
    const stored = new Set<string>();
    for (const u of uploadFiles(config.uploadsDir)) {
      await addFile(u.entry, u.path);
      stored.add(u.entry.split('/')[2] as string);
    }
    const missingUploads = db.storageKeys.filter((k) => !stored.has(k)).sort();
    if (missingUploads.length > 0) {
      warnings.push(`${missingUploads.length} tệp đính kèm có trong cơ sở dữ liệu nhưng không có trong uploads/.`);
    }

    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      appVersion: appVersion(),
      createdAt: now.toISOString(),
      database: {
        kind: config.database.kind,
        entry: dbEntry?.entry ?? null,
        ...(pgDumpCommand ? { pgDumpCommand } : {}),
        migrations: db.migrations,
        counts: db.counts,
        auditHead: db.auditHead,
        masterKeyIds: db.masterKeyIds,
        auditKeyId: db.auditKeyId,
      },
      files,
      keysIncluded: options.includeKeys === true,
      missingUploads,
    };
    const manifestBytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
    await tar.add(MANIFEST, manifestBytes.length, manifestBytes, 0o644);
    await tar.finish();
    await piped;
    await rename(partial, outFile);
    return { manifest, warnings };
  } catch (e) {
    await rm(partial, { force: true });
    throw e;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
