import type {
  adminUnitSchema,
  adminUnitWithAncestorsSchema,
  attachmentSchema,
  auditEntrySchema,
  auditPageSchema,
  batchSchema,
  businessChangeSchema,
  businessSchema,
  caseDetailSchema,
  caseSchema,
  checkpointSchema,
  dossierDetailSchema,
  dossierEventSchema,
  dossierSchema,
  findingSchema,
  findingsPageSchema,
  importStaffResponse,
  issuePermitsResponse,
  permitSchema,
  scanSchema,
  sessionSchema,
  staffEntryBody,
  staffMemberSchema,
  staffProblemSchema,
  statsSchema,
  statsSeriesSchema,
  unitCredentialSchema,
  userSchema,
  wardKeySchema,
  wardSettingsSchema,
} from '@thonghanh/contract';
import type { z } from 'zod';

/**
 * The API's shapes as the screens use them. Where the contract (packages/contract) has the
 * schema, the type is inferred from it: a field the server renames breaks the typecheck of
 * the screen that reads it. Type-only imports: no zod in the back office bundle.
 * api-types.test.ts keeps it so: no hand-written interface but the generic list wrappers.
 */

export type { Role, WardRole } from '@thonghanh/contract/roles';
export { WARD_ROLES } from '@thonghanh/contract/roles';

export type User = z.infer<typeof userSchema>;
export type Session = z.infer<typeof sessionSchema>;

export interface Items<T> {
  items: T[];
}

export type AdminUnit = z.infer<typeof adminUnitSchema>;
export type AdminUnitWithAncestors = z.infer<typeof adminUnitWithAncestorsSchema>;
export type Checkpoint = z.infer<typeof checkpointSchema>;
export type WardSettings = z.infer<typeof wardSettingsSchema>;
export type AuditEntry = z.infer<typeof auditEntrySchema>;
export type AuditPage = z.infer<typeof auditPageSchema>;
export type WardKey = z.infer<typeof wardKeySchema>;
export type Scan = z.infer<typeof scanSchema>;

export type { BusinessStatus, ReviewedField } from '@thonghanh/contract';
export type Business = z.infer<typeof businessSchema>;
/** A business's request to change what the ward vouches for (`/api/v1/business-changes`). */
export type BusinessChange = z.infer<typeof businessChangeSchema>;

export type {
  DossierAction,
  DossierChannel,
  DossierKind,
  DossierState,
} from '@thonghanh/contract/dossier-states';
export type Dossier = z.infer<typeof dossierSchema>;
export type DossierEvent = z.infer<typeof dossierEventSchema>;
/** One version of one file of the plan (1 for a first upload, + 1 for each new version). */
export type Attachment = z.infer<typeof attachmentSchema>;
/** A dossier with its history, every version of every file (oldest first) and the viewer's file rights. */
export type DossierDetail = z.infer<typeof dossierDetailSchema>;

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** One problem of a staff file or form: spreadsheet row (header = 1; 0 = the whole file). */
export type Problem = z.infer<typeof staffProblemSchema>;
export type ImportResult = z.infer<typeof importStaffResponse>;

export type { StaffIdType as IdType, StaffStatus } from '@thonghanh/contract';
export type StaffMember = z.infer<typeof staffMemberSchema>;
export type Schedule = StaffMember['schedule'];

/**
 * One person as typed in a form: the contract's body with the template's texts (dates
 * dd/mm/yyyy, days "T2-T7", wards as one text), the form never sends the list forms.
 */
export type StaffEntryInput = Omit<z.input<typeof staffEntryBody>, 'routeWards' | 'scheduleDays'> & {
  routeWards?: string | null;
  scheduleDays: string;
};

export type { PermitState } from '@thonghanh/contract';
export type Permit = z.infer<typeof permitSchema>;
/** A permit batch: one request to issue, worked through in chunks (GET /permits/batches/:id). */
export type PermitBatch = z.infer<typeof batchSchema>;
/** POST /permits: the batch's summary and, when already done, the first page of its permits. */
export type IssueResult = z.infer<typeof issuePermitsResponse>;
export type UnitCredential = z.infer<typeof unitCredentialSchema>;

export type Stats = z.infer<typeof statsSchema>;
export type StatsSeries = z.infer<typeof statsSeriesSchema>;

export type Finding = z.infer<typeof findingSchema>;
export type FindingsPage = z.infer<typeof findingsPageSchema>;
export type InspectionCase = z.infer<typeof caseSchema>;
export type InspectionCaseDetail = z.infer<typeof caseDetailSchema>;
