import { base64urlDecode, base64urlEncode } from './bytes.js';
import { fail, ok, type Result } from './result.js';
import { parseIsoSeconds } from './time.js';

export const REVOKED_FORMAT = 'thonghanh-revoked/1';

export interface RevocationListJson {
  format: typeof REVOKED_FORMAT;
  updated: string;
  version: number;
  revoked: string[];
}

export interface RevocationList {
  version: number;
  updated: number;
  /** Canonical base64url of each revoked 16-byte cti. */
  revoked: Set<string>;
}

export type RevocationListError = 'revocation_list_format' | 'revocation_list_invalid';

export const EMPTY_REVOCATION_LIST: RevocationList = { version: 0, updated: 0, revoked: new Set() };

/** Reads a revocation list; entries that are not a 16-byte cti are skipped. */
export function loadRevocationList(input: unknown): Result<RevocationList, RevocationListError> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return fail('revocation_list_invalid', 'Danh sách thu hồi không phải đối tượng JSON');
  }
  const o = input as Record<string, unknown>;
  if (o.format !== REVOKED_FORMAT) {
    return fail('revocation_list_format', `Danh sách thu hồi có định dạng không hỗ trợ: ${String(o.format)}`);
  }
  const version = o.version;
  if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 0) {
    return fail('revocation_list_invalid', 'Danh sách thu hồi thiếu số phiên bản (version)');
  }
  const updated = parseIsoSeconds(o.updated);
  if (updated === null) return fail('revocation_list_invalid', 'Danh sách thu hồi thiếu thời điểm cập nhật (updated)');
  if (!Array.isArray(o.revoked)) return fail('revocation_list_invalid', 'Danh sách thu hồi thiếu mảng revoked');
  const revoked = new Set<string>();
  for (const r of o.revoked) {
    const bytes = typeof r === 'string' ? base64urlDecode(r.replace(/=+$/, '')) : null;
    if (bytes && bytes.length === 16) revoked.add(base64urlEncode(bytes));
  }
  return ok({ version, updated, revoked });
}

/** Of two revocation lists, the one with the higher version wins. */
export function newerRevocationList<T extends { version: number }>(a: T, b: T): T {
  return b.version > a.version ? b : a;
}
