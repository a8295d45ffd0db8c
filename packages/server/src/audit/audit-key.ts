import { createHmac, timingSafeEqual } from 'node:crypto';
import { join } from 'node:path';
import type { Config } from '../config.js';
import { identityOf } from '../db/database.js';
import type { Executor } from '../db/schema.js';
import { keyIdOf, readKeyFile } from '../keys/key-file.js';
import { KeyProblemError } from '../keys/key-problem-error.js';

/**
 * The key that signs the audit log: every row's `mac` and every line of the anchors file
 * (HMAC-SHA-256). It lives outside the database — THONGHANH_AUDIT_KEY (base64 of 32 bytes) or
 * `<dataDir>/keys/audit.key` (mode 0600, made on first use like master.key) — so someone who
 * can only write the database cannot re-sign what they change. docs/architecture.md "Audit log".
 */
export interface AuditKey {
  key: Buffer;
  /** First 8 bytes of SHA-256 of the key, hex: kept in `audit_head.key_id` to name the key the log needs. */
  id: string;
  source: 'env' | 'file';
}

export type AuditKeySource = Pick<Config, 'auditKey' | 'keysDir'>;

export const AUDIT_KEY_FILE = 'audit.key';

export type AuditKeyProblem = 'audit_key_missing' | 'audit_key_mismatch' | 'audit_key_invalid' | 'audit_key_unbound';

/** The audit log cannot be written (or checked) with the key at hand; the message says what to do. */
export class AuditKeyError extends KeyProblemError<AuditKeyProblem> {
  override name = 'AuditKeyError';
}

const loaded = new Map<string, AuditKey>();

function where(source: AuditKeySource): string {
  return source.auditKey ? 'THONGHANH_AUDIT_KEY' : join(source.keysDir, AUDIT_KEY_FILE);
}

function parse(text: string, source: AuditKeySource): AuditKey {
  const key = Buffer.from(text.trim(), 'base64');
  if (key.length !== 32) {
    throw new AuditKeyError('audit_key_invalid', `${where(source)} phải chứa base64 của đúng 32 byte.`);
  }
  return { key, id: keyIdOf(key), source: source.auditKey ? 'env' : 'file' };
}

function load(source: AuditKeySource, create: boolean, fresh = false): AuditKey | null {
  const cacheKey = source.auditKey ? `env:${source.auditKey}` : `file:${source.keysDir}`;
  const cached = fresh ? undefined : loaded.get(cacheKey);
  if (cached) return cached;
  const text = source.auditKey ?? readKeyFile(source.keysDir, AUDIT_KEY_FILE, { create });
  if (text === null) return null;
  const key = parse(text, source);
  loaded.set(cacheKey, key);
  return key;
}

/**
 * The audit key if one is configured or on disk; never makes one. Kept once read (audit()
 * asks on every append); `fresh` reads the file again (start-up, after a key was put back).
 */
export const findAuditKey = (source: AuditKeySource, options: { fresh?: boolean } = {}): AuditKey | null =>
  load(source, false, options.fresh === true);

/** The audit key, making `keys/audit.key` when there is none (a new deployment). */
export const loadOrCreateAuditKey = (source: AuditKeySource): AuditKey => load(source, true) as AuditKey;

export const auditKeyMissing = (source: AuditKeySource, needed: string) =>
  new AuditKeyError(
    'audit_key_missing',
    `Nhật ký hệ thống đã được ký bằng khóa nhật ký ${needed}, nhưng không tìm thấy khóa này ` +
      `(${where(source)}). Hãy chép lại tệp audit.key từ nơi cất giữ khóa (cùng chỗ với master.key, ` +
      `tách khỏi bản sao lưu dữ liệu) vào ${source.keysDir} với quyền 0600, hoặc đặt THONGHANH_AUDIT_KEY, ` +
      'rồi chạy lại. Xem docs/operations.md.',
  );

export const auditKeyMismatch = (source: AuditKeySource, key: AuditKey, needed: string) =>
  new AuditKeyError(
    'audit_key_mismatch',
    `Khóa nhật ký đang dùng (${key.id}, từ ${where(source)}) không phải khóa đã ký nhật ký hệ thống ` +
      `(${needed}). Thường gặp khi khôi phục dữ liệu mà không mang theo đúng tệp audit.key. ` +
      'Hãy đặt lại đúng khóa nhật ký rồi chạy lại. Xem docs/operations.md.',
  );

/** Where each database's audit key comes from, by database identity (db/database.ts). */
const sources = new Map<string, AuditKeySource>();

/**
 * Says where the audit key of this database is: done once where a database is opened
 * (server start-up, the command line, tests, benchmarks), so `audit()` — called from every
 * command with only a transaction — finds it without a parameter on every call. Every handle
 * on the same database (another pool, a transaction) finds it too.
 */
export function bindAuditKey(db: Executor, source: AuditKeySource): void {
  const identity = identityOf(db);
  if (!identity) throw new Error('bindAuditKey: the handle was not opened by createDatabase');
  sources.set(identity, { auditKey: source.auditKey, keysDir: source.keysDir });
}

/** The source bound to this database, or undefined. */
export function boundAuditKeySource(db: Executor): AuditKeySource | undefined {
  const identity = identityOf(db);
  return identity ? sources.get(identity) : undefined;
}

/**
 * The key that signs the next row of this database's log, given the key id the log's head
 * names (null while nothing was signed yet: a key is then made if none exists). Throws an
 * AuditKeyError when it is missing or another key: appending would break the log.
 */
export function auditKeyFor(db: Executor, headKeyId: string | null): AuditKey {
  const source = boundAuditKeySource(db);
  if (!source) {
    throw new AuditKeyError(
      'audit_key_unbound',
      'Chưa chỉ định khóa nhật ký cho cơ sở dữ liệu này (bindAuditKey sau createDatabase).',
    );
  }
  if (headKeyId === null) return loadOrCreateAuditKey(source);
  const key = findAuditKey(source);
  if (!key) throw auditKeyMissing(source, headKeyId);
  if (key.id !== headKeyId) throw auditKeyMismatch(source, key, headKeyId);
  return key;
}

const hmac = (key: AuditKey, text: string) => createHmac('sha256', key.key).update(text, 'utf8').digest('hex');

/** A row's signature: over its seq and hash (the hash covers the row and, through prev_hash, all before it). */
export const rowMac = (key: AuditKey, seq: number, hash: string): string =>
  hmac(key, `thonghanh/audit-row/v1\n${seq}\n${hash}`);

/** An anchor line's signature: the chain head (seq, hash) as seen at `at`. */
export const anchorMac = (key: AuditKey, a: { seq: number; hash: string; at: string }): string =>
  hmac(key, `thonghanh/audit-anchor/v1\n${a.seq}\n${a.hash}\n${a.at}`);

/** Constant-time comparison of two hex signatures. */
export function sameMac(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}
