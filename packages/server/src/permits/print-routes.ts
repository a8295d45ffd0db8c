import { idParams, permitPdfQuery, printPermitsBody } from '@thonghanh/contract';
import type { AuthUser } from '../authz/index.js';
import type { Executor, PermitRow } from '../db/schema.js';
import { notFound } from '../errors.js';
import { defineRoute } from '../http/route.js';
import { streamPermitsPdf } from './permit-print.js';
import { countPermits, permitPages, permitsByIds } from './permit-query.js';
import { loadPermitFor, permitScope } from './permit-scope.js';

const TAGS = ['permits'];
const READ = {
  roles: ['business_rep', 'ward_admin', 'ward_officer', 'health_officer', 'supervisor'],
  scope: 'doanh nghiệp: giấy của mình; cán bộ phường: giấy của các doanh nghiệp trong phường; giám sát: trong địa bàn',
} as const;

/** Which of these ids the user may not read (unknown ones included): checked in chunks before printing. */
async function unreadable(db: Executor, user: AuthUser, ids: string[]): Promise<number> {
  const scope = await permitScope(db, user, {});
  let missing = 0;
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    let q = db
      .selectFrom('permits')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('id', 'in', chunk);
    if (scope.businessId) q = q.where('business_id', '=', scope.businessId);
    if (scope.wardCode) q = q.where('ward_code', '=', scope.wardCode);
    if (scope.districtCode) q = q.where('district_code', '=', scope.districtCode);
    if (scope.provinceCode) q = q.where('province_code', '=', scope.provinceCode);
    const r = await q.executeTakeFirstOrThrow();
    missing += chunk.length - Number(r.n);
  }
  return missing;
}

export const permitPdfRoute = defineRoute({
  method: 'GET',
  path: '/api/v1/permits/:id/pdf',
  summary: 'In một giấy đi đường theo mẫu của Thành phố (PDF, A5 hoặc hai giấy trên A4)',
  tags: TAGS,
  access: READ,
  params: idParams,
  query: permitPdfQuery,
  produces: 'application/pdf',
  handler: async ({ db, user, params, query, reply }) => {
    const permit = await loadPermitFor(db, user, params.id, 'read');
    const file = `giay-di-duong-${permit.serial.replace(/[^0-9A-Za-z]+/g, '-')}.pdf`;
    return streamPermitsPdf(reply, db, [[permit]], 1, query.layout, file);
  },
});

export const printPermitsRoute = defineRoute({
  method: 'POST',
  path: '/api/v1/permits/print',
  summary: 'In nhiều giấy đi đường thành một PDF, gửi dần về trình duyệt trong lúc tạo',
  description:
    'Chọn theo danh sách mã giấy (ids, in theo thứ tự gửi lên), theo một đợt cấp (batchId; theo số giấy) hoặc theo doanh nghiệp và trạng thái (businessId, status; theo số giấy). Tiêu đề X-Permit-Count cho biết tổng số giấy để hiện tiến độ; PDF được gửi từng phần (chunked) và bộ nhớ không tăng theo số giấy.',
  tags: TAGS,
  access: READ,
  transaction: false,
  body: printPermitsBody,
  produces: 'application/pdf',
  handler: async ({ db, user, body, now, reply }) => {
    if ('ids' in body) {
      const ids = [...new Set(body.ids)];
      if ((await unreadable(db, user, ids)) > 0) throw notFound('Có giấy đi đường không tìm thấy.');
      return streamPermitsPdf(reply, db, permitsByIds(db, ids), ids.length, body.layout, 'giay-di-duong.pdf');
    }
    if ('batchId' in body) {
      const batch = await db
        .selectFrom('permit_batches')
        .select('business_id')
        .where('id', '=', body.batchId)
        .executeTakeFirst();
      if (!batch) throw notFound('Không tìm thấy đợt cấp giấy.');
      const scope = await permitScope(db, user, { businessId: batch.business_id });
      const filter = { ...scope, now, batchId: body.batchId };
      const count = await countPermits(db, filter);
      return streamPermitsPdf(reply, db, permitPages(db, filter), count, body.layout, 'giay-di-duong.pdf');
    }
    const scope = await permitScope(db, user, { businessId: body.businessId });
    const filter = { ...scope, now, state: body.status };
    const count = await countPermits(db, filter);
    const pages: AsyncIterable<PermitRow[]> = permitPages(db, filter);
    return streamPermitsPdf(reply, db, pages, count, body.layout, 'giay-di-duong.pdf');
  },
});

export const printRoutes = [permitPdfRoute, printPermitsRoute];
