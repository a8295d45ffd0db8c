import type { Selectable } from 'kysely';

/** `scan_hourly_counts`: scans per checkpoint-owner ward, UTC hour (`YYYY-MM-DDTHH`) and verdict (the charts). */
export interface ScanHourlyCountsTable {
  ward_code: string;
  hour: string;
  verdict: string;
  district_code: string;
  province_code: string;
  n: number;
}

/** `scan_unit_days`: a unit's scans (by the tax code read) and failures per Việt Nam day and checkpoint-owner ward. */
export interface ScanUnitDaysTable {
  ward_code: string;
  /** `YYYY-MM-DD`, Việt Nam time. */
  day: string;
  unit_tax_code: string;
  district_code: string;
  province_code: string;
  total: number;
  failed: number;
}

/**
 * `scan_close_pairs`: two consecutive scans of one credential at two checkpoints within two
 * hours. Whether the distance makes them a copy is decided when read, with the checkpoints'
 * current coordinates.
 */
export interface ScanClosePairsTable {
  first_scan_id: string;
  second_scan_id: string;
  cti: string;
  first_at: string;
  second_at: string;
  first_checkpoint_id: string;
  second_checkpoint_id: string;
  first_ward_code: string;
  second_ward_code: string;
  first_district_code: string;
  second_district_code: string;
  first_province_code: string;
  second_province_code: string;
}

/**
 * `scan_credential_spans`: each scanned credential's first and last scan time, and its last
 * scan (by time, then id): inspection/credential-spans.ts.
 */
export interface ScanCredentialSpansTable {
  cti: string;
  first_at: string;
  last_at: string;
  last_scan_id: string;
  last_checkpoint_id: string;
  last_ward_code: string;
  last_district_code: string;
  last_province_code: string;
}

export type InspectionCaseState = 'open' | 'closed';
export type InspectionCaseOutcome = 'no_action' | 'unit_suspended';

/** `inspection_cases`: hồ sơ hậu kiểm, opened by the ward on one of its units. */
export interface InspectionCasesTable {
  id: string;
  business_id: string;
  ward_code: string;
  district_code: string;
  province_code: string;
  title: string;
  state: InspectionCaseState;
  outcome: InspectionCaseOutcome | null;
  opened_by: string | null;
  opened_at: string;
  closed_by: string | null;
  closed_at: string | null;
  updated_at: string;
}

export type InspectionCaseEntryKind = 'opened' | 'finding' | 'note' | 'closed' | 'unit_suspended';

/** `inspection_case_entries`: the case's timeline; a finding is kept as it was found (JSON). */
export interface InspectionCaseEntriesTable {
  id: string;
  case_id: string;
  seq: number;
  kind: InspectionCaseEntryKind;
  finding_key: string | null;
  finding_kind: string | null;
  /** The finding as presented when attached (JSON). */
  finding: string | null;
  note: string | null;
  actor_id: string | null;
  actor_role: string;
  at: string;
}

export type ScanClosePairRow = Selectable<ScanClosePairsTable>;
export type InspectionCaseRow = Selectable<InspectionCasesTable>;
export type InspectionCaseEntryRow = Selectable<InspectionCaseEntriesTable>;
