import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { z } from 'zod';
import { SERVER_PACKAGE_DIR } from './package-dir.js';

/** Where the data lives: an SQLite file in the data folder, or a PostgreSQL server. */
export type DatabaseConfig = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };

export interface Config {
  port: number;
  host: string;
  /** THONGHANH_DATA_DIR: the SQLite file, `uploads/` and `keys/` live here. */
  dataDir: string;
  uploadsDir: string;
  keysDir: string;
  /**
   * The master key that encrypts the wards' private signing keys (AES-256-GCM): base64 of 32
   * bytes from THONGHANH_MASTER_KEY, or undefined to use `<keysDir>/master.key` (created with
   * mode 0600 on first use; keys/master-key.ts).
   */
  masterKey: string | undefined;
  /**
   * The key that signs the audit log (HMAC-SHA-256): base64 of 32 bytes from
   * THONGHANH_AUDIT_KEY, or undefined to use `<keysDir>/audit.key` (audit/audit-key.ts).
   */
  auditKey: string | undefined;
  /** `<dataDir>/audit-anchors.log`: signed (seq, hash, at) lines, appended after commit. */
  auditAnchorsFile: string;
  database: DatabaseConfig;
  /**
   * The address users type and printed QR codes point to (no trailing slash); cookies are
   * `Secure` and Strict-Transport-Security is sent when it is https. Default: from HOST and
   * PORT (`http://localhost:PORT` when HOST listens on every interface).
   */
  publicUrl: string;
  /** PUBLIC_URL was set; when not, start-up outside the demo warns (QR codes would point to the default). */
  publicUrlFromEnv: boolean;
  secureCookies: boolean;
  /** Send Strict-Transport-Security (PUBLIC_URL is https). */
  strictTransportSecurity: boolean;
  smtpUrl: string | undefined;
  nodeEnv: string;
  production: boolean;
  logLevel: string;
  /** Trust X-Forwarded-For (behind a reverse proxy) when computing the client IP for rate limiting. */
  trustProxy: boolean;
  /** `packages/web/dist`: served at `/` when it exists. */
  webDistDir: string;
  session: { idleMs: number; absoluteMs: number };
}

const HOUR = 3_600_000;

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default('0.0.0.0'),
  THONGHANH_DATA_DIR: z.string().min(1).optional(),
  DATABASE_URL: z.string().optional(),
  PUBLIC_URL: z.string().trim().optional(),
  SMTP_URL: z.string().optional(),
  NODE_ENV: z.string().default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  TRUST_PROXY: z.enum(['0', '1', 'true', 'false']).optional(),
  SESSION_IDLE_HOURS: z.coerce.number().positive().default(8),
  SESSION_MAX_HOURS: z.coerce.number().positive().default(24),
  THONGHANH_MASTER_KEY: z
    .string()
    .trim()
    .refine((v) => v === '' || /^[A-Za-z0-9+/_-]{43}=?$/.test(v), 'phải là base64 của đúng 32 byte')
    .optional(),
  THONGHANH_AUDIT_KEY: z
    .string()
    .trim()
    .refine((v) => v === '' || /^[A-Za-z0-9+/_-]{43}=?$/.test(v), 'phải là base64 của đúng 32 byte')
    .optional(),
});

/** Thrown when the environment cannot make a configuration: printed as is, exit 2. */
export class ConfigError extends Error {}

/**
 * Reads the configuration from the environment.
 *
 * @example loadConfig({ PORT: '0', THONGHANH_DATA_DIR: '/tmp/x' })
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Cấu hình môi trường không hợp lệ:\n  ${lines.join('\n  ')}`);
  }
  const e = parsed.data;
  const dataDir = resolve(cwd, e.THONGHANH_DATA_DIR || 'data');
  const url = e.DATABASE_URL?.trim();
  const database: DatabaseConfig = url?.match(/^postgres(ql)?:\/\//)
    ? { kind: 'postgres', url }
    : { kind: 'sqlite', file: resolve(dataDir, 'thonghanh.sqlite') };
  const production = e.NODE_ENV === 'production';
  const publicUrl = e.PUBLIC_URL ? checkPublicUrl(e.PUBLIC_URL) : defaultPublicUrl(e.HOST, e.PORT);
  const https = publicUrl.startsWith('https:');
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    uploadsDir: resolve(dataDir, 'uploads'),
    keysDir: resolve(dataDir, 'keys'),
    masterKey: e.THONGHANH_MASTER_KEY || undefined,
    auditKey: e.THONGHANH_AUDIT_KEY || undefined,
    auditAnchorsFile: resolve(dataDir, 'audit-anchors.log'),
    database,
    publicUrl,
    publicUrlFromEnv: Boolean(e.PUBLIC_URL),
    secureCookies: https,
    strictTransportSecurity: https,
    smtpUrl: e.SMTP_URL || undefined,
    nodeEnv: e.NODE_ENV,
    production,
    logLevel: e.LOG_LEVEL ?? (e.NODE_ENV === 'test' ? 'silent' : 'info'),
    trustProxy: e.TRUST_PROXY === '1' || e.TRUST_PROXY === 'true',
    webDistDir: resolve(SERVER_PACKAGE_DIR, '../web/dist'),
    session: { idleMs: e.SESSION_IDLE_HOURS * HOUR, absoluteMs: e.SESSION_MAX_HOURS * HOUR },
  };
}

/**
 * PUBLIC_URL as given, checked: http or https, a host, no user name, query or fragment (a QR
 * code's text is `<PUBLIC_URL>/p1#…`); a path prefix is kept, trailing slashes dropped.
 */
function checkPublicUrl(raw: string): string {
  const refuse = (why: string) =>
    new ConfigError(
      `PUBLIC_URL không hợp lệ (${raw}): ${why}. Ví dụ đúng: PUBLIC_URL=https://thonghanh.ducgiang.gov.vn`,
    );
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw refuse('không phải một địa chỉ web đầy đủ');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw refuse('chỉ nhận địa chỉ bắt đầu bằng http:// hoặc https://');
  if (!url.hostname) throw refuse('thiếu tên máy chủ');
  if (url.username || url.password) throw refuse('không được chứa tên đăng nhập hay mật khẩu');
  if (raw.includes('?')) throw refuse('không được có phần truy vấn (?…)');
  if (raw.includes('#')) throw refuse('không được có phần neo (#…): mã QR tự thêm #…');
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

/**
 * The address a browser on this machine reaches: HOST when it names one address, else
 * localhost (the demo then works end to end on the machine that runs it; printing for phones
 * needs PUBLIC_URL, and start-up outside the demo says so). PORT 0 (a free port, tests) gives
 * no port.
 */
export function defaultPublicUrl(host: string, port: number): string {
  const everywhere = host === '0.0.0.0' || host === '::' || host === '[::]';
  const name = everywhere ? 'localhost' : isIP(host) === 6 ? `[${host}]` : host;
  return port === 0 || port === 80 ? `http://${name}` : `http://${name}:${port}`;
}
