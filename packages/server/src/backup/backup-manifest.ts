import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { SERVER_PACKAGE_DIR } from '../package-dir.js';

/**
 * `manifest.json`, the last entry of a backup archive: what is inside and how to check it.
 * Every other entry is listed in `files` with its size and SHA-256; restore refuses an archive
 * whose entries are not exactly these.
 */
export const BACKUP_FORMAT = 'thonghanh-backup';
export const BACKUP_FORMAT_VERSION = 1;
export const MANIFEST = 'manifest.json';

/** The names an archive may hold, and nothing else: a restore never writes anywhere else. */
export const ENTRY_NAMES = {
  sqlite: 'thonghanh.sqlite',
  pgDump: 'database.pgdump',
  anchors: 'audit-anchors.log',
  masterKey: 'keys/master.key',
  auditKey: 'keys/audit.key',
} as const;
export const UPLOAD_ENTRY = /^uploads\/([0-9a-f]{2})\/\1[0-9a-f]{6}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const isAllowedEntry = (name: string): boolean =>
  (Object.values(ENTRY_NAMES) as string[]).includes(name) || UPLOAD_ENTRY.test(name);

const fileSchema = z.object({ path: z.string(), size: z.number().int().nonnegative(), sha256: z.string() });

export const manifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.literal(BACKUP_FORMAT_VERSION),
  appVersion: z.string(),
  createdAt: z.string(),
  database: z.object({
    kind: z.enum(['sqlite', 'postgres']),
    /** The entry holding the database (SQLite file, pg_dump archive), or null when pg_dump was not run. */
    entry: z.string().nullable(),
    /** The pg_dump command to run when `entry` is null (PostgreSQL). */
    pgDumpCommand: z.string().optional(),
    migrations: z.array(z.string()),
    /** Rows of every table, counted in the same snapshot as the copy. */
    counts: z.record(z.string(), z.number().int()),
    auditHead: z.object({ seq: z.number().int(), hash: z.string() }),
    /** The master keys the wards' current signing keys need, and the audit key the log names. */
    masterKeyIds: z.array(z.string()),
    auditKeyId: z.string().nullable(),
  }),
  files: z.array(fileSchema),
  keysIncluded: z.boolean(),
  /** Attachments the database names whose bytes were not in uploads/ when the backup ran. */
  missingUploads: z.array(z.string()),
});

export type BackupManifest = z.infer<typeof manifestSchema>;

export function appVersion(): string {
  const pkg = JSON.parse(readFileSync(join(SERVER_PACKAGE_DIR, 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}
