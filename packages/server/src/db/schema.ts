import type { Kysely, Transaction } from 'kysely';
import type { AdminUnitsTable } from './tables/admin-units.table.js';
import type { AuditHeadTable, AuditLogTable } from './tables/audit-log.table.js';
import type { BusinessChangesTable } from './tables/business-changes.table.js';
import type { BusinessesTable } from './tables/businesses.table.js';
import type { CheckpointsTable } from './tables/checkpoints.table.js';
import type {
  DossierAttachmentsTable,
  DossierEventsTable,
  DossiersTable,
  ReferenceCountersTable,
} from './tables/dossiers.table.js';
import type {
  InspectionCaseEntriesTable,
  InspectionCasesTable,
  ScanClosePairsTable,
  ScanCredentialSpansTable,
  ScanHourlyCountsTable,
  ScanUnitDaysTable,
} from './tables/inspection.table.js';
import type { PermitBatchesTable } from './tables/permit-batches.table.js';
import type {
  ListVersionsTable,
  PermitCountersTable,
  PermitSerialSuffixesTable,
  PermitsTable,
  UnitCredentialsTable,
} from './tables/permits.table.js';
import type { RateLimitsTable } from './tables/rate-limits.table.js';
import type { ScansTable } from './tables/scans.table.js';
import type { SessionsTable } from './tables/sessions.table.js';
import type { StaffMembersTable } from './tables/staff-members.table.js';
import type { UsersTable } from './tables/users.table.js';
import type { WardCurrentKeysTable, WardDocumentKeysTable, WardKeysTable } from './tables/ward-keys.table.js';
import type { WardSettingsTable } from './tables/ward-settings.table.js';

/**
 * The whole database, one interface per table (in `tables/`). Portable types only: ids and
 * timestamps are text (UUIDs; ISO-8601 UTC), booleans integers 0/1, JSON text.
 */
export interface Database {
  admin_units: AdminUnitsTable;
  users: UsersTable;
  sessions: SessionsTable;
  rate_limits: RateLimitsTable;
  checkpoints: CheckpointsTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  ward_settings: WardSettingsTable;
  businesses: BusinessesTable;
  business_changes: BusinessChangesTable;
  dossiers: DossiersTable;
  dossier_events: DossierEventsTable;
  dossier_attachments: DossierAttachmentsTable;
  staff_members: StaffMembersTable;
  reference_counters: ReferenceCountersTable;
  ward_keys: WardKeysTable;
  ward_current_keys: WardCurrentKeysTable;
  ward_document_keys: WardDocumentKeysTable;
  permit_serial_suffixes: PermitSerialSuffixesTable;
  permit_counters: PermitCountersTable;
  permits: PermitsTable;
  permit_batches: PermitBatchesTable;
  unit_credentials: UnitCredentialsTable;
  list_versions: ListVersionsTable;
  scans: ScansTable;
  scan_hourly_counts: ScanHourlyCountsTable;
  scan_close_pairs: ScanClosePairsTable;
  scan_unit_days: ScanUnitDaysTable;
  scan_credential_spans: ScanCredentialSpansTable;
  inspection_cases: InspectionCasesTable;
  inspection_case_entries: InspectionCaseEntriesTable;
}

/** The database handle, passed in to every function that needs it. */
export type Db = Kysely<Database>;
/** A transaction: what write commands take. */
export type Tx = Transaction<Database>;
/** Either: read functions accept both. */
export type Executor = Kysely<Database>;

export type * from './tables/admin-units.table.js';
export type * from './tables/audit-log.table.js';
export type * from './tables/business-changes.table.js';
export type * from './tables/businesses.table.js';
export type * from './tables/checkpoints.table.js';
export type * from './tables/dossiers.table.js';
export type * from './tables/inspection.table.js';
export type * from './tables/permit-batches.table.js';
export type * from './tables/permits.table.js';
export type * from './tables/rate-limits.table.js';
export type * from './tables/scans.table.js';
export type * from './tables/sessions.table.js';
export type * from './tables/staff-members.table.js';
export type * from './tables/users.table.js';
export type * from './tables/ward-keys.table.js';
export type * from './tables/ward-settings.table.js';
