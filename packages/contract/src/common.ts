import { z } from 'zod';
import { TEXT_LIMITS } from './limits.js';

/** `:id` of a row (a UUID; any other string simply finds nothing: 404). */
export const idParams = z.object({ id: z.string().min(1).max(TEXT_LIMITS.id) });

export const wardCode = z
  .string()
  .regex(/^\d{5}$/, 'Mã phường/xã gồm 5 chữ số')
  .describe('Mã phường/xã (GSO, 5 chữ số)');
export const districtCode = z.string().regex(/^\d{3}$/, 'Mã quận/huyện gồm 3 chữ số');
export const provinceCode = z.string().regex(/^\d{2}$/, 'Mã tỉnh/thành phố gồm 2 chữ số');
export const anyUnitCode = z.string().regex(/^\d{2,5}$/, 'Mã đơn vị hành chính gồm 2, 3 hoặc 5 chữ số');

/** `:code` of a ward in a path. */
export const wardParams = z.object({ code: wardCode });

/** ISO-8601 UTC timestamp text, as stored. */
export const timestamp = z.string().describe('Thời điểm ISO 8601 (UTC)');

/**
 * The largest value of a PostgreSQL `integer` column (audit `seq`…). A number above it in a
 * query is refused with 400 rather than reaching the database, where it fails the statement.
 */
export const MAX_INT32 = 2_147_483_647;

export const okResponse = z.object({ ok: z.literal(true) });

/** `?active=true|false` in a query string. */
export const booleanQuery = z.enum(['true', 'false']).transform((v) => v === 'true');

/** `{ items: [...] }`, the shape of every unpaged list. */
export const itemsOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

/** The area a statistic or a list covers. */
export const areaSchema = z.object({
  wardCode: z.string().nullable(),
  districtCode: z.string().nullable(),
  provinceCode: z.string().nullable(),
});

/** The body of every error response (see errors.ts for the codes). */
export const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z.array(z.object({ path: z.string(), code: z.string(), message: z.string() })).optional(),
  }),
});
