import { auditAnchorer } from '../audit/audit-anchorer.js';
import { bindAuditKey } from '../audit/audit-key.js';
import { systemClock } from '../clock.js';
import { type Config, ConfigError, loadConfig } from '../config.js';
import { createDatabase } from '../db/database.js';
import type { Db } from '../db/schema.js';
import type { CliIo } from './io.js';
import { UsageError } from './io.js';

/** Runs `work` on the database named by the environment, closing it afterwards. */
export async function withDatabase<T>(io: CliIo, work: (db: Db, config: Config) => Promise<T>): Promise<T> {
  let config: Config;
  try {
    config = loadConfig(process.env, io.cwd);
  } catch (e) {
    if (e instanceof ConfigError) throw new UsageError(e.message);
    throw e;
  }
  const db = createDatabase(config.database);
  bindAuditKey(db, config);
  try {
    const before = await headSeq(db);
    const result = await work(db, config);
    const after = await headSeq(db);
    if (after !== null && after > 0 && after !== before) await anchorNewHead(db, config, io);
    return result;
  } finally {
    await db.destroy();
  }
}

/** The audit log's last seq, or null before the database is migrated. */
const headSeq = (db: Db): Promise<number | null> =>
  db
    .selectFrom('audit_head')
    .select('seq')
    .where('id', '=', 1)
    .executeTakeFirst()
    .then((h) => (h ? Number(h.seq) : null))
    .catch(() => null);

/**
 * A command that appended to the audit log anchors the new head before it exits, as the
 * server does after requests (audit/audit-anchorer.ts); read-only commands write nothing.
 */
async function anchorNewHead(db: Db, config: Config, io: CliIo): Promise<void> {
  const failures: string[] = [];
  await auditAnchorer(db, {
    keys: config,
    file: config.auditAnchorsFile,
    clock: systemClock,
    log: (level, message) => {
      if (level === 'error') failures.push(message);
    },
  }).flush();
  if (failures.length > 0) io.err(`Cảnh báo: chưa ký được mốc nhật ký (${failures.join('; ')}).`);
}
