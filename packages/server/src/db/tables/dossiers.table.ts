import type { DossierChannel, DossierKind, DossierState } from '@thonghanh/contract/dossier-states';
import type { Selectable } from 'kysely';

/** The states, kinds and channels are the API contract's (packages/contract/src/dossier-states.ts). */
export type { DossierChannel, DossierKind, DossierState };

/**
 * `dossiers` (hồ sơ): a business's plan and staff list sent to its ward. `initial` registers
 * the business's list; `amendment` adds people to an approved list. States and who moves
 * them: workflow/transitions.ts.
 */
export interface DossiersTable {
  id: string;
  business_id: string;
  ward_code: string;
  district_code: string;
  province_code: string;
  kind: DossierKind;
  channel: DossierChannel;
  state: DossierState;
  /** The plan's period, `YYYY-MM-DD`: permits must fall inside it. */
  plan_from: string;
  plan_to: string;
  /** The business's (or the desk's intake) description. */
  note: string;
  /** Given at approval: `<n>/<suffix>`, counted per ward and year (e.g. `85/UBND-ĐG`). */
  reference_number: string | null;
  /** Last (re)submission. */
  submitted_at: string | null;
  /** submitted_at + the ward's due_days. */
  due_at: string | null;
  /** When the 24-hour deadline reminder went to the desk (for this due_at). */
  reminded_at: string | null;
  health_confirmed_at: string | null;
  /** Approval or rejection. */
  decided_at: string | null;
  /** The note of the last transition (return/reject/suspend reason). */
  state_note: string | null;
  /** Who approved (the leader, or the desk when the ward keeps the desk's approval), copied at approval. */
  approved_by: string | null;
  approved_by_name: string | null;
  approved_by_title: string | null;
  /** The representative's commitment (ký cam kết) made with the last submission: name, text, when, account. */
  commitment_name: string | null;
  commitment_text: string | null;
  committed_at: string | null;
  committed_by: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** `dossier_events`: every transition, with who, when and why. */
export interface DossierEventsTable {
  id: string;
  dossier_id: string;
  /** 1, 2, 3 … within the dossier: the timeline's order. */
  seq: number;
  actor_id: string | null;
  actor_role: string;
  /** The transition's name (`submit`, `confirm_health`, …), `create`, or an attachment event (`attachment_added`, `attachment_superseded`, `attachment_removed`). */
  action: string;
  from_state: DossierState | null;
  to_state: DossierState;
  note: string | null;
  at: string;
  /** Attachment events: canonical JSON `{attachmentId, fileName, version, replacesId?, …}`; else null. */
  detail: string | null;
}

/**
 * `dossier_attachments`: the plan's files (PDF, JPEG, PNG), stored through `storage`. Evidence:
 * once the dossier has been submitted a file is never deleted or overwritten; a correction is
 * a new version that supersedes it (dossiers/attachments/add-attachment.ts).
 */
export interface DossierAttachmentsTable {
  id: string;
  dossier_id: string;
  /** The storage's random key. */
  storage_key: string;
  /** The uploaded name, sanitised (metadata only: never a path). */
  file_name: string;
  /** Sniffed from the content. */
  content_type: string;
  size: number;
  sha256: string;
  uploaded_by: string | null;
  uploaded_at: string;
  /** 1 for a first upload; a new version of a file is the old one's version + 1. */
  version: number;
  /** The attachment this version supersedes (null for a first upload). */
  replaces_id: string | null;
  /** The newer version that superseded this one; null while it is the current version. */
  superseded_by: string | null;
  superseded_at: string | null;
  /** Why this version was made (a correction's reason), if given. */
  note: string | null;
}

/** `reference_counters`: the last reference number per ward and year. */
export interface ReferenceCountersTable {
  ward_code: string;
  year: number;
  seq: number;
}

export type DossierRow = Selectable<DossiersTable>;
export type DossierEventRow = Selectable<DossierEventsTable>;
export type DossierAttachmentRow = Selectable<DossierAttachmentsTable>;
