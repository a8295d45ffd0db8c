import { attachmentParams, attachmentSchema, getAttachmentQuery, idParams, okResponse } from '@thonghanh/contract';
import type { AuthUser } from '../../authz/index.js';
import type { DossierAttachmentRow } from '../../db/schema.js';
import { AppError, notFound } from '../../errors.js';
import type { RouteContext } from '../../http/route.js';
import { defineRoute } from '../../http/route.js';
import { presentAttachment } from '../dossier-presenter.js';
import { loadDossier, loadDossierForFiles } from '../load-dossier.js';
import { addAttachment, findAttachment } from './add-attachment.js';
import { deleteAttachment } from './delete-attachment.js';
import { readUploadedFile } from './read-uploaded-file.js';
import { contentDisposition, sanitizeFileName, sniffPlanFile } from './sniff-file-type.js';

const TAGS = ['dossiers'];

export const uploadAttachmentRoute = defineRoute({
  method: 'POST',
  path: '/api/v1/dossiers/:id/attachments',
  summary: 'Tải lên một tệp kế hoạch (PDF, JPEG, PNG; tối đa 10 MB; multipart, trường "file")',
  description:
    'Loại tệp được nhận biết theo nội dung (không theo tên): tệp khác → 415 unsupported_file_type; quá 10 MB → 413 file_too_large. ' +
    'Doanh nghiệp tải lên khi hồ sơ nháp hoặc bị trả lại; Bộ phận Một cửa tải lên bất cứ lúc nào.',
  tags: TAGS,
  access: { roles: ['business_rep', 'ward_officer'], scope: 'doanh nghiệp: hồ sơ của mình; Một cửa: hồ sơ của phường' },
  params: idParams,
  status: 201,
  response: attachmentSchema,
  // The upload is read before the transaction opens: a slow client must not hold the database.
  transaction: false,
  handler: (ctx) => storeUpload(ctx, null),
});

/**
 * Reads the upload (before any transaction: a slow client must not hold the database), stores
 * the bytes, then records them in one transaction — as a new file, or as a new version of
 * `replacesId`. A failure removes the stored bytes again.
 */
async function storeUpload({ db, user, params, actor, now, req, deps }: UploadContext, replacesId: string | null) {
  const dossier = await loadDossierForFiles(db, user, params.id);
  if (replacesId && !(await findAttachment(db, dossier.id, replacesId))) throw notFound('Không tìm thấy tệp đính kèm.');
  const file = await readUploadedFile(req);
  const type = sniffPlanFile(file.bytes);
  if (!type) throw new AppError('unsupported_file_type');
  const note = file.fields.note?.trim().slice(0, NOTE_MAX) || null;
  const storageKey = await deps.storage.put(file.bytes);
  try {
    const row = await db.transaction().execute(async (tx) => {
      const current = await loadDossierForFiles(tx, user, params.id);
      let replaces: DossierAttachmentRow | undefined;
      if (replacesId) {
        replaces = await findAttachment(tx, current.id, replacesId);
        if (!replaces) throw notFound('Không tìm thấy tệp đính kèm.');
      }
      const fileName = sanitizeFileName(file.fileName, type);
      return addAttachment(
        tx,
        { dossier: current, storageKey, fileName, type, bytes: file.bytes, ...(replaces ? { replaces } : {}), note },
        actor,
        now,
      );
    });
    return presentAttachment(row);
  } catch (e) {
    await deps.storage.delete(storageKey);
    throw e;
  }
}

type UploadContext = Pick<
  RouteContext<{ id: string }, unknown, unknown, AuthUser>,
  'db' | 'user' | 'params' | 'actor' | 'now' | 'req' | 'deps'
>;

/** The longest reason kept with a new version. */
const NOTE_MAX = 500;

export const uploadVersionRoute = defineRoute({
  method: 'POST',
  path: '/api/v1/dossiers/:id/attachments/:attachmentId/versions',
  summary: 'Tải lên phiên bản mới của một tệp (thay thế, không xóa phiên bản cũ; multipart, trường "file", "note")',
  description:
    'Phiên bản cũ được giữ nguyên, đánh dấu "đã được thay" và vẫn tải về được; cả hai hiện trong lịch sử hồ sơ. ' +
    'Trường "note" (không bắt buộc, tối đa 500 ký tự): lý do thay. Chỉ thay được phiên bản mới nhất (409 attachment_superseded). ' +
    'Cùng quyền như tải lên tệp.',
  tags: TAGS,
  access: { roles: ['business_rep', 'ward_officer'], scope: 'như tải lên tệp' },
  params: attachmentParams,
  status: 201,
  response: attachmentSchema,
  transaction: false,
  handler: (ctx) => storeUpload(ctx, ctx.params.attachmentId),
});

export const getAttachmentRoute = defineRoute({
  method: 'GET',
  path: '/api/v1/dossiers/:id/attachments/:attachmentId',
  summary: 'Tải về hoặc xem (?inline=1) một tệp của hồ sơ',
  tags: TAGS,
  access: {
    roles: ['business_rep', 'ward_officer', 'ward_leader', 'health_officer', 'ward_admin', 'supervisor'],
    scope: 'như xem hồ sơ',
  },
  params: attachmentParams,
  query: getAttachmentQuery,
  produces: 'application/pdf, image/jpeg, image/png',
  handler: async ({ db, user, params, query, reply, deps }) => {
    const dossier = await loadDossier(db, user, params.id, 'read');
    const a = await findAttachment(db, dossier.id, params.attachmentId);
    if (!a) throw notFound('Không tìm thấy tệp đính kèm.');
    const bytes = await deps.storage.get(a.storage_key);
    if (!bytes) throw notFound('Tệp đính kèm không còn trong kho lưu trữ.');
    const inline = query.inline === '1' || query.inline === 'true';
    reply
      .header('content-type', a.content_type)
      .header('content-length', String(bytes.length))
      .header('content-disposition', contentDisposition(inline ? 'inline' : 'attachment', a.file_name))
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'")
      .send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length));
    return reply;
  },
});

export const deleteAttachmentRoute = defineRoute({
  method: 'DELETE',
  path: '/api/v1/dossiers/:id/attachments/:attachmentId',
  summary: 'Xóa một tệp của hồ sơ nháp',
  description:
    'Chỉ khi hồ sơ còn nháp (chưa nộp lần nào). Hồ sơ đã nộp: tệp là chứng cứ, không xóa được (409 attachment_immutable); ' +
    'hãy tải lên phiên bản mới.',
  tags: TAGS,
  access: { roles: ['business_rep', 'ward_officer'], scope: 'như tải lên' },
  params: attachmentParams,
  response: okResponse,
  handler: async ({ db, user, params, actor, now, afterCommit, deps }) => {
    const dossier = await loadDossierForFiles(db, user, params.id);
    const attachment = await findAttachment(db, dossier.id, params.attachmentId);
    if (!attachment) throw notFound('Không tìm thấy tệp đính kèm.');
    await deleteAttachment(db, { dossier, attachment }, actor, now);
    afterCommit(() => deps.storage.delete(attachment.storage_key));
    return { ok: true as const };
  },
});

export const attachmentRoutes = [uploadAttachmentRoute, uploadVersionRoute, getAttachmentRoute, deleteAttachmentRoute];
