import { SCAN_REFUSALS, type ScanRefusalCode } from '@thonghanh/contract';
import type { z } from 'zod';
import { SCAN_FIELD_LIMITS, type ScanInput, scanInputSchema } from './scan-schema.js';

export { SCAN_REFUSALS, type ScanRefusalCode };

/** A scan may be dated this far after the server's clock (devices' clocks drift). */
export const SCAN_FUTURE_TOLERANCE_MS = 24 * 3600_000;
/** No scan can predate the system: 01/01/2021 00:00 in Việt Nam. */
export const SCAN_EARLIEST = Date.parse('2021-01-01T00:00:00+07:00');

const FIELD_LABEL: Record<string, string> = {
  id: 'mã lượt quét',
  scannedAt: 'thời điểm quét',
  verdict: 'kết quả',
  warnings: 'cảnh báo',
  kind: 'loại',
  cti: 'mã định danh giấy (cti)',
  serial: 'số giấy',
  idNumber: 'số giấy tờ tùy thân',
  unitTaxCode: 'mã số thuế',
};

export type ScanCheck =
  | { ok: true; scan: ScanInput }
  | { ok: false; id: string | null; code: ScanRefusalCode; field?: string; message: string };

/** U+0000–U+001F and U+007F; lone surrogates (text no database can store as it came). */
const CONTROL = /[\u0000-\u001f\u007f]/;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const badText = (s: string) => CONTROL.test(s) || LONE_SURROGATE.test(s);

/** The path of the first string inside `value` that holds a control character, or null. */
function controlCharacterAt(value: unknown, path: string): string | null {
  if (typeof value === 'string') return badText(value) ? path : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = controlCharacterAt(value[i], path);
      if (hit !== null) return hit;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const hit = controlCharacterAt(v, k);
      if (hit !== null) return hit;
    }
  }
  return null;
}

/** The scan's id as sent, when it can be echoed back (the device matches answers by it). */
function idOf(raw: unknown): string | null {
  const id = raw !== null && typeof raw === 'object' ? (raw as { id?: unknown }).id : undefined;
  return typeof id === 'string' && id.length <= 64 && !badText(id) ? id : null;
}

function refuse(raw: unknown, code: ScanRefusalCode, field?: string): ScanCheck {
  const label = field ? (FIELD_LABEL[field] ?? field) : 'không phải một lượt quét';
  return {
    ok: false,
    id: idOf(raw),
    code,
    ...(field ? { field } : {}),
    message: SCAN_REFUSALS[code].replace('{field}', label),
  };
}

/**
 * Checks one scan of a batch on its own: characters first (PostgreSQL cannot store U+0000
 * and would fail the whole request), then the shape, then the time. Does not rely on any
 * request-wide character check: the batch route answers per scan.
 */
export function checkScan(raw: unknown, now: Date): ScanCheck {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return refuse(raw, 'scan_invalid');
  const control = controlCharacterAt(raw, 'scan');
  if (control !== null) return refuse(raw, 'scan_control_characters', control);
  const parsed = scanInputSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0] as z.core.$ZodIssue;
    const field = issue.path[0] === undefined ? undefined : String(issue.path[0]);
    if (field === 'verdict') return refuse(raw, 'scan_unknown_verdict', field);
    if (issue.code === 'too_big' && field && field in SCAN_FIELD_LIMITS)
      return refuse(raw, 'scan_field_too_long', field);
    return refuse(raw, 'scan_invalid', field);
  }
  const at = Date.parse(parsed.data.scannedAt);
  if (at > now.getTime() + SCAN_FUTURE_TOLERANCE_MS) return refuse(raw, 'scan_in_future', 'scannedAt');
  if (at < SCAN_EARLIEST) return refuse(raw, 'scan_too_old', 'scannedAt');
  return { ok: true, scan: parsed.data };
}
