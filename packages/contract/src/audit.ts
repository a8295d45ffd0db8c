import { z } from 'zod';
import { MAX_INT32, timestamp, wardCode } from './common.js';
import { PAGE_SIZES } from './limits.js';

export const auditEntrySchema = z.object({
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

export const listAuditQuery = z.object({
  ward: wardCode.optional(),
  entityType: z.string().max(64).optional(),
  entityId: z.string().max(64).optional(),
  before: z.coerce.number().int().positive().max(MAX_INT32).optional(),
  limit: z.coerce.number().int().min(1).max(PAGE_SIZES.audit.max).default(PAGE_SIZES.audit.default),
});

export const auditPageSchema = z.object({ items: z.array(auditEntrySchema), nextBefore: z.number().int().nullable() });
