/**
 * audit(): the cost of one append, on SQLite and (with DATABASE_URL) PostgreSQL, before and
 * after rows were signed. Two shapes: one row per transaction (what a request does: the
 * transaction's own cost included) and 200 rows in one transaction (the append alone). The
 * unsigned append of before (kept below, as it was) and today's signed audit() run in
 * alternating rounds on the same database, so the shared machine's load falls on both alike.
 * Reports µs per row, median of 7 rounds each.
 *
 *   node --import tsx bench/audit-append.ts
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test node --import tsx bench/audit-append.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { audit } from '../packages/server/src/audit/append-audit.js';
import { auditRowHash } from '../packages/server/src/audit/audit-hash.js';
import { canonicalJson } from '../packages/server/src/audit/canonical-json.js';
import { createDatabase } from '../packages/server/src/db/database.js';
import { migrateOrThrow } from '../packages/server/src/db/migrate.js';
import type { Db } from '../packages/server/src/db/schema.js';
import { prepareBenchAudit } from './bench-audit-key.js';
import { openBenchDatabase } from './bench-database.js';

export interface AuditAppendResult {
  database: 'sqlite' | 'postgres';
  append: 'before (unsigned)' | 'signed';
  'one row per transaction (µs/row)': string;
  '200 rows in one transaction (µs/row)': string;
  'HMAC alone (µs/row)': string;
}

/** audit() as it was before rows were signed (commit 87bfd43), for the comparison. */
async function unsignedAppend(tx: Db, action: string, detail: Record<string, unknown>): Promise<void> {
  const head = await tx
    .updateTable('audit_head')
    .set((eb) => ({ seq: eb('seq', '+', 1) }))
    .where('id', '=', 1)
    .returning(['seq', 'hash'])
    .executeTakeFirstOrThrow();
  const row = {
    seq: Number(head.seq),
    at: new Date().toISOString(),
    actor_id: ACTOR.id,
    actor_role: ACTOR.role,
    action,
    entity_type: ENTITY.type,
    entity_id: ENTITY.id,
    ward_code: ENTITY.wardCode,
    detail: canonicalJson(detail),
    prev_hash: head.hash,
  };
  const hash = auditRowHash(row);
  await tx
    .insertInto('audit_log')
    .values({ ...row, hash, mac: null })
    .execute();
  await tx.updateTable('audit_head').set({ hash }).where('id', '=', 1).execute();
}

const ACTOR = { id: 'bench-user', role: 'ward_officer' };
const ENTITY = { type: 'dossier', id: 'bench-dossier', wardCode: '00124' };
const DETAIL = { from: 'submitted', to: 'health_confirmed', note: 'Đã kiểm tra phương án phòng dịch' };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

async function perRowMicros(db: Db, transactions: number, rowsEach: number, signed: boolean): Promise<number> {
  const t0 = performance.now();
  for (let i = 0; i < transactions; i++) {
    await db.transaction().execute(async (tx) => {
      for (let j = 0; j < rowsEach; j++) {
        if (signed) await audit(tx, ACTOR, 'dossier.health_confirmed', ENTITY, DETAIL);
        else await unsignedAppend(tx, 'dossier.health_confirmed', DETAIL);
      }
    });
  }
  return ((performance.now() - t0) * 1000) / (transactions * rowsEach);
}

export async function benchAuditAppendOn(kind: 'sqlite' | 'postgres'): Promise<AuditAppendResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'thonghanh-bench-audit-'));
  const { config, drop } = await openBenchDatabase(kind, dir);
  const db = createDatabase(config, { poolSize: 2 });
  try {
    await migrateOrThrow(db);
    const signatureMicros = await prepareBenchAudit(db, dir);
    const single = { before: [] as number[], signed: [] as number[] };
    const batch = { before: [] as number[], signed: [] as number[] };
    await perRowMicros(db, 50, 4, true); // warm up
    await perRowMicros(db, 50, 4, false);
    for (let round = 0; round < 7; round++) {
      for (const signed of round % 2 === 0 ? [false, true] : [true, false]) {
        const k = signed ? 'signed' : 'before';
        single[k].push(await perRowMicros(db, 300, 1, signed));
        batch[k].push(await perRowMicros(db, 3, 200, signed));
      }
    }
    return (['before', 'signed'] as const).map((k) => ({
      database: kind,
      append: k === 'before' ? 'before (unsigned)' : 'signed',
      'one row per transaction (µs/row)': median(single[k]).toFixed(0),
      '200 rows in one transaction (µs/row)': median(batch[k]).toFixed(0),
      'HMAC alone (µs/row)': k === 'before' || signatureMicros === null ? '—' : signatureMicros.toFixed(1),
    }));
  } finally {
    await db.destroy();
    await drop();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchAuditAppend(): Promise<AuditAppendResult[]> {
  const kinds: Array<'sqlite' | 'postgres'> = process.env.DATABASE_URL?.startsWith('postgres')
    ? ['sqlite', 'postgres']
    : ['sqlite'];
  const out: AuditAppendResult[] = [];
  for (const kind of kinds) out.push(...(await benchAuditAppendOn(kind)));
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.table(await benchAuditAppend());
}
