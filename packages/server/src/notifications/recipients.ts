import type { Role } from '@thonghanh/contract';
import type { Executor } from '../db/schema.js';
import { getWardSettings } from '../ward-settings/ward-settings.js';

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
 * The ward's desk (Bộ phận Một cửa): its shared mailbox (`ward_settings.desk_email`) and its
 * active desk officers' account e-mails, each once; empty when the ward has neither.
 */
export async function deskAddresses(db: Executor, wardCode: string): Promise<string[]> {
  const { deskEmail } = await getWardSettings(db, wardCode);
  return uniqueAddresses(deskEmail, await wardStaffEmails(db, wardCode, ['ward_officer']));
}

/** A business: its contact e-mail (as typed) and its active representatives' account e-mails, each once. */
export async function businessAddresses(
  db: Executor,
  business: { id: string; contactEmail: string | null },
): Promise<string[]> {
  return uniqueAddresses(business.contactEmail, await businessUserEmails(db, business.id));
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
