import { VERDICT_TEXT, VERDICTS, WARNINGS } from '@thonghanh/core';

/**
 * What a scan record may say happened: the spec's verdicts; `manual_found` /
 * `manual_not_found` for typed look-ups (nothing verified cryptographically); and
 * `cannot_verify` when the device had no usable trust or revocation list for this code (the
 * list never loaded, or too old to know its key): not a verdict on the permit, so statistics
 * count it apart from the invalid ones. Plain data, no zod.
 */
export const SCAN_VERDICTS = [...VERDICTS, 'manual_found', 'manual_not_found', 'cannot_verify'] as const;
export type ScanVerdict = (typeof SCAN_VERDICTS)[number];
/** `lists_stale`: the lists are older than the app trusts; `lists_missing`: never loaded. */
export const SCAN_WARNINGS = [...WARNINGS, 'lists_stale', 'lists_missing'] as const;
export type ScanWarning = (typeof SCAN_WARNINGS)[number];
export const SCAN_KINDS = ['permit', 'unit', 'manual', 'other'] as const;
export type ScanKind = (typeof SCAN_KINDS)[number];

/**
 * One short Vietnamese label per scan verdict, as the scan log, its Excel export and the
 * statistics show it: the spec's verdicts keep the headline the checkpoint app and /p1 show
 * (core's VERDICT_TEXT), so an officer reads the same words everywhere.
 */
export const SCAN_VERDICT_LABELS: Readonly<Record<ScanVerdict, string>> = {
  ...(Object.fromEntries(VERDICTS.map((v) => [v, VERDICT_TEXT[v].headline])) as Record<
    (typeof VERDICTS)[number],
    string
  >),
  manual_found: 'Tra cứu: có trong danh sách',
  manual_not_found: 'Tra cứu: không có trong danh sách',
  cannot_verify: 'KHÔNG THỂ XÁC MINH',
};

/** Short labels of the scan warnings (the app's own warnings included), for lists and badges. */
export const SCAN_WARNING_LABELS: Readonly<Record<ScanWarning, string>> = {
  off_route: 'Ngoài lộ trình',
  outside_schedule: 'Ngoài thời gian làm việc',
  untrusted_origin: 'Địa chỉ không chính thức',
  identity_mismatch: 'Giấy tờ không khớp',
  lists_stale: 'Danh sách đã cũ',
  lists_missing: 'Chưa có danh sách',
};

/** A label for any verdict text (an old scan may carry one this version no longer knows). */
export const scanVerdictLabel = (v: string): string => (SCAN_VERDICT_LABELS as Record<string, string>)[v] ?? v;
export const scanWarningLabel = (w: string): string => (SCAN_WARNING_LABELS as Record<string, string>)[w] ?? w;
