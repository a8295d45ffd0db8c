import { DEFAULT_SERIAL_SUFFIX } from '@thonghanh/contract';
import { sql } from 'kysely';
import type { Executor } from '../db/schema.js';

/**
 * The text after the number when neither the business nor its ward chose one (giấy đi đường),
 * and the suffix's longest length: the contract's, as the settings screens read them.
 */
export { DEFAULT_SERIAL_SUFFIX, MAX_SUFFIX_LENGTH } from '@thonghanh/contract';

/** `0001/GĐĐ`: the number zero-padded to 4 digits (wider past 9999), `/`, the suffix. */
export const formatSerial = (seq: number, suffix: string): string => `${String(seq).padStart(4, '0')}/${suffix}`;

/** The suffix for a business's serials: its own, else its ward's, else `GĐĐ`. */
export async function serialSuffixFor(db: Executor, businessId: string, wardCode: string): Promise<string> {
  const rows = await db
    .selectFrom('permit_serial_suffixes')
    .select(['scope', 'suffix'])
    .where((eb) =>
      eb.or([
        eb.and([eb('scope', '=', 'business'), eb('scope_id', '=', businessId)]),
        eb.and([eb('scope', '=', 'ward'), eb('scope_id', '=', wardCode)]),
      ]),
    )
    .execute();
  return (
    rows.find((r) => r.scope === 'business')?.suffix ??
    rows.find((r) => r.scope === 'ward')?.suffix ??
    DEFAULT_SERIAL_SUFFIX
  );
}

/**
 * Reserves `count` consecutive numbers of a business's serials for a year and returns the
 * first. The counter row is updated in the request's transaction (`last_seq = last_seq + n
 * … RETURNING`): on PostgreSQL the row lock makes concurrent requests wait for each other,
 * on SQLite writers are serialised anyway; a request that fails rolls its numbers back with
 * it. So numbers are never duplicated and never skipped.
 */
export async function reserveSerialNumbers(
  db: Executor,
  businessId: string,
  year: number,
  count: number,
): Promise<number> {
  await db
    .insertInto('permit_counters')
    .values({ business_id: businessId, year, last_seq: 0 })
    .onConflict((oc) => oc.columns(['business_id', 'year']).doNothing())
    .execute();
  const row = await db
    .updateTable('permit_counters')
    .set({ last_seq: sql`last_seq + ${count}` })
    .where('business_id', '=', businessId)
    .where('year', '=', year)
    .returning('last_seq')
    .executeTakeFirstOrThrow();
  return Number(row.last_seq) - count + 1;
}
