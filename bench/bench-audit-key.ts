import { join } from 'node:path';
import { bindAuditKey, loadOrCreateAuditKey, rowMac } from '../packages/server/src/audit/audit-key.js';
import type { Db } from '../packages/server/src/db/schema.js';

/**
 * Binds the bench database to an audit key in its folder (as start-up does) and returns what
 * one row's signature costs alone, µs (HMAC-SHA-256 over seq and hash).
 */
export async function prepareBenchAudit(db: Db, dir: string): Promise<number | null> {
  const source = { auditKey: undefined, keysDir: join(dir, 'keys') };
  bindAuditKey(db, source);
  const key = loadOrCreateAuditKey(source);
  const hash = 'a'.repeat(64);
  const n = 50_000;
  const t0 = performance.now();
  for (let i = 0; i < n; i++) rowMac(key, i, hash);
  return ((performance.now() - t0) * 1000) / n;
}
