import { createHash, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { createGunzip } from 'node:zlib';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { AUDIT_KEY_FILE } from '../audit/audit-key.js';
import type { Config } from '../config.js';
import { MASTER_KEY_FILE } from '../keys/master-key.js';
import { type BackupManifest, ENTRY_NAMES, isAllowedEntry, MANIFEST, manifestSchema } from './backup-manifest.js';
import { findOnPath, pgEnv, pgRestoreArgs, runPgTool, shellCommand } from './pg-tools.js';
import { readTar, TarError } from './tar.js';

export type RestoreProblem = 'archive_damaged' | 'archive_unreadable' | 'wrong_database' | 'target_not_empty';

/** The archive cannot be restored here; nothing was written. The message says why and what to do. */
export class RestoreError extends Error {
  override name = 'RestoreError';
  constructor(
    readonly problem: RestoreProblem,
    message: string,
  ) {
    super(message);
  }
}

export interface RestoreOptions {
  /** Restore over existing data: what is replaced is moved aside into `before-restore-<time>/`. */
  force?: boolean;
  /** PostgreSQL: run pg_restore when it is on PATH (default) or only print its command. */
  pgRestore?: 'auto' | 'skip';
  now?: Date;
}

export interface RestoreResult {
  manifest: BackupManifest;
  files: number;
  /** Where the data that was replaced went (with --force). */
  movedAside: string | null;
  /** What the operator must still do (keys to put back, pg_restore to run). */
  notes: string[];
}

const MAX_MANIFEST = 16 * 1024 * 1024;

const damaged = (file: string, why: string) =>
  new RestoreError(
    'archive_damaged',
    `Tệp sao lưu ${file} bị hỏng hoặc không đầy đủ: ${why}. Không ghi gì vào thư mục dữ liệu. ` +
      'Hãy dùng một bản sao lưu khác (và kiểm tra lại nơi cất giữ: đĩa, đường truyền).',
  );

/**
 * Reads the archive once, start to end, writing each entry's bytes to `sink` (or nowhere) and
 * checking everything on the way: gzip and tar framing, the allowed names, no duplicates, the
 * manifest last, every entry's size and SHA-256 against it, nothing missing, nothing extra.
 */
async function readArchive(
  file: string,
  sink: ((name: string) => NodeJS.WritableStream) | null,
): Promise<BackupManifest> {
  const seen = new Map<string, { size: number; sha256: string }>();
  let manifestText: string | null = null;
  try {
    const source = createReadStream(file).pipe(createGunzip());
    for await (const entry of readTar(source as AsyncIterable<Buffer>)) {
      if (manifestText !== null) throw damaged(file, `có mục "${entry.name}" sau manifest.json`);
      if (entry.name === MANIFEST) {
        if (entry.size > MAX_MANIFEST) throw damaged(file, 'manifest.json quá lớn');
        const parts: Buffer[] = [];
        for await (const chunk of entry.body) parts.push(chunk);
        manifestText = Buffer.concat(parts).toString('utf8');
        continue;
      }
      if (!isAllowedEntry(entry.name)) throw damaged(file, `có mục lạ "${entry.name}"`);
      if (seen.has(entry.name)) throw damaged(file, `mục "${entry.name}" có hai lần`);
      const hash = createHash('sha256');
      const out = sink ? sink(entry.name) : null;
      let size = 0;
      for await (const chunk of entry.body) {
        hash.update(chunk);
        size += chunk.length;
        if (out && !out.write(chunk)) await once(out, 'drain');
      }
      if (out) {
        out.end();
        await once(out, 'finish');
      }
      seen.set(entry.name, { size, sha256: hash.digest('hex') });
    }
  } catch (e) {
    if (e instanceof RestoreError) throw e;
    if (e instanceof TarError) throw damaged(file, e.message);
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new RestoreError('archive_unreadable', `Không có tệp sao lưu ${file}.`);
    if (code?.startsWith('Z_') || /unexpected end|incorrect header|invalid/i.test((e as Error).message)) {
      throw damaged(file, `nén gzip hỏng (${(e as Error).message})`);
    }
    throw e;
  }
  if (manifestText === null) throw damaged(file, 'thiếu manifest.json (tệp bị cắt cụt?)');
  let manifest: BackupManifest;
  try {
    manifest = manifestSchema.parse(JSON.parse(manifestText));
  } catch {
    throw damaged(file, 'manifest.json không đọc được hoặc không phải của Thông hành (định dạng 1)');
  }
  const listed = new Map(manifest.files.map((f) => [f.path, f]));
  for (const [name, got] of seen) {
    const want = listed.get(name);
    if (!want) throw damaged(file, `mục "${name}" không có trong manifest`);
    if (want.size !== got.size || want.sha256 !== got.sha256) {
      throw damaged(file, `mục "${name}" sai tổng kiểm SHA-256 (đã bị thay đổi hoặc hỏng)`);
    }
  }
  for (const name of listed.keys()) if (!seen.has(name)) throw damaged(file, `thiếu mục "${name}"`);
  return manifest;
}

/** What of the data folder this archive would replace (data already there). */
function existingData(config: Config, manifest: BackupManifest): string[] {
  const found: string[] = [];
  if (config.database.kind === 'sqlite') {
    for (const suffix of ['', '-wal']) {
      if (existsSync(config.database.file + suffix)) found.push(config.database.file + suffix);
    }
  }
  if (existsSync(config.uploadsDir) && readdirSync(config.uploadsDir).length > 0) found.push(config.uploadsDir);
  if (existsSync(config.auditAnchorsFile)) found.push(config.auditAnchorsFile);
  for (const [entry, name] of [
    [ENTRY_NAMES.masterKey, MASTER_KEY_FILE],
    [ENTRY_NAMES.auditKey, AUDIT_KEY_FILE],
  ] as const) {
    if (manifest.files.some((f) => f.path === entry) && existsSync(join(config.keysDir, name))) {
      found.push(join(config.keysDir, name));
    }
  }
  return found;
}

async function postgresHasData(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const r = await client.query(
      "select 1 from information_schema.tables where table_schema = current_schema() and table_name = 'audit_log'",
    );
    return (r.rowCount ?? 0) > 0;
  } catch (e) {
    // The URL's schema does not exist yet: nothing there.
    if ((e as { code?: string }).code === '3F000') return false;
    throw e;
  } finally {
    await client.end();
  }
}

/** The restored SQLite copy must be a sound database with the manifest's rows. */
function checkSqlite(path: string, manifest: BackupManifest, file: string): void {
  const db = new SQLite(path, { readonly: true, fileMustExist: true });
  try {
    const check = db.prepare('pragma quick_check').pluck().get();
    if (check !== 'ok') throw damaged(file, `cơ sở dữ liệu SQLite hỏng (${String(check)})`);
    for (const [table, n] of Object.entries(manifest.database.counts)) {
      const got = db.prepare(`select count(*) from "${table}"`).pluck().get();
      if (Number(got) !== n) throw damaged(file, `bảng ${table} có ${got} dòng, manifest ghi ${n}`);
    }
  } finally {
    db.close();
  }
}

/**
 * `thonghanh restore FILE`: checks the whole archive first (nothing is written if anything is
 * wrong), refuses a data folder that already has data unless `force`, extracts into a staging
 * folder inside the data folder, checks again (checksums while writing; SQLite: quick_check
 * and every table's count), and only then moves the files into place — with `force`, what
 * they replace is moved aside, never deleted. PostgreSQL: pg_restore into an empty database
 * when it is on PATH, else its command is printed.
 */
export async function restoreBackup(
  config: Config,
  file: string,
  options: RestoreOptions = {},
): Promise<RestoreResult> {
  const manifest = await readArchive(file, null);
  if (manifest.database.kind !== config.database.kind) {
    throw new RestoreError(
      'wrong_database',
      `Bản sao lưu là của ${manifest.database.kind === 'sqlite' ? 'SQLite' : 'PostgreSQL'}, còn cấu hình hiện tại dùng ` +
        `${config.database.kind === 'sqlite' ? 'SQLite' : 'PostgreSQL'} (DATABASE_URL). Không ghi gì.`,
    );
  }
  const existing = existingData(config, manifest);
  const pgBusy =
    config.database.kind === 'postgres' &&
    manifest.database.entry !== null &&
    (await postgresHasData(config.database.url));
  if ((existing.length > 0 || pgBusy) && !options.force) {
    throw new RestoreError(
      'target_not_empty',
      `Thư mục dữ liệu ${config.dataDir} đã có dữ liệu${pgBusy ? ' (và cơ sở dữ liệu PostgreSQL đã có bảng)' : ''}: ` +
        `${[...existing, ...(pgBusy ? ['PostgreSQL'] : [])].join(', ')}. Không ghi gì. Khôi phục vào một thư mục trống ` +
        '(THONGHANH_DATA_DIR), hoặc thêm --force để thay (dữ liệu cũ được chuyển sang thư mục before-restore-…).',
    );
  }

  await mkdir(config.dataDir, { recursive: true });
  const staging = join(config.dataDir, `.restore-${randomBytes(6).toString('hex')}`);
  await mkdir(staging, { mode: 0o700 });
  const notes: string[] = [];
  let movedAside: string | null = null;
  try {
    // Read again, writing: the file may have changed since the check; every checksum is checked again.
    await readArchive(file, (name) => {
      // Names were checked against a fixed list before this runs: no path leaves `staging`.
      const path = join(staging, name);
      mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
      return createWriteStream(path, { mode: 0o600, flags: 'wx' });
    });
    if (manifest.database.kind === 'sqlite' && manifest.database.entry) {
      checkSqlite(join(staging, manifest.database.entry), manifest, file);
    }
    if (config.database.kind === 'postgres' && manifest.database.entry) {
      const dump = join(staging, manifest.database.entry);
      const tool = options.pgRestore === 'skip' ? null : findOnPath('pg_restore');
      if (tool) {
        await runPgTool(
          tool,
          [
            ...pgRestoreArgs(dump, options.force === true).slice(0, -1),
            `--dbname=${pgEnv(config.database.url).PGDATABASE ?? ''}`,
            dump,
          ],
          config.database.url,
        );
      } else {
        const kept = join(config.dataDir, `restore-${ENTRY_NAMES.pgDump}`);
        await rename(dump, kept);
        notes.push(
          `Chưa khôi phục cơ sở dữ liệu PostgreSQL (không tìm thấy pg_restore). Chạy:\n  ${shellCommand('pg_restore', pgRestoreArgs(kept, false), '--dbname=')}`,
        );
      }
    } else if (config.database.kind === 'postgres') {
      notes.push(
        'Bản sao lưu không chứa cơ sở dữ liệu PostgreSQL: khôi phục bằng pg_restore từ bản pg_dump làm cùng lúc ' +
          `(lệnh sao lưu đã in: ${manifest.database.pgDumpCommand ?? 'pg_dump'}).`,
      );
    }

    if (existing.length > 0) {
      movedAside = join(
        config.dataDir,
        `before-restore-${(options.now ?? new Date()).toISOString().replace(/[:.]/g, '-')}`,
      );
      await mkdir(movedAside, { recursive: true, mode: 0o700 });
      for (const path of existing)
        await rename(path, join(movedAside, path.slice(config.dataDir.length + 1).replace(/\//g, '_')));
    }
    const place = async (name: string, to: string) => {
      const from = join(staging, name);
      if (!existsSync(from)) return;
      await mkdir(dirname(to), { recursive: true, mode: 0o700 });
      await rename(from, to);
    };
    if (config.database.kind === 'sqlite') await place(ENTRY_NAMES.sqlite, config.database.file);
    await place(ENTRY_NAMES.anchors, config.auditAnchorsFile);
    await place(ENTRY_NAMES.masterKey, join(config.keysDir, MASTER_KEY_FILE));
    await place(ENTRY_NAMES.auditKey, join(config.keysDir, AUDIT_KEY_FILE));
    if (existsSync(join(staging, 'uploads'))) {
      await rm(config.uploadsDir, { recursive: true, force: true });
      await rename(join(staging, 'uploads'), config.uploadsDir);
    }
  } finally {
    await rm(staging, { recursive: true, force: true });
  }

  const missing = [
    ...(manifest.database.masterKeyIds.length > 0 &&
    !config.masterKey &&
    !existsSync(join(config.keysDir, MASTER_KEY_FILE))
      ? [`${MASTER_KEY_FILE} (khóa chính ${manifest.database.masterKeyIds.join(', ')})`]
      : []),
    ...(manifest.database.auditKeyId && !config.auditKey && !existsSync(join(config.keysDir, AUDIT_KEY_FILE))
      ? [`${AUDIT_KEY_FILE} (khóa nhật ký ${manifest.database.auditKeyId})`]
      : []),
  ];
  if (missing.length > 0) {
    notes.push(
      `Chép ${missing.join(' và ')} từ nơi cất giữ khóa vào ${config.keysDir} (quyền 0600) trước khi chạy ` +
        'thonghanh serve: thiếu chúng, máy chủ không khởi động.',
    );
  }
  return { manifest, files: manifest.files.length, movedAside, notes };
}
