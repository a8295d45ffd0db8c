// Registers the `permits` and `scans` sections of GET /api/v1/stats.
import './permit-stats.js';
import {
  batchSchema,
  idParams,
  issuePermitsBody,
  issuePermitsResponse,
  listPermitsQuery,
  PERMIT_SYNC_LIMIT,
  permitPageSchema,
  permitSchema,
  revokePermitBody,
} from '@thonghanh/contract';
import { loadBusinessFor } from '../businesses/load-business.js';
import { notFound } from '../errors.js';
import { defineRoute } from '../http/route.js';
import { presentBatch } from './batches/batch-presenter.js';
import { createBatch, issueNextChunk } from './issue-permits.js';
import { presentPermit } from './permit-presenter.js';
import { listPermits } from './permit-query.js';
import { loadPermitFor, permitScope } from './permit-scope.js';
import { revokePermit } from './revoke-permits.js';
import { issueContext } from './signing-context.js';

const TAGS = ['permits'];
const READ = {
  roles: ['business_rep', 'ward_admin', 'ward_officer', 'ward_leader', 'health_officer', 'supervisor'],
  scope: 'doanh nghiệp: giấy của mình; cán bộ phường: giấy của các doanh nghiệp trong phường; giám sát: trong địa bàn',
} as const;

/** Permits of a finished batch listed in the answer; the rest page by page (GET /permits?batchId=). */
const FIRST_PAGE = 50;

export const issuePermitsRoute = defineRoute({
  method: 'POST',
  path: '/api/v1/permits',
  summary: 'Cấp giấy đi đường cho người trong danh sách đã được phê duyệt của đơn vị',
  description:
    'Chỉ người có trong danh sách người lao động đã được UBND phường phê duyệt (hiện tại) mới được cấp; bất kỳ ai khác → 422 not_registered và không giấy nào được cấp. Số giấy liên tiếp theo doanh nghiệp và năm, không trùng, không bỏ số. Thời hạn mặc định: hôm nay → hết kế hoạch, tối đa 92 ngày; ngày không tồn tại hoặc ngày kết thúc trước ngày bắt đầu → 422 date_invalid. Người đang có giấy còn hiệu lực → 409 permit_already_active (liệt kê từng người) trừ khi onActive cho biết cách xử lý. Tối đa 500 người: cấp xong rồi mới trả lời (state done, items là trang đầu); nhiều hơn: cấp dần từng phần trong nền (state running), xem tiến độ ở GET /api/v1/permits/batches/{id} và danh sách ở GET /api/v1/permits?batchId=.',
  tags: TAGS,
  access: { roles: ['business_rep'], scope: 'người lao động của chính doanh nghiệp mình' },
  status: 201,
  // Small requests open their own transaction; large ones commit the batch, then work in chunks.
  transaction: false,
  body: issuePermitsBody,
  response: issuePermitsResponse,
  handler: async ({ db, user, body, actor, now, deps }) => {
    const business = await loadBusinessFor(db, user, user.businessId ?? '∅', 'create', 'permit');
    const ctx = issueContext(deps.config, actor, now);
    const batch = await db.transaction().execute(async (tx) => {
      let b = await createBatch(
        tx,
        {
          businessId: business.id,
          staffIds: body.staffIds,
          validFrom: body.validFrom,
          validTo: body.validTo,
          purpose: body.purpose,
          onActive: body.onActive,
        },
        ctx,
      );
      if (b.requested > PERMIT_SYNC_LIMIT) return b;
      while (b.state === 'running') b = (await issueNextChunk(tx, b, ctx, PERMIT_SYNC_LIMIT)).batch;
      return b;
    });
    if (batch.state === 'running') deps.permitBatches.start(batch.id);
    const first =
      batch.state === 'done'
        ? (await listPermits(db, { batchId: batch.id, now }, { limit: FIRST_PAGE, offset: 0 })).items
        : [];
    return {
      ...presentBatch(batch),
      count: batch.issued,
      items: first.map((p) => presentPermit(p, now)),
    };
  },
});

export const getBatchRoute = defineRoute({
  method: 'GET',
  path: '/api/v1/permits/batches/:id',
  summary: 'Tiến độ một đợt cấp giấy: đã xử lý bao nhiêu người, đã cấp, bỏ qua, thay thế',
  tags: TAGS,
  access: READ,
  params: idParams,
  response: batchSchema,
  handler: async ({ db, user, params }) => {
    const batch = await db.selectFrom('permit_batches').selectAll().where('id', '=', params.id).executeTakeFirst();
    if (!batch) throw notFound('Không tìm thấy đợt cấp giấy.');
    await loadBusinessFor(db, user, batch.business_id, 'read', 'permit');
    return presentBatch(batch);
  },
});

export const listPermitsRoute = defineRoute({
  method: 'GET',
  path: '/api/v1/permits',
  summary: 'Danh sách giấy đi đường (mới nhất trước); lọc theo trạng thái, tìm theo tên, số giấy tờ hoặc số giấy',
  tags: TAGS,
  access: READ,
  query: listPermitsQuery,
  response: permitPageSchema,
  handler: async ({ db, user, query, now }) => {
    const scope = await permitScope(db, user, { ward: query.ward, businessId: query.businessId });
    const { items, total } = await listPermits(
      db,
      {
        ...scope,
        now,
        ...(query.staffId ? { staffId: query.staffId } : {}),
        ...(query.batchId ? { batchId: query.batchId } : {}),
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
  body: revokePermitBody,
  multiline: ['reason'],
  response: permitSchema,
  handler: async ({ db, user, params, body, actor, now }) => {
    const permit = await loadPermitFor(db, user, params.id, 'update');
    return presentPermit(await revokePermit(db, permit, body.reason, { actor, now }), now);
  },
});

export const permitRoutes = [issuePermitsRoute, getBatchRoute, listPermitsRoute, getPermitRoute, revokePermitRoute];
