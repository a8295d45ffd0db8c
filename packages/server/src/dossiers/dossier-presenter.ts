import { z } from 'zod';
import type { AuthUser, Resource } from '../authz/index.js';
import type { DossierAttachmentRow } from '../db/schema.js';
import { timestamp } from '../http/common-schemas.js';
import {
  ACTION_LABELS,
  availableActions,
  DOSSIER_STATES,
  OPEN_STATES,
  STATE_LABELS,
  TRANSITION_ACTIONS,
} from '../workflow/transitions.js';
import type { DossierEventRecord, DossierRecord } from './dossier-query.js';

export const DOSSIER_KINDS = ['initial', 'amendment'] as const;
export const DOSSIER_CHANNELS = ['online', 'email', 'post', 'in_person'] as const;

export const dossierSchema = z.object({
  id: z.string(),
  businessId: z.string(),
  businessName: z.string(),
  businessTaxCode: z.string(),
  wardCode: z.string(),
  wardName: z.string(),
  kind: z.enum(DOSSIER_KINDS).describe('initial: đăng ký lần đầu; amendment: bổ sung người lao động'),
  channel: z
    .enum(DOSSIER_CHANNELS)
    .describe('online: doanh nghiệp nộp trực tuyến; email/post/in_person: Một cửa tiếp nhận'),
  state: z.enum(DOSSIER_STATES as [string, ...string[]]),
  stateLabel: z.string(),
  stateNote: z.string().nullable().describe('Lý do trả lại / từ chối / tạm dừng gần nhất'),
  planFrom: z.string().describe('Kỳ kế hoạch từ ngày (YYYY-MM-DD)'),
  planTo: z.string().describe('Kỳ kế hoạch đến ngày (YYYY-MM-DD)'),
  note: z.string(),
  referenceNumber: z.string().nullable().describe('Số phê duyệt, ví dụ 85/UBND-ĐG'),
  submittedAt: timestamp.nullable(),
  dueAt: timestamp.nullable().describe('Hạn xử lý: lúc nộp + số ngày của phường (3)'),
  overdue: z.boolean().describe('Quá hạn xử lý: đang chờ phường mà đã qua hạn'),
  healthConfirmedAt: timestamp.nullable(),
  decidedAt: timestamp.nullable(),
  staffCount: z.number().int(),
  actions: z
    .array(z.enum(TRANSITION_ACTIONS as [string, ...string[]]))
    .describe('Các thao tác người đang xem có thể làm lúc này'),
  editable: z.boolean().describe('Người đang xem có thể sửa kế hoạch, tệp, danh sách'),
  createdAt: timestamp,
  updatedAt: timestamp,
});

export const dossierEventSchema = z.object({
  id: z.string(),
  action: z.string(),
  actionLabel: z.string(),
  fromState: z.string().nullable(),
  toState: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  actorRole: z.string(),
  note: z.string().nullable(),
  at: timestamp,
});

export const attachmentSchema = z.object({
  id: z.string(),
  dossierId: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  uploadedAt: timestamp,
  url: z.string().describe('Tải về; thêm ?inline=1 để xem trong trang'),
});

export const dossierDetailSchema = dossierSchema.extend({
  events: z.array(dossierEventSchema),
  attachments: z.array(attachmentSchema),
});

export type DossierView = z.infer<typeof dossierSchema>;

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
    staffCount: d.staff_count,
    actions: readOnly ? [] : availableActions(d, user.role),
    editable: !readOnly && canEdit(user, d),
    createdAt: d.created_at,
    updatedAt: d.updated_at,
  };
}

export const presentDossierEvent = (e: DossierEventRecord) => ({
  id: e.id,
  action: e.action,
  actionLabel: ACTION_LABELS[e.action as keyof typeof ACTION_LABELS] ?? e.action,
  fromState: e.from_state,
  toState: e.to_state,
  actorId: e.actor_id,
  actorName: e.actor_name,
  actorRole: e.actor_role,
  note: e.note,
  at: e.at,
});

export const presentAttachment = (a: DossierAttachmentRow) => ({
  id: a.id,
  dossierId: a.dossier_id,
  fileName: a.file_name,
  contentType: a.content_type,
  size: a.size,
  sha256: a.sha256,
  uploadedAt: a.uploaded_at,
  url: `/api/v1/dossiers/${a.dossier_id}/attachments/${a.id}`,
});

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
