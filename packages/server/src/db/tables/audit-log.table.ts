import type { Selectable } from 'kysely';

/** `audit_log`: append-only, hash-chained (audit/append-audit.ts). */
export interface AuditLogTable {
  /** 1, 2, 3 … without gaps, assigned under the `audit_head` row lock. */
  seq: number;
  at: string;
  actor_id: string | null;
  actor_role: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  ward_code: string | null;
  /** Canonical JSON (sorted keys). */
  detail: string;
  prev_hash: string;
  /** SHA-256 hex over prev_hash and the canonical row. */
  hash: string;
  /**
   * HMAC-SHA-256 (hex) of (seq, hash) with the audit key kept outside the database
   * (audit/audit-key.ts): a database writer cannot re-sign a row they change. Null only for
   * rows written before migration 014.
   */
  mac: string | null;
}

/** `audit_head`: one row (id 1), the last seq and hash; updating it serialises appends. */
export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
  /** The id of the audit key that signs the log (null until the first signed row). */
  key_id: string | null;
}

export type AuditLogRow = Selectable<AuditLogTable>;
