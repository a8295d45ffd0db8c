import {
  addFindingsBody,
  caseDetailSchema,
  caseNoteBody,
  casePageSchema,
  idParams,
  listCasesQuery,
  openCaseBody,
} from '@thonghanh/contract';
import { type AuthUser, authorize, authorizeById } from '../../authz/index.js';
import { findBusiness } from '../../businesses/business-query.js';
import type { Executor } from '../../db/schema.js';
import { notFound } from '../../errors.js';
import { defineRoute } from '../../http/route.js';
import { queueTransitionEmails } from '../../notifications/notify-dossier.js';
import { areaOfRequest } from '../inspection-area.js';
import { addFindings, addNote, closeCase, openCase, suspendUnit } from './case-commands.js';
import { caseResource, presentCase, presentCaseEntry } from './case-presenter.js';
import { type CaseRecord, findCase, listCaseEntries, listCases } from './case-query.js';

const TAGS = ['inspection'];
const READ = {
  roles: ['ward_admin', 'ward_officer', 'health_officer', 'supervisor'],
  scope: 'cán bộ phường: hồ sơ hậu kiểm của phường mình; giám sát: trong địa bàn',
} as const;
const KEEP = {
  roles: ['ward_admin', 'ward_officer'],
  scope: 'hồ sơ hậu kiểm của phường mình',
} as const;

async function loadCase(db: Executor, user: AuthUser, id: string, action: 'read' | 'update'): Promise<CaseRecord> {
  const c = await findCase(db, id);
  if (!c) throw notFound('Không tìm thấy hồ sơ hậu kiểm.');
  authorizeById(user, action, caseResource(c), 'hồ sơ hậu kiểm');
  return c;
}

async function detail(db: Executor, c: CaseRecord) {
  return { ...presentCase(c), entries: (await listCaseEntries(db, c.id)).map(presentCaseEntry) };
}

export const listCasesRoute = defineRoute({
  method: 'GET',
  path: '/api/v1/inspection/cases',
  summary: 'Danh sách hồ sơ hậu kiểm (đang mở trước, mới nhất trước)',
  tags: TAGS,
  access: READ,
  query: listCasesQuery,
  response: casePageSchema,
  handler: async ({ db, user, query }) => {
    const area = await areaOfRequest(db, user, query, 'inspection_case');
    const { items, total } = await listCases(
      db,
      {
        ...area,
        ...(query.state ? { state: query.state } : {}),
        ...(query.businessId ? { businessId: query.businessId } : {}),
      },
      { limit: query.pageSize, offset: (query.page - 1) * query.pageSize },
    );
    return { items: items.map(presentCase), total, page: query.page, pageSize: query.pageSize };
  },
});

export const openCaseRoute = defineRoute({
  method: 'POST',
  path: '/api/v1/inspection/cases',
  summary: 'Mở hồ sơ hậu kiểm một đơn vị của phường (kèm các phát hiện, ghi chú)',
  description:
    'Mỗi đơn vị chỉ có một hồ sơ hậu kiểm đang mở (409 inspection_case_open). `findingKeys` là mã của các phát hiện ' +
    '(GET /api/v1/inspection/anomalies): máy chủ tìm lại từng phát hiện theo quy tắc và lưu như lúc tìm thấy; ' +
    'không tìm thấy hoặc không thuộc đơn vị → 422.',
  tags: TAGS,
  access: KEEP,
  status: 201,
  body: openCaseBody,
  response: caseDetailSchema,
  handler: async ({ db, user, body, actor, now }) => {
    const business = await findBusiness(db, body.businessId);
    if (!business) throw notFound('Không tìm thấy doanh nghiệp.');
    authorizeById(user, 'create', caseResource(business), 'doanh nghiệp');
    return detail(db, await openCase(db, { business, ...body }, actor, now));
  },
});

export const getCaseRoute = defineRoute({
  method: 'GET',
  path: '/api/v1/inspection/cases/:id',
  summary: 'Xem một hồ sơ hậu kiểm và diễn biến của nó',
  tags: TAGS,
  access: READ,
  params: idParams,
  response: caseDetailSchema,
  handler: async ({ db, user, params }) => detail(db, await loadCase(db, user, params.id, 'read')),
});

export const addFindingsRoute = defineRoute({
  method: 'POST',
  path: '/api/v1/inspection/cases/:id/findings',
  summary: 'Đưa thêm phát hiện vào hồ sơ hậu kiểm đang mở',
  tags: TAGS,
  access: KEEP,
  params: idParams,
  body: addFindingsBody,
  response: caseDetailSchema,
  handler: async ({ db, user, params, body, actor, now }) => {
    const c = await loadCase(db, user, params.id, 'update');
    return detail(db, await addFindings(db, c, body.findingKeys, actor, now));
  },
});

export const addCaseNoteRoute = defineRoute({
  method: 'POST',
  path: '/api/v1/inspection/cases/:id/notes',
  summary: 'Ghi nhận xét, kết quả làm việc với đơn vị vào hồ sơ hậu kiểm',
  tags: TAGS,
  access: KEEP,
  params: idParams,
  body: caseNoteBody,
  response: caseDetailSchema,
  handler: async ({ db, user, params, body, actor, now }) => {
    const c = await loadCase(db, user, params.id, 'update');
    return detail(db, await addNote(db, c, body.note, actor, now));
  },
});

export const closeCaseRoute = defineRoute({
  method: 'POST',
  path: '/api/v1/inspection/cases/:id/close',
  summary: 'Đóng hồ sơ hậu kiểm, không xử lý đơn vị (ghi kết luận)',
  tags: TAGS,
  access: KEEP,
  params: idParams,
  body: caseNoteBody,
  response: caseDetailSchema,
  handler: async ({ db, user, params, body, actor, now }) => {
    const c = await loadCase(db, user, params.id, 'update');
    return detail(db, await closeCase(db, c, body.note, actor, now));
  },
});

export const suspendUnitRoute = defineRoute({
  method: 'POST',
  path: '/api/v1/inspection/cases/:id/suspend',
  summary: 'Tạm dừng hoạt động của đơn vị theo kết quả hậu kiểm và đóng hồ sơ',
  description:
    'Đi qua quy trình hồ sơ (POST /api/v1/dossiers/:id/suspend): hồ sơ đăng ký đã phê duyệt chuyển sang tạm dừng, ' +
    'mọi giấy đi đường và mã QR của đơn vị bị thu hồi, doanh nghiệp nhận thư báo với lý do. Chỉ Bộ phận Một cửa.',
  tags: TAGS,
  access: { roles: ['ward_officer'], scope: 'hồ sơ hậu kiểm của phường mình' },
  params: idParams,
  body: caseNoteBody,
  response: caseDetailSchema,
  handler: async (ctx) => {
    const { db, user, params, body, actor, now, deps } = ctx;
    const c = await loadCase(db, user, params.id, 'update');
    authorize(user, 'update', caseResource(c));
    const r = await suspendUnit(db, c, body.note, deps.hooks, actor, now);
    await queueTransitionEmails(ctx, r.transition);
    return detail(db, r.case);
  },
});

export const caseRoutes = [
  listCasesRoute,
  openCaseRoute,
  getCaseRoute,
  addFindingsRoute,
  addCaseNoteRoute,
  closeCaseRoute,
  suspendUnitRoute,
];
