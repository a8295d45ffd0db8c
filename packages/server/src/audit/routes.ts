import { auditPageSchema, listAuditQuery } from '@thonghanh/contract';
import { authorize } from '../authz/index.js';
import { defineRoute } from '../http/route.js';
import { userAreaFilter, wardArea } from '../jurisdictions/ward-area.js';
import { listAuditRows } from './audit-query.js';

export const listAuditRoute = defineRoute({
  method: 'GET',
  path: '/api/v1/audit',
  summary: 'Nhật ký kiểm tra (mới nhất trước; trang sau: before = nextBefore)',
  tags: ['audit'],
  access: {
    roles: ['ward_admin', 'supervisor'],
    scope: 'quản trị phường: nhật ký của phường mình; giám sát: của các phường trong địa bàn',
  },
  query: listAuditQuery,
  response: auditPageSchema,
  handler: async ({ db, user, query }) => {
    if (query.ward) authorize(user, 'read', { type: 'audit', ...(await wardArea(db, query.ward, 'query.ward')) });
    const rows = await listAuditRows(db, {
      ...userAreaFilter(user),
      ...(query.ward ? { wardCode: query.ward } : {}),
      ...(query.entityType ? { entityType: query.entityType } : {}),
      ...(query.entityId ? { entityId: query.entityId } : {}),
      ...(query.before !== undefined ? { beforeSeq: query.before } : {}),
      limit: query.limit,
    });
    const items = rows.map((r) => ({
      seq: Number(r.seq),
      at: r.at,
      actorId: r.actor_id,
      actorRole: r.actor_role,
      action: r.action,
      entityType: r.entity_type,
      entityId: r.entity_id,
      wardCode: r.ward_code,
      detail: JSON.parse(r.detail) as Record<string, unknown>,
      hash: r.hash,
    }));
    const last = items.at(-1);
    return { items, nextBefore: items.length === query.limit && last ? last.seq : null };
  },
});

export const auditRoutes = [listAuditRoute];
