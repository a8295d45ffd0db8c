/** What a scan record may hold is part of the API contract (packages/contract/src/scans.ts). */
export {
  MAX_SCANS_PER_BATCH,
  SCAN_FIELD_LIMITS,
  SCAN_KINDS,
  SCAN_VERDICTS,
  SCAN_WARNINGS,
  type ScanInput,
  scanInputSchema,
} from '@thonghanh/contract';
