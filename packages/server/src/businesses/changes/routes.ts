import {
  businessChangeListResponse,
  businessEditBody,
  businessPatchBody,
  businessSchema,
  decidedBusinessChangeResponse,
  editBusinessResponse,
  idParams,
  listBusinessChangesQuery,
  optionalNoteBody,
  reasonBody,
} from '@thonghanh/contract';
import { authorize, authorizeById } from '../../authz/index.js';
import { notFound } from '../../errors.js';
import { defineRoute } from '../../http/route.js';
import { userAreaFilter, wardArea } from '../../jurisdictions/ward-area.js';
import { queueMessages } from '../../notifications/notify-dossier.js';
import { presentBusiness } from '../business-presenter.js';
import { loadBusinessFor as loadBusiness } from '../load-business.js';
import { deskRegistrationEmailsTo, registrationEmailsTo } from '../registration-emails.js';
import { reapplyBusiness, reverseRegistrationRefusal } from '../second-chance.js';
import { businessChangeResource, presentBusinessChange } from './business-change-presenter.js';
import { findBusinessChange, listBusinessChanges } from './business-change-query.js';
import { changeDecisionEmailsTo, changeRequestEmailsTo } from './change-emails.js';
import { decideBusinessChange } from './decide-business-change.js';
import { editBusiness } from './edit-business.js';

const TAGS = ['businesses'];

export const editBusinessRoute = defineRoute({
  method: 'PATCH',
  path: '/api/v1/businesses/:id',
  summary: 'Sửa thông tin doanh nghiệp (tên, địa chỉ, ngành nghề chờ phường duyệt; thông tin liên hệ có hiệu lực ngay)',
  description:
    'Doanh nghiệp đang hoạt động sửa tên, địa chỉ hoặc ngành nghề: tạo một yêu cầu thay đổi chờ Bộ phận Một cửa duyệt ' +
    '(409 business_change_pending khi đã có một yêu cầu đang chờ). Người liên hệ, điện thoại, e-mail: có hiệu lực ngay. ' +
    'Bộ phận Một cửa sửa, hoặc doanh nghiệp sửa khi đăng ký còn chờ tiếp nhận / không được tiếp nhận: có hiệu lực ngay. ' +
    'Chuyển trụ sở sang phường khác: người đại diện gửi wardCode cùng address mới; phường mới duyệt (422 unknown_admin_unit, ' +
    '400 ward_unchanged, 409 business_has_open_dossier khi còn hồ sơ đang xử lý). Mã số thuế không sửa được (mã số thuế khác là một doanh nghiệp khác).',
  tags: TAGS,
  access: {
    roles: ['business_rep', 'ward_officer'],
    scope: 'doanh nghiệp: của mình; Một cửa: doanh nghiệp của phường',
  },
  params: idParams,
  body: businessPatchBody,
  response: editBusinessResponse,
  handler: async (ctx) => {
    const { db, user, params, body, actor, now, deps } = ctx;
    const b = await loadBusiness(db, user, params.id, 'update');
    const r = await editBusiness(db, b, body, actor, now);
    if (r.change) queueMessages(ctx, await changeRequestEmailsTo(db, r.business, r.change, deps.config.publicUrl));
    return { business: presentBusiness(r.business), change: r.change ? presentBusinessChange(r.change) : null };
  },
});

export const listBusinessChangesOfRoute = defineRoute({
  method: 'GET',
  path: '/api/v1/businesses/:id/changes',
  summary: 'Các yêu cầu thay đổi thông tin của một doanh nghiệp (mới nhất trước)',
  tags: TAGS,
  access: {
    roles: ['business_rep', 'ward_officer', 'health_officer', 'ward_admin', 'supervisor'],
    scope: 'doanh nghiệp: của mình; cán bộ phường: phường mình; giám sát: trong địa bàn',
  },
  params: idParams,
  response: businessChangeListResponse,
  handler: async ({ db, user, params }) => {
    const b = await loadBusiness(db, user, params.id, 'read');
    const items = await listBusinessChanges(db, { businessId: b.id, limit: 100 });
    return { items: items.map(presentBusinessChange) };
  },
});

export const listBusinessChangesRoute = defineRoute({
  method: 'GET',
  path: '/api/v1/business-changes',
  summary: 'Yêu cầu thay đổi thông tin doanh nghiệp của phường (mặc định: đang chờ duyệt, cũ nhất trước)',
  tags: TAGS,
  access: {
    roles: ['ward_officer', 'health_officer', 'ward_admin', 'supervisor'],
    scope: 'cán bộ phường: phường mình; giám sát: các phường trong địa bàn',
  },
  query: listBusinessChangesQuery,
  response: businessChangeListResponse,
  handler: async ({ db, user, query }) => {
    if (query.ward) authorize(user, 'read', { type: 'business', ...(await wardArea(db, query.ward, 'query.ward')) });
    const items = await listBusinessChanges(db, {
      ...userAreaFilter(user),
      ...(query.ward ? { wardCode: query.ward } : {}),
      status: query.status,
      limit: 200,
    });
    return { items: items.map(presentBusinessChange) };
  },
});

async function loadChange(
  db: Parameters<typeof findBusinessChange>[0],
  user: Parameters<typeof authorizeById>[0],
  id: string,
) {
  const c = await findBusinessChange(db, id);
  if (!c) throw notFound('Không tìm thấy yêu cầu thay đổi.');
  authorizeById(user, 'update', businessChangeResource(c), 'yêu cầu thay đổi');
  return c;
}

export const approveBusinessChangeRoute = defineRoute({
  method: 'POST',
  path: '/api/v1/business-changes/:id/approve',
  summary:
    'Duyệt yêu cầu thay đổi thông tin: thông tin mới có hiệu lực (đổi tên, địa chỉ: cấp lại mã QR của đơn vị; chuyển phường: phường mới duyệt, mã QR đơn vị bị thu hồi)',
  tags: TAGS,
  access: { roles: ['ward_officer'], scope: 'doanh nghiệp của phường cán bộ' },
  params: idParams,
  body: optionalNoteBody,
  multiline: ['note'],
  response: decidedBusinessChangeResponse,
  handler: async (ctx) => {
    const { db, user, params, body, actor, now, deps } = ctx;
    const c = await loadChange(db, user, params.id);
    const r = await decideBusinessChange(
      db,
      c,
      { approve: true, ...(body.note ? { note: body.note } : {}) },
      actor,
      now,
      deps.hooks,
    );
    queueMessages(ctx, await changeDecisionEmailsTo(db, r.business, r.change, deps.config.publicUrl));
    return { change: presentBusinessChange(r.change), business: presentBusiness(r.business) };
  },
});

export const refuseBusinessChangeRoute = defineRoute({
  method: 'POST',
  path: '/api/v1/business-changes/:id/refuse',
  summary: 'Không duyệt yêu cầu thay đổi thông tin (bắt buộc ghi lý do; thông tin cũ giữ nguyên)',
  tags: TAGS,
  access: { roles: ['ward_officer'], scope: 'doanh nghiệp của phường cán bộ' },
  params: idParams,
  body: reasonBody,
  multiline: ['reason'],
  response: decidedBusinessChangeResponse,
  handler: async (ctx) => {
    const { db, user, params, body, actor, now, deps } = ctx;
    const c = await loadChange(db, user, params.id);
    const r = await decideBusinessChange(db, c, { approve: false, reason: body.reason }, actor, now);
    queueMessages(ctx, await changeDecisionEmailsTo(db, r.business, r.change, deps.config.publicUrl));
    return { change: presentBusinessChange(r.change), business: presentBusiness(r.business) };
  },
});

export const reapplyBusinessRoute = defineRoute({
  method: 'POST',
  path: '/api/v1/businesses/:id/reapply',
  summary: 'Đăng ký lại sau khi không được tiếp nhận (sửa thông tin nếu cần; chờ Bộ phận Một cửa tiếp nhận)',
  tags: TAGS,
  access: { roles: ['business_rep'], scope: 'doanh nghiệp của mình' },
  params: idParams,
  body: businessEditBody.default({}),
  response: businessSchema,
  handler: async (ctx) => {
    const { db, user, params, body, actor, now, deps } = ctx;
    const b = await loadBusiness(db, user, params.id, 'update');
    const updated = await reapplyBusiness(db, b, body, actor, now);
    queueMessages(ctx, [
      ...(await registrationEmailsTo(db, updated, 'received', deps.config.publicUrl)),
      ...(await deskRegistrationEmailsTo(db, updated, 'reapplied', deps.config.publicUrl)),
    ]);
    return presentBusiness(updated);
  },
});

export const reverseRefusalRoute = defineRoute({
  method: 'POST',
  path: '/api/v1/businesses/:id/reverse-refusal',
  summary: 'Hủy quyết định không tiếp nhận đăng ký (bắt buộc ghi lý do): doanh nghiệp được tiếp nhận',
  tags: TAGS,
  access: { roles: ['ward_officer', 'ward_admin'], scope: 'doanh nghiệp của phường' },
  params: idParams,
  body: reasonBody,
  multiline: ['reason'],
  response: businessSchema,
  handler: async (ctx) => {
    const { db, user, params, body, actor, now, deps } = ctx;
    const b = await loadBusiness(db, user, params.id, 'manage');
    const updated = await reverseRegistrationRefusal(db, b, body.reason, actor, now);
    queueMessages(ctx, await registrationEmailsTo(db, updated, 'reversed', deps.config.publicUrl));
    return presentBusiness(updated);
  },
});

export const businessChangeRoutes = [
  editBusinessRoute,
  listBusinessChangesOfRoute,
  listBusinessChangesRoute,
  approveBusinessChangeRoute,
  refuseBusinessChangeRoute,
  reapplyBusinessRoute,
  reverseRefusalRoute,
];
