import { z } from 'zod';
import { authorize } from '../authz/index.js';
import { MAX_INT32, timestamp, wardCode } from '../http/common-schemas.js';
import { defineRoute } from '../http/route.js';
import { userAreaFilter, wardArea } from '../jurisdictions/ward-area.js';
import { listAuditRows } from './audit-query.js';

const auditEntrySchema = z.object({
  seq: z.number().int(),
  at: timestamp,
  actorId: z.string().nullable(),
  actorRole: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  wardCode: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
  hash: z.string(),
});

export const listAuditRoute = defineRoute({
  method: 'GET',
  path: '/api/v1/audit',
  summary: 'Nhật ký kiểm tra (mới nhất trước; trang sau: before = nextBefore)',
  tags: ['audit'],
  access: {
    roles: ['ward_admin', 'supervisor'],
    scope: 'quản trị phường: nhật ký của phường mình; giám sát: của các phường trong địa bàn',
  },
  query: z.object({
    ward: wardCode.optional(),
    entityType: z.string().max(64).optional(),
    entityId: z.string().max(64).optional(),
    before: z.coerce.number().int().positive().max(MAX_INT32).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  }),
  response: z.object({ items: z.array(auditEntrySchema), nextBefore: z.number().int().nullable() }),
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
