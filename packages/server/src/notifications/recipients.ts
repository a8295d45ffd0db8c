import type { Role } from '@thonghanh/contract';
import type { Executor } from '../db/schema.js';

/**
 * The account e-mails of the ward's active staff in `roles` (inactive accounts and accounts
 * without e-mail are skipped): who works on a dossier hears of it at their own address, not
 * only at the ward's shared desk mailbox.
 */
export async function wardStaffEmails(db: Executor, wardCode: string, roles: readonly Role[]): Promise<string[]> {
  const rows = await db
    .selectFrom('users')
    .select('email')
    .where('ward_code', '=', wardCode)
    .where('role', 'in', [...roles])
    .where('active', '=', 1)
    .where('email', 'is not', null)
    .orderBy('username')
    .execute();
  return rows.map((r) => r.email as string);
}

/** The account e-mails of a business's active representatives (none without e-mail). */
export async function businessUserEmails(db: Executor, businessId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('users')
    .select('email')
    .where('business_id', '=', businessId)
    .where('role', '=', 'business_rep')
    .where('active', '=', 1)
    .where('email', 'is not', null)
    .orderBy('username')
    .execute();
  return rows.map((r) => r.email as string);
}

/**
 * One list of addresses, each once: blanks dropped, compared case-insensitively (account
 * e-mails are stored lower-case, a business's contact e-mail as typed), the first spelling
 * kept, in order.
 */
export function uniqueAddresses(...lists: Array<string | null | undefined | ReadonlyArray<string>>): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const a of lists.flat()) {
    const address = a?.trim();
    if (!address || seen.has(address.toLowerCase())) continue;
    seen.add(address.toLowerCase());
    out.push(address);
  }
  return out;
}
