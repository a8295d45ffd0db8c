/**
 * What post-inspection (hậu kiểm) looks for, one code per kind of finding. Plain data, no
 * zod: the back office's filters import it (`@thonghanh/contract/anomaly-kinds`).
 */
export const ANOMALY_KINDS = [
  'revoked_presented',
  'expired_presented',
  'forged',
  'off_route',
  'off_schedule',
  'copy_suspected',
  'identity_mismatch',
  'never_scanned',
  'unit_high_failure',
] as const;
export type AnomalyKind = (typeof ANOMALY_KINDS)[number];
