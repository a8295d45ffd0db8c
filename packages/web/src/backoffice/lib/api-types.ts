import type {
  adminUnitSchema,
  adminUnitWithAncestorsSchema,
  auditEntrySchema,
  auditPageSchema,
  batchSchema,
  businessChangeSchema,
  businessSchema,
  caseDetailSchema,
  caseSchema,
  checkpointSchema,
  findingSchema,
  findingsPageSchema,
  issuePermitsResponse,
  permitSchema,
  scanSchema,
  sessionSchema,
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
 * The rest are still mirrored by hand, checked by e2e/backoffice-contract.test.ts.
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

export type DossierState =
  | 'draft'
  | 'submitted'
  | 'health_confirmed'
  | 'awaiting_leader'
  | 'approved'
  | 'returned'
  | 'rejected'
  | 'suspended';
export type DossierChannel = 'online' | 'email' | 'post' | 'in_person';
export type DossierKind = 'initial' | 'amendment';
export type DossierAction =
  | 'submit'
  | 'confirm_health'
  | 'return'
  | 'send_for_signature'
  | 'return_to_desk'
  | 'approve'
  | 'reject'
  | 'suspend'
  | 'reinstate'
  | 'reopen';

export interface Dossier {
  id: string;
  businessId: string;
  businessName: string;
  businessTaxCode: string;
  wardCode: string;
  wardName: string;
  kind: DossierKind;
  channel: DossierChannel;
  state: DossierState;
  stateLabel: string;
  stateNote: string | null;
  planFrom: string;
  planTo: string;
  note: string;
  referenceNumber: string | null;
  submittedAt: string | null;
  dueAt: string | null;
  overdue: boolean;
  healthConfirmedAt: string | null;
  decidedAt: string | null;
  /** Who signed the approval (the ward leader, or the desk where the ward keeps its approval). */
  approvedBy: { name: string; title: string | null } | null;
  /** The representative's commitment made with the last submission. */
  commitment: { name: string; text: string; at: string } | null;
  approval: 'leader' | 'desk';
  staffCount: number;
  actions: DossierAction[];
  editable: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface DossierEvent {
  id: string;
  action: string;
  actionLabel: string;
  fromState: string | null;
  toState: string;
  actorId: string | null;
  actorName: string | null;
  actorRole: string;
  note: string | null;
  at: string;
  /** Attachment events: which file, which version, which one it replaced. */
  attachment: {
    attachmentId: string;
    fileName: string;
    version: number;
    sha256: string;
    replacesId?: string;
    replacedFileName?: string;
    replacedVersion?: number;
  } | null;
}

export interface Attachment {
  id: string;
  dossierId: string;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  uploadedAt: string;
  uploadedById: string | null;
  uploadedByName: string | null;
  /** 1 for a first upload, + 1 for each new version. */
  version: number;
  replacesId: string | null;
  /** The newer version that replaced this one; null while current. */
  supersededById: string | null;
  supersededAt: string | null;
  note: string | null;
  url: string;
}

export interface DossierDetail extends Dossier {
  events: DossierEvent[];
  /** Every version of every file, oldest first. */
  attachments: Attachment[];
  /** Upload a file or a new version; delete (only while the dossier is a draft). */
  fileRights: { upload: boolean; delete: boolean };
  /** The commitment text the representative signs when submitting. */
  commitmentText: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface Problem {
  /** Spreadsheet row (header = 1; 0 = the whole file). */
  row: number;
  field: string | null;
  code: string;
  message: string;
}

export interface ImportResult {
  rows: number;
  valid: number;
  errors: Problem[];
  warnings: Problem[];
  saved: boolean;
  savedCount: number;
  replacedCount: number;
}

export type StaffStatus = 'pending' | 'approved' | 'removed';
export type IdType = 'CCCD' | 'CMND' | 'PASSPORT';

export interface Schedule {
  days: number[];
  start: string;
  end: string;
}

export interface StaffMember {
  id: string;
  businessId: string;
  dossierId: string;
  status: StaffStatus;
  statusLabel: string;
  fullName: string;
  idType: IdType;
  idNumber: string;
  dateOfBirth: string;
  position: string | null;
  phone: string | null;
  residenceAddress: string;
  residenceWard: string | null;
  workplace: string | null;
  routeFrom: string;
  routeTo: string;
  routeWards: string[];
  schedule: Schedule;
  sourceRow: number | null;
  createdAt: string;
  approvedAt: string | null;
  removedAt: string | null;
  removedReason: string | null;
}

/** One person as typed in a form: the template's texts (dates dd/mm/yyyy, days "T2-T7"). */
export interface StaffEntryInput {
  fullName: string;
  idType: string;
  idNumber: string;
  dateOfBirth: string;
  position?: string | null;
  phone?: string | null;
  residenceAddress: string;
  residenceWard?: string | null;
  workplace?: string | null;
  routeFrom: string;
  routeTo: string;
  routeWards?: string | null;
  scheduleDays: string;
  scheduleStart: string;
  scheduleEnd: string;
}

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
