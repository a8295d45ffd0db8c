import { z } from 'zod';
import { attachmentSchema } from './attachments.js';
import { booleanQuery, timestamp, wardCode } from './common.js';
import {
  DOSSIER_ACTIONS,
  DOSSIER_CHANNELS,
  DOSSIER_KINDS,
  DOSSIER_STATES,
  type DossierState,
} from './dossier-states.js';

/** A dossier as a list shows it, with what the viewer may do with it now. */
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
  state: z.enum(DOSSIER_STATES as [DossierState, ...DossierState[]]),
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
  actions: z.array(z.enum(DOSSIER_ACTIONS)).describe('Các thao tác người đang xem có thể làm lúc này'),
  editable: z.boolean().describe('Người đang xem có thể sửa kế hoạch, tệp, danh sách'),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type DossierView = z.infer<typeof dossierSchema>;

/** One line of a dossier's history: a transition, its creation, or a file added, replaced, removed. */
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
export type DossierEventView = z.infer<typeof dossierEventSchema>;

/** One dossier with its history, its files and what the viewer may do with the files. */
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
export type DossierDetailView = z.infer<typeof dossierDetailSchema>;

const isoDate = z.iso.date('Ngày viết dạng YYYY-MM-DD');
const note = z.string().trim().max(2000);

export const listDossiersQuery = z.object({
  ward: wardCode.optional(),
  business: z.string().max(64).optional(),
  state: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (!v) return undefined;
      const states = v.split(',').map((s) => s.trim());
      const bad = states.filter((s) => !(DOSSIER_STATES as string[]).includes(s));
      if (bad.length) ctx.addIssue({ code: 'custom', message: `Trạng thái không hợp lệ: ${bad.join(', ')}` });
      return states as DossierState[];
    })
    .describe('Một hoặc nhiều trạng thái, cách nhau bằng dấu phẩy'),
  kind: z.enum(DOSSIER_KINDS).optional(),
  overdue: booleanQuery.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export const dossierPageResponse = z.object({
  items: z.array(dossierSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

/** POST /dossiers: a draft (the business online; the desk for a dossier sent by e-mail, post or in person). */
export const createDossierBody = z.object({
  businessId: z.string().max(64).optional(),
  kind: z.enum(DOSSIER_KINDS).default('initial'),
  channel: z.enum(DOSSIER_CHANNELS).optional(),
  planFrom: isoDate.optional(),
  planTo: isoDate.optional(),
  note: note.optional(),
});

/** PATCH /dossiers/:id: the plan's period or the note (draft or returned). */
export const updateDossierBody = z.object({
  planFrom: isoDate.optional(),
  planTo: isoDate.optional(),
  note: note.optional(),
});

export const commitmentSchema = z
  .object({
    accepted: z.boolean().describe('Người đại diện đã đánh dấu ô cam kết'),
    name: z.string().trim().max(200).describe('Họ tên người đại diện ký cam kết'),
  })
  .describe('Cam kết của người đại diện doanh nghiệp (ký cam kết), bắt buộc khi nộp');

/** The body of a transition (`POST /dossiers/:id/<action>`): a note, required by some actions. */
export const transitionBody = z.object({ note: note.optional() }).default({});
/** The body of `submit`: the note and the representative's commitment. */
export const submitDossierBody = z
  .object({ note: note.optional(), commitment: commitmentSchema.optional() })
  .default({});

/** DELETE /dossiers/:id (a draft). */
export const deletedDossierResponse = z.object({ deleted: z.literal(true) });
