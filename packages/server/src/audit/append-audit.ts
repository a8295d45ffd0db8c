import type { AuditAction } from '@thonghanh/core';
import type { Executor } from '../db/schema.js';
import { auditRowHash } from './audit-hash.js';
import { auditKeyFor, rowMac } from './audit-key.js';
import { canonicalJson } from './canonical-json.js';

/** Who did it: a user (id and role) or the system itself. */
export interface AuditActor {
  id: string | null;
  role: string;
}

/** What it was done to; `wardCode` is the ward whose log shows it. */
export interface AuditEntity {
  type: string;
  id: string | null;
  wardCode: string | null;
}

/** Seeds and migrations. */
export const SYSTEM_ACTOR: AuditActor = { id: null, role: 'system' };
/** The `thonghanh` command line (an operator with shell access). */
export const CLI_ACTOR: AuditActor = { id: null, role: 'cli' };

/**
 * Appends one row to the audit log, inside the transaction of the write it records (so both
 * commit or neither). Actions are `<entity>.<verb>` in the past tense (`user.created`), one of
 * core's AUDIT_ACTIONS: a new one is listed there and labelled in the back office.
 *
 * Appends are serialised by updating the single `audit_head` row first: on PostgreSQL a
 * concurrent transaction waits on that row lock and then reads the new head, so the chain
 * never forks and `seq` has no gaps. Each row is signed (`mac`) with the database's audit
 * key (audit-key.ts, bound where the database was opened); the head names that key, and an
 * append with another key, or without the key, throws an AuditKeyError instead of writing a
 * row nobody could verify.
 *
 * @example await audit(tx, actorOf(user), 'checkpoint.created', { type: 'checkpoint', id, wardCode }, { name })
 */
export async function audit(
  tx: Executor,
  actor: AuditActor,
  action: AuditAction,
  entity: AuditEntity,
  detail: Record<string, unknown> = {},
  at: Date = new Date(),
): Promise<{ seq: number; hash: string }> {
  if (!tx.isTransaction) throw new Error('audit() must run inside the transaction of the write it records');
  const head = await tx
    .updateTable('audit_head')
    .set((eb) => ({ seq: eb('seq', '+', 1) }))
    .where('id', '=', 1)
    .returning(['seq', 'hash', 'key_id'])
    .executeTakeFirstOrThrow();
  const key = auditKeyFor(tx, head.key_id);
  const row = {
    seq: Number(head.seq),
    at: at.toISOString(),
    actor_id: actor.id,
    actor_role: actor.role,
    action,
    entity_type: entity.type,
    entity_id: entity.id,
    ward_code: entity.wardCode,
    detail: canonicalJson(detail),
    prev_hash: head.hash,
  };
  const hash = auditRowHash(row);
  await tx
    .insertInto('audit_log')
    .values({ ...row, hash, mac: rowMac(key, row.seq, hash) })
    .execute();
  await tx.updateTable('audit_head').set({ hash, key_id: key.id }).where('id', '=', 1).execute();
  return { seq: row.seq, hash };
}
