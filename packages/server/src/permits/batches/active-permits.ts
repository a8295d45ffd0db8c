import type { Executor } from '../../db/schema.js';

/** One person who already holds an active permit of the business. */
export interface ActiveHolder {
  staffId: string;
  holder: string;
  serial: string;
  /** exp, ISO. */
  validTo: string;
}

const LOOKUP_CHUNK = 500;

/**
 * Active, unexpired permits of a business held by some of its people (or by anyone on its
 * current ward's approved list, for `all`): how many people, and the first `limit` of them by name.
 */
export async function activeHolders(
  db: Executor,
  business: { id: string; ward_code: string },
  staffIds: string[] | 'all',
  now: Date,
  limit: number,
): Promise<{ count: number; people: ActiveHolder[] }> {
  const at = now.toISOString();
  const businessId = business.id;
  const base = () =>
    db
      .selectFrom('permits')
      .where('permits.business_id', '=', businessId)
      .where('permits.status', '=', 'active')
      .where('permits.valid_to', '>', at);
  if (staffIds === 'all') {
    const approved = (q: ReturnType<typeof base>) =>
      q.where('permits.staff_id', 'in', (eb) =>
        eb
          .selectFrom('staff_members')
          .select('staff_members.id')
          .where('staff_members.business_id', '=', businessId)
          .where('staff_members.ward_code', '=', business.ward_code)
          .where('staff_members.status', '=', 'approved'),
      );
    const n = await approved(base())
      .select((eb) => eb.fn.count<number>('permits.staff_id').distinct().as('n'))
      .executeTakeFirstOrThrow();
    const people = await approved(base())
      .select(['staff_id as staffId', 'holder', 'serial', 'valid_to as validTo'])
      .orderBy('holder_key')
      .orderBy('staff_id')
      .limit(limit * 2)
      .execute();
    return { count: Number(n.n), people: firstPerPerson(people, limit) };
  }
  const found: ActiveHolder[] = [];
  for (let i = 0; i < staffIds.length; i += LOOKUP_CHUNK) {
    // By person only, the rest checked here: given `status = 'active' and valid_to > now`,
    // SQLite (no statistics) picks permits_revoked_idx and reads every active permit of
    // every business for each chunk of a batch; by staff_id it reads these people's permits.
    const rows = await db
      .selectFrom('permits')
      .select(['staff_id as staffId', 'holder', 'serial', 'valid_to as validTo', 'business_id', 'status'])
      .where('staff_id', 'in', staffIds.slice(i, i + LOOKUP_CHUNK))
      .execute();
    for (const r of rows) {
      if (r.business_id === businessId && r.status === 'active' && r.validTo > at) {
        found.push({ staffId: r.staffId, holder: r.holder, serial: r.serial, validTo: r.validTo });
      }
    }
  }
  const order = new Map(staffIds.map((id, i) => [id, i]));
  found.sort((a, b) => (order.get(a.staffId) ?? 0) - (order.get(b.staffId) ?? 0));
  const people = firstPerPerson(found, Number.POSITIVE_INFINITY);
  return { count: people.length, people: people.slice(0, limit) };
}

function firstPerPerson(rows: ActiveHolder[], limit: number): ActiveHolder[] {
  const seen = new Set<string>();
  const out: ActiveHolder[] = [];
  for (const r of rows) {
    if (seen.has(r.staffId)) continue;
    seen.add(r.staffId);
    out.push(r);
    if (out.length >= limit) break;
  }
  return out;
}
