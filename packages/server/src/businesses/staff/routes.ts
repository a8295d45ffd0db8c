import {
  idParams,
  listBusinessStaffQuery,
  removeStaffBody,
  removeStaffResponse,
  staffPageSchema,
} from '@thonghanh/contract';
import { audit } from '../../audit/append-audit.js';
import { defineRoute } from '../../http/route.js';
import { removeApprovedStaff } from '../../staff/list/remove-approved-staff.js';
import { STAFF_READERS } from '../../staff/list/staff-access.js';
import { presentStaffMember } from '../../staff/list/staff-presenter.js';
import { listStaff } from '../../staff/list/staff-query.js';
import { loadBusinessFor } from '../load-business.js';

/** A business's registered staff list (`/businesses/:id/staff`); the dossier's list: dossiers/staff/routes.ts. */
const TAGS = ['staff'];

export const listBusinessStaffRoute = defineRoute({
  method: 'GET',
  path: '/api/v1/businesses/:id/staff',
  summary: 'Danh sách người lao động đã đăng ký của doanh nghiệp (mặc định: đã phê duyệt)',
  tags: TAGS,
  access: STAFF_READERS,
  params: idParams,
  query: listBusinessStaffQuery,
  response: staffPageSchema,
  transaction: true,
  handler: async ({ db, user, params, query, actor, now }) => {
    const business = await loadBusinessFor(db, user, params.id, 'read', 'staff_list');
    const page = await listStaff(db, {
      businessId: business.id,
      statuses: query.status,
      ...(query.q ? { q: query.q } : {}),
      limit: query.pageSize,
      offset: (query.page - 1) * query.pageSize,
    });
    await audit(
      db,
      actor,
      'staff_list.viewed',
      { type: 'business', id: business.id, wardCode: business.ward_code },
      { q: query.q ?? null, status: query.status, page: query.page, shown: page.items.length },
      now,
    );
    return { items: page.items.map(presentStaffMember), total: page.total, page: query.page, pageSize: query.pageSize };
  },
});

export const removeStaffRoute = defineRoute({
  method: 'POST',
  path: '/api/v1/businesses/:id/staff/remove',
  summary: 'Rút người khỏi danh sách đã phê duyệt: có hiệu lực ngay, giấy đi đường của họ bị thu hồi',
  tags: TAGS,
  access: {
    roles: ['business_rep', 'ward_officer'],
    scope: 'doanh nghiệp: danh sách của mình; Một cửa: doanh nghiệp của phường',
  },
  params: idParams,
  body: removeStaffBody,
  multiline: ['reason'],
  response: removeStaffResponse,
  handler: async ({ db, user, params, body, actor, now, deps }) => {
    const business = await loadBusinessFor(db, user, params.id, 'delete', 'staff_list');
    return removeApprovedStaff(
      db,
      { business, staffIds: body.staffIds, reason: body.reason, hooks: deps.hooks },
      actor,
      now,
    );
  },
});

export const businessStaffRoutes = [listBusinessStaffRoute, removeStaffRoute];
