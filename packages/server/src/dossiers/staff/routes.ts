import {
  idParams,
  importStaffQuery,
  importStaffResponse,
  listDossierStaffQuery,
  okResponse,
  staffEntryBody,
  staffEntryResponse,
  staffPageSchema,
  staffParams,
} from '@thonghanh/contract';
import { audit } from '../../audit/append-audit.js';
import { authorizeById } from '../../authz/index.js';
import type { Executor } from '../../db/schema.js';
import { notFound } from '../../errors.js';
import { defineRoute } from '../../http/route.js';
import { vnToday } from '../../notifications/vn-time.js';
import { addStaffEntry, deleteStaffEntry, updateStaffEntry } from '../../staff/list/edit-staff-entry.js';
import { checkStaffFile } from '../../staff/list/import-dossier-staff.js';
import { replaceDossierStaff } from '../../staff/list/save-staff-list.js';
import { STAFF_READERS } from '../../staff/list/staff-access.js';
import { validateStaffEntry } from '../../staff/list/staff-entry-input.js';
import { presentStaffMember } from '../../staff/list/staff-presenter.js';
import { findStaffMember, listStaff } from '../../staff/list/staff-query.js';
import { readUploadedFile } from '../attachments/read-uploaded-file.js';
import { dossierResource } from '../dossier-presenter.js';
import { loadDossier, loadDossierToEdit } from '../load-dossier.js';

const TAGS = ['staff'];
const KEEPERS = {
  roles: ['business_rep', 'ward_officer'],
  scope:
    'người giữ hồ sơ (doanh nghiệp: hồ sơ trực tuyến của mình; Một cửa: hồ sơ phường tiếp nhận), khi hồ sơ nháp hoặc bị trả lại',
} as const;

async function loadPendingMember(db: Executor, dossierId: string, staffId: string) {
  const m = await findStaffMember(db, staffId);
  if (!m || m.dossier_id !== dossierId || m.status !== 'pending') {
    throw notFound('Không tìm thấy người này trong danh sách chờ phê duyệt của hồ sơ.');
  }
  return m;
}

export const importStaffRoute = defineRoute({
  method: 'POST',
  path: '/api/v1/dossiers/:id/staff/import',
  summary: 'Nhập danh sách người lao động của hồ sơ từ tệp .xlsx hoặc .csv (multipart, trường "file")',
  description:
    'Mỗi dòng được kiểm tra; kết quả {rows, valid, errors, warnings} (mỗi vấn đề {row, field, code, message}). ' +
    'Tệp có lỗi thì không lưu gì, trừ khi keepValidOnly=true: khi đó chỉ lưu các dòng hợp lệ. Khi lưu, danh sách chờ ' +
    'phê duyệt của hồ sơ được thay bằng danh sách mới, trong một giao dịch.',
  tags: TAGS,
  access: KEEPERS,
  params: idParams,
  query: importStaffQuery,
  response: importStaffResponse,
  // Reading and checking a big file takes a second: outside the transaction, which opens only to save.
  transaction: false,
  handler: async ({ db, user, params, query, actor, now, req }) => {
    const dossier = await loadDossierToEdit(db, user, params.id);
    const file = await readUploadedFile(req);
    const keepValidOnly = query.keepValidOnly ?? ['1', 'true'].includes(file.fields.keepValidOnly ?? '');
    const result = await checkStaffFile(db, dossier, file.bytes, now);
    const report = { rows: result.rows, valid: result.valid, errors: result.errors, warnings: result.warnings };
    const save = result.staff.length > 0 && (result.errors.length === 0 || keepValidOnly);
    if (!save) return { ...report, saved: false, savedCount: 0, replacedCount: 0 };
    const { saved, replaced } = await db.transaction().execute(async (tx) => {
      const current = await loadDossierToEdit(tx, user, params.id);
      return replaceDossierStaff(
        tx,
        {
          dossier: current,
          staff: result.staff,
          source: {
            fileName: file.fileName.slice(0, 200),
            rows: result.rows,
            errors: result.errors.length,
            keepValidOnly,
          },
        },
        actor,
        now,
      );
    });
    return { ...report, saved: true, savedCount: saved, replacedCount: replaced };
  },
});

export const listDossierStaffRoute = defineRoute({
  method: 'GET',
  path: '/api/v1/dossiers/:id/staff',
  summary: 'Danh sách người lao động mà hồ sơ đưa vào (có phân trang, tìm theo tên không dấu hoặc số giấy tờ)',
  tags: TAGS,
  access: STAFF_READERS,
  params: idParams,
  query: listDossierStaffQuery,
  response: staffPageSchema,
  transaction: true,
  handler: async ({ db, user, params, query, actor, now }) => {
    const dossier = await loadDossier(db, user, params.id, 'read');
    authorizeById(user, 'read', dossierResource(dossier, 'staff_list'), 'hồ sơ');
    const page = await listStaff(db, {
      dossierId: dossier.id,
      statuses: ['pending', 'approved', 'removed'],
      ...(query.q ? { q: query.q } : {}),
      limit: query.pageSize,
      offset: (query.page - 1) * query.pageSize,
    });
    await audit(
      db,
      actor,
      'staff_list.viewed',
      { type: 'dossier', id: dossier.id, wardCode: dossier.ward_code },
      { q: query.q ?? null, page: query.page, shown: page.items.length },
      now,
    );
    return { items: page.items.map(presentStaffMember), total: page.total, page: query.page, pageSize: query.pageSize };
  },
});

export const addStaffRoute = defineRoute({
  method: 'POST',
  path: '/api/v1/dossiers/:id/staff',
  summary: 'Thêm một người vào danh sách của hồ sơ (kiểm tra như một dòng của tệp)',
  tags: TAGS,
  access: KEEPERS,
  params: idParams,
  body: staffEntryBody,
  status: 201,
  response: staffEntryResponse,
  handler: async ({ db, user, params, body, actor, now }) => {
    const dossier = await loadDossierToEdit(db, user, params.id);
    const { entry, warnings } = await validateStaffEntry(db, body, vnToday(now));
    const member = await addStaffEntry(db, { dossier, entry }, actor, now);
    return { member: presentStaffMember(member), warnings };
  },
});

export const updateStaffRoute = defineRoute({
  method: 'PATCH',
  path: '/api/v1/dossiers/:id/staff/:staffId',
  summary: 'Sửa thông tin một người chờ phê duyệt (gửi lại đủ các trường)',
  tags: TAGS,
  access: KEEPERS,
  params: staffParams,
  body: staffEntryBody,
  response: staffEntryResponse,
  handler: async ({ db, user, params, body, actor, now }) => {
    const dossier = await loadDossierToEdit(db, user, params.id);
    const member = await loadPendingMember(db, dossier.id, params.staffId);
    const { entry, warnings } = await validateStaffEntry(db, body, vnToday(now));
    const updated = await updateStaffEntry(db, { dossier, member, entry }, actor, now);
    return { member: presentStaffMember(updated), warnings };
  },
});

export const deleteStaffRoute = defineRoute({
  method: 'DELETE',
  path: '/api/v1/dossiers/:id/staff/:staffId',
  summary: 'Xóa một người chờ phê duyệt khỏi danh sách của hồ sơ',
  tags: TAGS,
  access: KEEPERS,
  params: staffParams,
  response: okResponse,
  handler: async ({ db, user, params, actor, now }) => {
    const dossier = await loadDossierToEdit(db, user, params.id);
    const member = await loadPendingMember(db, dossier.id, params.staffId);
    await deleteStaffEntry(db, { dossier, member }, actor, now);
    return { ok: true as const };
  },
});

export const dossierStaffRoutes = [
  importStaffRoute,
  listDossierStaffRoute,
  addStaffRoute,
  updateStaffRoute,
  deleteStaffRoute,
];
