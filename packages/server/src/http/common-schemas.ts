import { z } from 'zod';

/** `:id` of a row (a UUID; any other string simply finds nothing: 404). */
export const idParams = z.object({ id: z.string().min(1).max(64) });

export const wardCode = z
  .string()
  .regex(/^\d{5}$/, 'Mã phường/xã gồm 5 chữ số')
  .describe('Mã phường/xã (GSO, 5 chữ số)');
export const districtCode = z.string().regex(/^\d{3}$/, 'Mã quận/huyện gồm 3 chữ số');
export const provinceCode = z.string().regex(/^\d{2}$/, 'Mã tỉnh/thành phố gồm 2 chữ số');
export const anyUnitCode = z.string().regex(/^\d{2,5}$/, 'Mã đơn vị hành chính gồm 2, 3 hoặc 5 chữ số');

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
