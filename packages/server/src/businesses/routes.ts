import {
  businessPageResponse,
  businessSchema,
  createBusinessBody,
  createdBusinessResponse,
  idParams,
  listBusinessesQuery,
  optionalNoteBody,
  reasonBody,
  registerBusinessBody,
  registeredBusinessResponse,
} from '@thonghanh/contract';
import { authorize } from '../authz/index.js';
import { defineRoute } from '../http/route.js';
import { userAreaFilter, wardArea } from '../jurisdictions/ward-area.js';
import { queueMessages } from '../notifications/notify-dossier.js';
import { presentUser } from '../users/user-presenter.js';
import { presentBusiness } from './business-presenter.js';
import { listBusinesses } from './business-query.js';
import { createBusiness } from './create-business.js';
import { loadBusinessFor } from './load-business.js';
import { deskRegistrationEmailsTo, registrationEmailsTo } from './registration-emails.js';
import { registrationLimits } from './registration-limits.js';
import { reviewRegistration } from './review-registration.js';

const TAGS = ['businesses'];

export const registerBusinessRoute = defineRoute({
  method: 'POST',
  path: '/api/v1/businesses/register',
  summary: 'Doanh nghiệp tự đăng ký (kèm tài khoản người đại diện); chờ Bộ phận Một cửa tiếp nhận',
  description:
    'Tạo doanh nghiệp ở trạng thái pending và tài khoản người đại diện (business_rep) với tên đăng nhập là mã số thuế. ' +
    'Người đại diện đăng nhập được nhưng chỉ xem được trạng thái chờ tiếp nhận cho tới khi phường tiếp nhận. ' +
    'Giới hạn: 10 đăng ký mỗi giờ từ một địa chỉ mạng, 30 mỗi giờ cho một phường (429 too_many_requests, Retry-After).',
  tags: TAGS,
  access: { public: true },
  status: 201,
  body: registerBusinessBody,
  rateLimits: ({ req, body }) => registrationLimits(req.ip, body.wardCode),
  response: registeredBusinessResponse,
  handler: async (ctx) => {
    const { db, body, actor, now, deps } = ctx;
    const { account, ...fields } = body;
    const created = await createBusiness(db, { ...fields, via: 'self', rep: account }, actor, now);
    const b = created.business;
    queueMessages(ctx, [
      ...(await registrationEmailsTo(db, b, 'received', deps.config.publicUrl)),
      ...(await deskRegistrationEmailsTo(db, b, 'registered', deps.config.publicUrl)),
    ]);
    return { business: presentBusiness(b), user: presentUser(created.user!) };
  },
});

export const createBusinessRoute = defineRoute({
  method: 'POST',
  path: '/api/v1/businesses',
  summary:
    'Bộ phận Một cửa tạo doanh nghiệp của phường, kèm tài khoản người đại diện (mật khẩu tạo tự động, hiện một lần)',
  tags: TAGS,
  access: { roles: ['ward_officer'], scope: 'doanh nghiệp hoạt động trong phường của cán bộ' },
  status: 201,
  body: createBusinessBody,
  response: createdBusinessResponse,
  handler: async ({ db, user, body, actor, now }) => {
    const { account, ...fields } = body;
    const ward = fields.wardCode ?? (user.wardCode as string);
    authorize(user, 'create', { type: 'business', ...(await wardArea(db, ward, 'body.wardCode')) });
    const created = await createBusiness(
      db,
      { ...fields, wardCode: ward, via: 'ward', ...(account ? { rep: account } : {}) },
      actor,
      now,
    );
    return {
      business: presentBusiness(created.business),
      ...(created.user ? { user: presentUser(created.user) } : {}),
      ...(created.generatedPassword ? { generatedPassword: created.generatedPassword } : {}),
    };
  },
});

export const listBusinessesRoute = defineRoute({
  method: 'GET',
  path: '/api/v1/businesses',
  summary: 'Danh sách doanh nghiệp của phường (giám sát: trong địa bàn); tìm theo tên không dấu hoặc mã số thuế',
  tags: TAGS,
  access: {
    roles: ['ward_officer', 'ward_leader', 'health_officer', 'ward_admin', 'supervisor'],
    scope: 'cán bộ phường: phường mình; giám sát: các phường trong địa bàn',
  },
  query: listBusinessesQuery,
  response: businessPageResponse,
  handler: async ({ db, user, query }) => {
    if (query.ward) authorize(user, 'read', { type: 'business', ...(await wardArea(db, query.ward, 'query.ward')) });
    const { items, total } = await listBusinesses(db, {
      ...userAreaFilter(user),
      ...(query.ward ? { wardCode: query.ward } : {}),
      ...(query.status ? { status: query.status } : {}),
      ...(query.q ? { q: query.q } : {}),
      limit: query.pageSize,
      offset: (query.page - 1) * query.pageSize,
    });
    return { items: items.map(presentBusiness), total, page: query.page, pageSize: query.pageSize };
  },
});

export const getBusinessRoute = defineRoute({
  method: 'GET',
  path: '/api/v1/businesses/:id',
  summary: 'Xem một doanh nghiệp (người đại diện: doanh nghiệp của mình, kể cả khi đang chờ tiếp nhận)',
  tags: TAGS,
  access: {
    roles: ['business_rep', 'ward_officer', 'ward_leader', 'health_officer', 'ward_admin', 'supervisor'],
    scope: 'doanh nghiệp: của mình; cán bộ phường: phường mình; giám sát: trong địa bàn',
  },
  params: idParams,
  response: businessSchema,
  handler: async ({ db, user, params }) => presentBusiness(await loadBusinessFor(db, user, params.id, 'read')),
});

export const acceptBusinessRoute = defineRoute({
  method: 'POST',
  path: '/api/v1/businesses/:id/accept',
  summary: 'Tiếp nhận doanh nghiệp tự đăng ký (pending → active)',
  tags: TAGS,
  access: { roles: ['ward_officer'], scope: 'doanh nghiệp của phường cán bộ' },
  params: idParams,
  body: optionalNoteBody,
  multiline: ['note'],
  response: businessSchema,
  handler: async (ctx) => {
    const { db, user, params, body, actor, now, deps } = ctx;
    const b = await loadBusinessFor(db, user, params.id, 'update');
    const updated = await reviewRegistration(
      db,
      b,
      { accept: true, ...(body.note ? { note: body.note } : {}) },
      actor,
      now,
    );
    queueMessages(ctx, await registrationEmailsTo(db, updated, 'accepted', deps.config.publicUrl));
    return presentBusiness(updated);
  },
});

export const refuseBusinessRoute = defineRoute({
  method: 'POST',
  path: '/api/v1/businesses/:id/refuse',
  summary: 'Không tiếp nhận doanh nghiệp tự đăng ký (bắt buộc ghi lý do)',
  tags: TAGS,
  access: { roles: ['ward_officer'], scope: 'doanh nghiệp của phường cán bộ' },
  params: idParams,
  body: reasonBody,
  multiline: ['reason'],
  response: businessSchema,
  handler: async (ctx) => {
    const { db, user, params, body, actor, now, deps } = ctx;
    const b = await loadBusinessFor(db, user, params.id, 'update');
    const updated = await reviewRegistration(db, b, { accept: false, reason: body.reason }, actor, now);
    queueMessages(ctx, await registrationEmailsTo(db, updated, 'refused', deps.config.publicUrl));
    return presentBusiness(updated);
  },
});

export const businessRoutes = [
  registerBusinessRoute,
  createBusinessRoute,
  listBusinessesRoute,
  getBusinessRoute,
  acceptBusinessRoute,
  refuseBusinessRoute,
];
