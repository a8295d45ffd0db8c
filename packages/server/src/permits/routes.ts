// Registers the `permits` and `scans` sections of GET /api/v1/stats.
import './permit-stats.js';
import { z } from 'zod';
import { idParams, wardCode } from '../http/common-schemas.js';
import { defineRoute } from '../http/route.js';
import { issuePermits } from './issue-permits.js';
import { permitSchema, presentPermit } from './permit-presenter.js';
import { listPermits, PERMIT_STATES } from './permit-query.js';
import { loadBusinessFor, loadPermitFor, permitScope } from './permit-scope.js';
import { revokePermit } from './revoke-permits.js';
import { issueContext } from './signing-context.js';

const TAGS = ['permits'];
const READ = {
  roles: ['business_rep', 'ward_admin', 'ward_officer', 'ward_leader', 'health_officer', 'supervisor'],
  scope: 'doanh nghiệp: giấy của mình; cán bộ phường: giấy của các doanh nghiệp trong phường; giám sát: trong địa bàn',
} as const;

/** `YYYY-MM-DD`, a day that exists. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày có dạng YYYY-MM-DD')
  .refine((s) => {
    const [y, m, d] = s.split('-').map(Number) as [number, number, number];
    const t = new Date(Date.UTC(y, m - 1, d));
    return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
  }, 'Ngày không tồn tại');

export const issuePermitsRoute = defineRoute({
  method: 'POST',
  path: '/api/v1/permits',
  summary: 'Cấp giấy đi đường cho người trong danh sách đã được phê duyệt của đơn vị',
  description:
    'Chỉ người có trong danh sách người lao động đã được UBND phường phê duyệt (hiện tại) mới được cấp; bất kỳ ai khác → 422 not_registered và không giấy nào được cấp. Số giấy liên tiếp theo doanh nghiệp và năm, không trùng, không bỏ số. Thời hạn mặc định: hôm nay → hết kế hoạch, tối đa 92 ngày.',
  tags: TAGS,
  access: { roles: ['business_rep'], scope: 'người lao động của chính doanh nghiệp mình' },
  status: 201,
  body: z.object({
    staffIds: z
      .union([z.literal('all'), z.array(z.string().min(1).max(64)).min(1).max(5000)])
      .describe('Mã người trong danh sách (staff_members.id), hoặc "all": mọi người đã được phê duyệt'),
    validFrom: isoDate.optional(),
    validTo: isoDate.optional(),
    purpose: z.string().trim().max(80).optional().describe('Lý do (mặc định: Đi làm việc tại đơn vị)'),
  }),
  response: z.object({
    count: z.number().int(),
    firstSerial: z.string(),
    lastSerial: z.string(),
    items: z.array(permitSchema),
  }),
  handler: async ({ db, user, body, actor, now, deps }) => {
    const business = await loadBusinessFor(db, user, user.businessId ?? '∅', 'permit', 'create');
    const permits = await issuePermits(
      db,
      {
        businessId: business.id,
        staffIds: body.staffIds,
        validFrom: body.validFrom,
        validTo: body.validTo,
        purpose: body.purpose,
      },
      issueContext(deps.config, actor, now),
    );
    return {
      count: permits.length,
      firstSerial: permits[0]?.serial ?? '',
      lastSerial: permits[permits.length - 1]?.serial ?? '',
      items: permits.map((p) => presentPermit(p, now)),
    };
  },
});

export const listPermitsRoute = defineRoute({
  method: 'GET',
  path: '/api/v1/permits',
  summary: 'Danh sách giấy đi đường (mới nhất trước); lọc theo trạng thái, tìm theo tên, số giấy tờ hoặc số giấy',
  tags: TAGS,
  access: READ,
  query: z.object({
    ward: wardCode.optional(),
    businessId: z.string().min(1).max(64).optional(),
    staffId: z.string().min(1).max(64).optional(),
    status: z.enum(PERMIT_STATES).optional().describe('active: còn hiệu lực; revoked: đã thu hồi; expired: hết hạn'),
    q: z.string().trim().max(100).optional(),
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(500).default(50),
  }),
  response: z.object({
    items: z.array(permitSchema),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  }),
  handler: async ({ db, user, query, now }) => {
    const scope = await permitScope(db, user, { ward: query.ward, businessId: query.businessId });
    const { items, total } = await listPermits(
      db,
      {
        ...scope,
        now,
        ...(query.staffId ? { staffId: query.staffId } : {}),
        ...(query.status ? { state: query.status } : {}),
        ...(query.q ? { q: query.q } : {}),
      },
      { limit: query.pageSize, offset: (query.page - 1) * query.pageSize },
    );
    return { items: items.map((p) => presentPermit(p, now)), total, page: query.page, pageSize: query.pageSize };
  },
});

export const getPermitRoute = defineRoute({
  method: 'GET',
  path: '/api/v1/permits/:id',
  summary: 'Xem một giấy đi đường',
  tags: TAGS,
  access: READ,
  params: idParams,
  response: permitSchema,
  handler: async ({ db, user, params, now }) => presentPermit(await loadPermitFor(db, user, params.id, 'read'), now),
});

export const revokePermitRoute = defineRoute({
  method: 'POST',
  path: '/api/v1/permits/:id/revoke',
  summary: 'Thu hồi một giấy đi đường (có lý do); có hiệu lực ngay trong danh sách thu hồi',
  tags: TAGS,
  access: {
    roles: ['business_rep', 'ward_admin', 'ward_officer'],
    scope: 'doanh nghiệp: giấy của mình; cán bộ phường: giấy của các doanh nghiệp trong phường',
  },
  params: idParams,
  body: z.object({ reason: z.string().trim().min(1, 'Nhập lý do thu hồi').max(500) }),
  multiline: ['reason'],
  response: permitSchema,
  handler: async ({ db, user, params, body, actor, now }) => {
    const permit = await loadPermitFor(db, user, params.id, 'update');
    return presentPermit(await revokePermit(db, permit, body.reason, { actor, now }), now);
  },
});

export const permitRoutes = [issuePermitsRoute, listPermitsRoute, getPermitRoute, revokePermitRoute];
