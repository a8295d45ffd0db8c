import { z } from 'zod';
import { type AuthUser, can, type Resource } from '../authz/index.js';
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
  approvedBy: z
    .object({ name: z.string(), title: z.string().nullable() })
    .nullable()
    .describe('Người ký phê duyệt (lãnh đạo UBND phường, hoặc Một cửa ở phường không yêu cầu lãnh đạo ký)'),
  commitment: z
    .object({ name: z.string(), text: z.string(), at: timestamp })
    .nullable()
    .describe('Cam kết của người đại diện doanh nghiệp khi nộp (lần nộp gần nhất)'),
  approval: z
    .enum(['leader', 'desk'])
    .describe('Ai phê duyệt ở phường này: leader (lãnh đạo ký, mặc định) hoặc desk (Một cửa)'),
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
  action: z
    .string()
    .describe('Thao tác chuyển trạng thái, create, hoặc attachment_added / attachment_superseded / attachment_removed'),
  actionLabel: z.string(),
  fromState: z.string().nullable(),
  toState: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  actorRole: z.string(),
  note: z.string().nullable(),
  at: timestamp,
  attachment: z
    .object({
      attachmentId: z.string(),
      fileName: z.string(),
      version: z.number().int(),
      sha256: z.string(),
      replacesId: z.string().optional(),
      replacedFileName: z.string().optional(),
      replacedVersion: z.number().int().optional(),
    })
    .nullable()
    .describe('Sự kiện về tệp: tệp nào, phiên bản mấy, thay phiên bản nào'),
});

export const attachmentSchema = z.object({
  id: z.string(),
  dossierId: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  uploadedAt: timestamp,
  uploadedById: z.string().nullable(),
  uploadedByName: z.string().nullable(),
  version: z.number().int().describe('1 cho tệp tải lên lần đầu; mỗi phiên bản thay thế tăng 1'),
  replacesId: z.string().nullable().describe('Phiên bản mà tệp này thay thế'),
  supersededById: z.string().nullable().describe('Phiên bản mới hơn đã thay tệp này (null: đang dùng)'),
  supersededAt: timestamp.nullable(),
  note: z.string().nullable().describe('Lý do tải lên phiên bản này'),
  url: z.string().describe('Tải về; thêm ?inline=1 để xem trong trang'),
});

export const dossierDetailSchema = dossierSchema.extend({
  events: z.array(dossierEventSchema),
  attachments: z.array(attachmentSchema).describe('Mọi phiên bản của mọi tệp, cũ trước'),
  fileRights: z
    .object({
      upload: z.boolean().describe('Người đang xem tải lên được tệp mới hoặc phiên bản mới'),
      delete: z.boolean().describe('Người đang xem xóa được tệp (chỉ khi hồ sơ còn nháp)'),
    })
    .describe('Hồ sơ đã nộp: tệp không xóa được, chỉ thay bằng phiên bản mới'),
  commitmentText: z.string().describe('Lời cam kết người đại diện ký khi nộp'),
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

export const presentDossierEvent = (e: DossierEventRecord) => ({
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
  attachment: e.detail ? (JSON.parse(e.detail) as z.infer<typeof dossierEventSchema>['attachment']) : null,
});

/** The timeline's words: the transitions' and the attachment events'. */
const EVENT_LABELS: Record<string, string> = {
  ...ACTION_LABELS,
  attachment_added: 'Tải lên tệp',
  attachment_superseded: 'Tải lên phiên bản mới của tệp',
  attachment_removed: 'Xóa tệp (hồ sơ nháp)',
};

export const presentAttachment = (a: DossierAttachmentRow & { uploaded_by_name?: string | null }) => ({
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
