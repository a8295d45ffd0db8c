import { nameSearchKey } from '@thonghanh/core';
import { sql } from 'kysely';
import type { Executor } from '../db/schema.js';
import { vnToday } from '../notifications/vn-time.js';

/**
 * The ward's next reference number for an approval: `<n>/<suffix>`, n counted per ward and
 * calendar year (Việt Nam time), like the ward's paper register (`85/UBND-ĐG`). The suffix
 * is `ward_settings.reference_suffix`, or `UBND-` and the initials of the ward's name.
 * The counter row is updated in the caller's transaction (a row lock on PostgreSQL).
 */
export async function nextReferenceNumber(db: Executor, wardCode: string, now: Date): Promise<string> {
  const year = Number(vnToday(now).slice(0, 4));
  const row = await db
    .insertInto('reference_counters')
    .values({ ward_code: wardCode, year, seq: 1 })
    .onConflict((oc) => oc.columns(['ward_code', 'year']).doUpdateSet({ seq: sql`reference_counters.seq + 1` }))
    .returning('seq')
    .executeTakeFirstOrThrow();
  return `${Number(row.seq)}/${await referenceSuffix(db, wardCode)}`;
}

export async function referenceSuffix(db: Executor, wardCode: string): Promise<string> {
  const settings = await db
    .selectFrom('ward_settings')
    .select('reference_suffix')
    .where('ward_code', '=', wardCode)
    .executeTakeFirst();
  if (settings?.reference_suffix) return settings.reference_suffix;
  const unit = await db.selectFrom('admin_units').select('name').where('code', '=', wardCode).executeTakeFirst();
  return `UBND-${initials(unit?.name ?? wardCode)}`;
}

/** `Phường Đức Giang` → `ĐG`; `Xã Bát Tràng` → `BT`; a numbered ward `Phường 12` → `P12`. */
export function initials(unitName: string): string {
  const words = unitName.normalize('NFC').trim().split(/\s+/);
  const level = nameSearchKey(words[0] ?? '');
  const rest = level === 'phuong' || level === 'xa' ? words.slice(1) : level === 'thi' ? words.slice(2) : words;
  if (rest.length === 1 && /^\d+$/.test(rest[0] as string))
    return `${(words[0] ?? 'P').charAt(0).toUpperCase()}${rest[0]}`;
  return rest.map((w) => w.charAt(0).toUpperCase()).join('');
}
