import { z } from 'zod';
import { authorize } from '../authz/index.js';
import { idParams, wardCode } from '../http/common-schemas.js';
import { defineRoute } from '../http/route.js';
import { userAreaFilter, wardArea } from '../jurisdictions/ward-area.js';
import { queueMessages } from '../notifications/notify-dossier.js';
import { presentUser, userSchema } from '../users/user-presenter.js';
import { newPasswordSchema, usernameSchema } from '../users/username.js';
import { getWardSettings } from '../ward-settings/ward-settings.js';
import { businessFields } from './business-fields.js';
import { BUSINESS_STATUSES, businessSchema, presentBusiness } from './business-presenter.js';
import { listBusinesses } from './business-query.js';
import { createBusiness } from './create-business.js';
import { loadBusinessFor } from './load-business.js';
import { registrationEmailsTo } from './registration-emails.js';
import { registrationLimits } from './registration-limits.js';
import { reviewRegistration } from './review-registration.js';

const TAGS = ['businesses'];
const fullName = z.string().trim().min(1, 'Nhập họ và tên').max(200);

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
  body: z.object({
    ...businessFields,
    account: z.object({ password: newPasswordSchema, fullName }),
  }),
  rateLimits: ({ req, body }) => registrationLimits(req.ip, body.wardCode),
  response: z.object({ business: businessSchema, user: userSchema }),
  handler: async (ctx) => {
    const { db, body, actor, now, deps } = ctx;
    const { account, ...fields } = body;
    const created = await createBusiness(db, { ...fields, via: 'self', rep: account }, actor, now);
    const b = created.business;
    const messages = registrationEmailsTo(b, 'received', deps.config.publicUrl);
    const { deskEmail } = await getWardSettings(db, b.ward_code);
    if (deskEmail) {
      messages.push({
        to: deskEmail,
        subject: `[Thông hành] Doanh nghiệp đăng ký mới chờ tiếp nhận: ${b.name}`,
        text: `${b.name} (mã số thuế ${b.tax_code}, ${b.address}) đã tự đăng ký và chờ Bộ phận Một cửa tiếp nhận.\n\n${deps.config.publicUrl}/businesses/${b.id}`,
      });
    }
    queueMessages(ctx, messages);
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
  body: z.object({
    ...businessFields,
    wardCode: businessFields.wardCode.optional(),
    account: z.object({ username: usernameSchema, fullName }).optional(),
  }),
  response: z.object({
    business: businessSchema,
    user: userSchema.optional(),
    generatedPassword: z.string().optional().describe('Mật khẩu của người đại diện: chỉ hiện một lần'),
  }),
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
  query: z.object({
    ward: wardCode.optional(),
    status: z.enum(BUSINESS_STATUSES).optional(),
    q: z.string().trim().max(100).optional(),
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(50),
  }),
  response: z.object({
    items: z.array(businessSchema),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  }),
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
  body: z.object({ note: z.string().trim().max(2000).optional() }).default({}),
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
    queueMessages(ctx, registrationEmailsTo(updated, 'accepted', deps.config.publicUrl));
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
  body: z.object({ reason: z.string().trim().min(1, 'Nhập lý do').max(2000) }),
  multiline: ['reason'],
  response: businessSchema,
  handler: async (ctx) => {
    const { db, user, params, body, actor, now, deps } = ctx;
    const b = await loadBusinessFor(db, user, params.id, 'update');
    const updated = await reviewRegistration(db, b, { accept: false, reason: body.reason }, actor, now);
    queueMessages(ctx, registrationEmailsTo(updated, 'refused', deps.config.publicUrl));
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
