import type { Selectable } from 'kysely';

/** `scans`: the scan log (nhật ký quét) synced from checkpoint devices; `id` is the device's idempotency key. */
export interface ScansTable {
  id: string;
  checkpoint_id: string;
  /** The checkpoint's owner ward, district and province (area filters). */
  ward_code: string;
  district_code: string;
  province_code: string;
  officer_id: string | null;
  /** On the device. */
  scanned_at: string;
  /** When the server stored it. */
  received_at: string;
  verdict: string;
  /** JSON array of warning codes. */
  warnings: string;
  kind: string;
  cti: string | null;
  serial: string | null;
  id_number: string | null;
  unit_tax_code: string | null;
}

export type ScanRow = Selectable<ScansTable>;
