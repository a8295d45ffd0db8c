import type { AttachmentView, DossierEventView, DossierView } from '@thonghanh/contract';
import { type AuthUser, can, type Resource } from '../authz/index.js';
import type { DossierAttachmentRow } from '../db/schema.js';
import { ACTION_LABELS, availableActions, OPEN_STATES, STATE_LABELS } from '../workflow/transitions.js';
import type { DossierEventRecord, DossierRecord } from './dossier-query.js';

export const isOverdue = (d: Pick<DossierRecord, 'state' | 'due_at'>, now: Date): boolean =>
  OPEN_STATES.includes(d.state) && d.due_at !== null && now.toISOString() > d.due_at;

/** Can `user` change this dossier's contents now (the keeper, while draft or returned)? */
export function canEdit(user: AuthUser, d: DossierRecord): boolean {
  if (d.state !== 'draft' && d.state !== 'returned') return false;
  return d.channel === 'online' ? user.role === 'business_rep' : user.role === 'ward_officer';
}

export function presentDossier(d: DossierRecord, user: AuthUser, now: Date): DossierView {
  const readOnly = user.role === 'supervisor' || user.role === 'ward_admin';
  return {
    id: d.id,
    businessId: d.business_id,
    businessName: d.business_name,
    businessTaxCode: d.business_tax_code,
    wardCode: d.ward_code,
    wardName: d.ward_name,
    kind: d.kind,
    channel: d.channel,
    state: d.state,
    stateLabel: STATE_LABELS[d.state],
    stateNote: d.state_note,
    planFrom: d.plan_from,
    planTo: d.plan_to,
    note: d.note,
    referenceNumber: d.reference_number,
    submittedAt: d.submitted_at,
    dueAt: d.due_at,
    overdue: isOverdue(d, now),
    healthConfirmedAt: d.health_confirmed_at,
    decidedAt: d.decided_at,
    approvedBy: d.approved_by_name ? { name: d.approved_by_name, title: d.approved_by_title } : null,
    commitment:
      d.commitment_name && d.committed_at
        ? { name: d.commitment_name, text: d.commitment_text ?? '', at: d.committed_at }
        : null,
    approval: d.approval,
    staffCount: d.staff_count,
    actions: readOnly ? [] : availableActions(d, user.role),
    editable: !readOnly && canEdit(user, d),
    createdAt: d.created_at,
    updatedAt: d.updated_at,
  };
}

export const presentDossierEvent = (e: DossierEventRecord): DossierEventView => ({
  id: e.id,
  action: e.action,
  actionLabel: EVENT_LABELS[e.action] ?? e.action,
  fromState: e.from_state,
  toState: e.to_state,
  actorId: e.actor_id,
  actorName: e.actor_name,
  actorRole: e.actor_role,
  note: e.note,
  at: e.at,
  attachment: e.detail ? (JSON.parse(e.detail) as DossierEventView['attachment']) : null,
});

/** The timeline's words: the transitions' and the attachment events'. */
const EVENT_LABELS: Record<string, string> = {
  ...ACTION_LABELS,
  attachment_added: 'Tải lên tệp',
  attachment_superseded: 'Tải lên phiên bản mới của tệp',
  attachment_removed: 'Xóa tệp (hồ sơ nháp)',
};

export const presentAttachment = (a: DossierAttachmentRow & { uploaded_by_name?: string | null }): AttachmentView => ({
  id: a.id,
  dossierId: a.dossier_id,
  fileName: a.file_name,
  contentType: a.content_type,
  size: a.size,
  sha256: a.sha256,
  uploadedAt: a.uploaded_at,
  uploadedById: a.uploaded_by,
  uploadedByName: a.uploaded_by_name ?? null,
  version: a.version,
  replacesId: a.replaces_id,
  supersededById: a.superseded_by,
  supersededAt: a.superseded_at,
  note: a.note,
  url: `/api/v1/dossiers/${a.dossier_id}/attachments/${a.id}`,
});

/**
 * What the viewer may do with the plan's files: upload (a new file or a new version) — the
 * keeper while draft or returned, the ward desk at any time — and delete, only while the
 * dossier is a draft (once submitted, files are evidence).
 */
export function fileRights(user: AuthUser, d: DossierRecord): { upload: boolean; delete: boolean } {
  const upload = canEdit(user, d) || (user.role === 'ward_officer' && can(user, 'manage', dossierResource(d)));
  return { upload, delete: upload && d.state === 'draft' };
}

/** The policy's view of a dossier: its ward's area, its business, its channel. */
export const dossierResource = (
  d: Pick<DossierRecord, 'ward_code' | 'district_code' | 'province_code' | 'business_id' | 'channel'>,
  type = 'dossier',
): Resource & { channel: string } => ({
  type,
  wardCode: d.ward_code,
  districtCode: d.district_code,
  provinceCode: d.province_code,
  businessId: d.business_id,
  channel: d.channel,
});
