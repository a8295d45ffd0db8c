import {
  type Alg,
  type PublicJwk,
  TRUST_FORMAT,
  type TrustEntryJson,
  type TrustListJson,
  trustEntry,
} from '@thonghanh/core';
import type { Executor } from '../db/schema.js';
import { issuerNameOf } from '../keys/issuer.js';

/** Whole-second UTC ISO 8601 (`2021-08-15T03:00:00Z`), as the spec's lists write times. */
export const listTime = (iso: string | Date): string =>
  new Date(Math.floor(new Date(iso).getTime() / 1000) * 1000).toISOString().replace('.000Z', 'Z');

interface KeyListing {
  ward_code: string;
  ward_name: string;
  issuer: string;
  alg: string;
  kid: string;
  public_jwk: string;
  status: string;
  not_before: string;
  not_after: string;
  retired_at: string | null;
  created_at: string;
  last_permit_exp: string | null;
  last_unit_exp: string | null;
}

/**
 * Until when a key is listed: a current key always; a retired key until the last credential
 * it signed has expired (at least until its retirement), so that everything it signed keeps
 * verifying for as long as it is valid, and not a second longer.
 */
function listedUntil(k: KeyListing): number {
  if (k.status === 'current') return Number.POSITIVE_INFINITY;
  return Math.max(
    Date.parse(k.retired_at ?? k.not_after),
    k.last_permit_exp ? Date.parse(k.last_permit_exp) : 0,
    k.last_unit_exp ? Date.parse(k.last_unit_exp) : 0,
  );
}

/**
 * `trust.json` of spec §4: every ward key still needed, ordered by ward and age. `updated`
 * is the last change of the list's content: a key created or retired, or a retired key
 * dropped once everything it signed expired.
 */
export async function buildTrustList(db: Executor, now: Date): Promise<TrustListJson> {
  const rows: KeyListing[] = await db
    .selectFrom('ward_keys as k')
    .innerJoin('admin_units as w', 'w.code', 'k.ward_code')
    .select([
      'k.ward_code',
      'w.name as ward_name',
      'k.issuer',
      'k.alg',
      'k.kid',
      'k.public_jwk',
      'k.status',
      'k.not_before',
      'k.not_after',
      'k.retired_at',
      'k.created_at',
    ])
    .select((eb) => [
      eb
        .selectFrom('permits as p')
        .select((e) => e.fn.max('p.valid_to').as('m'))
        .whereRef('p.kid', '=', 'k.kid')
        .as('last_permit_exp'),
      eb
        .selectFrom('unit_credentials as u')
        .select((e) => e.fn.max('u.valid_to').as('m'))
        .whereRef('u.kid', '=', 'k.kid')
        .as('last_unit_exp'),
    ])
    .orderBy('k.ward_code')
    .orderBy('k.not_before')
    .orderBy('k.kid')
    .execute();

  const t = now.getTime();
  let updated = 0;
  const keys: TrustEntryJson[] = [];
  for (const k of rows) {
    const until = listedUntil(k);
    const events = [Date.parse(k.created_at), k.retired_at ? Date.parse(k.retired_at) : 0];
    if (until <= t) {
      events.push(until);
    } else {
      keys.push(
        trustEntry(
          k.alg as Alg,
          JSON.parse(k.public_jwk) as PublicJwk,
          k.issuer,
          { notBefore: listTime(k.not_before), notAfter: listTime(k.not_after) },
          issuerNameOf(k.ward_name),
        ),
      );
    }
    for (const e of events) if (e <= t && e > updated) updated = e;
  }
  return { format: TRUST_FORMAT, updated: listTime(new Date(updated)), keys };
}
