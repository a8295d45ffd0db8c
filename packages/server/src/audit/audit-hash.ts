import { createHash } from 'node:crypto';
import type { AuditLogRow } from '../db/schema.js';

/** The prev_hash of the first row. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * The hash of one audit row: SHA-256 (hex) over the previous row's hash, a newline, and the
 * row's fields as a JSON array in a fixed order (detail is already canonical JSON text).
 */
export function auditRowHash(row: Omit<AuditLogRow, 'hash' | 'mac'>): string {
  const canonical = JSON.stringify([
    row.seq,
    row.at,
    row.actor_id,
    row.actor_role,
    row.action,
    row.entity_type,
    row.entity_id,
    row.ward_code,
    row.detail,
  ]);
  return createHash('sha256').update(`${row.prev_hash}\n${canonical}`, 'utf8').digest('hex');
}
