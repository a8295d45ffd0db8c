import type { AnomalyKind } from '@thonghanh/contract';

/**
 * What post-inspection looks for. Each kind has a Vietnamese name (screens, exports) and a
 * rule (inspection/find-anomalies.ts). The checkpoint device's own verdicts and warnings are
 * the evidence; the server adds what a device cannot know (a list that was stale, a copy seen
 * at two checkpoints, permits never shown, a unit's failure rate).
 */
export { ANOMALY_KINDS, type AnomalyKind } from '@thonghanh/contract';

export const ANOMALY_LABELS: Record<AnomalyKind, string> = {
  revoked_presented: 'Xuất trình giấy đã bị thu hồi',
  expired_presented: 'Xuất trình giấy đã hết hạn',
  forged: 'Giấy giả mạo hoặc không rõ nơi cấp',
  off_route: 'Ngoài lộ trình đã đăng ký',
  off_schedule: 'Ngoài thời gian làm việc đã đăng ký',
  copy_suspected: 'Nghi giấy bị sao chụp',
  identity_mismatch: 'Giấy tờ tùy thân không khớp',
  never_scanned: 'Giấy còn hiệu lực chưa từng xuất trình',
  unit_high_failure: 'Đơn vị có tỉ lệ quét không hợp lệ cao',
};

/** Kinds found on one scan, from its verdict or its warnings. */
export const SCAN_KIND_OF_VERDICT: Record<string, AnomalyKind> = {
  revoked: 'revoked_presented',
  expired: 'expired_presented',
  bad_signature: 'forged',
  unknown_key: 'forged',
};
export const SCAN_KIND_OF_WARNING: Record<string, AnomalyKind> = {
  off_route: 'off_route',
  outside_schedule: 'off_schedule',
  identity_mismatch: 'identity_mismatch',
};
/**
 * Verdicts that are not a success when a unit's failure rate is computed. Not
 * `cannot_verify` (the checkpoint had no trust list: nobody's fault of the unit's), nor the
 * manual lookups.
 */
export const FAILING_VERDICTS = [
  'revoked',
  'expired',
  'not_yet_valid',
  'bad_signature',
  'unknown_key',
  'key_not_valid',
] as const;

/** A copy: two checkpoints farther apart than one travels at this speed in the time between … */
export const PLAUSIBLE_SPEED_KMH = 60;
/** … plus this much (coordinates and device clocks are not exact). */
export const DISTANCE_SLACK_KM = 1;
/** A unit's failure rate is judged from this many scans in the period on. */
export const MIN_SCANS_FOR_RATE = 10;
/** Default threshold of the failure rate, percent (the contract's: the query's default). */
export { DEFAULT_FAILURE_THRESHOLD } from '@thonghanh/contract';
/** A permit counts as never shown only if it was in force this long within the period. */
export const NEVER_SCANNED_MIN_MS = 86_400_000;
/** The longest period one request examines (the contract's). */
export { MAX_PERIOD_DAYS } from '@thonghanh/contract';
