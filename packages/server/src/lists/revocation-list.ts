import { REVOKED_FORMAT, type RevocationListJson } from '@thonghanh/core';
import type { Executor } from '../db/schema.js';
import { listTime } from './trust-list.js';

const NAME = 'revoked';

/**
 * `revoked.json` of spec §4: the cti of every revoked permit and unit credential that has not
 * yet expired (an expired credential is refused anyway), sorted. `version` counts the
 * changes (revocations); `updated` is the time of the last one.
 */
export async function buildRevocationList(db: Executor, now: Date): Promise<RevocationListJson> {
  const at = now.toISOString();
  const [state, permits, units] = await Promise.all([
    db.selectFrom('list_versions').select(['version', 'updated_at']).where('name', '=', NAME).executeTakeFirst(),
    db.selectFrom('permits').select('cti').where('status', '=', 'revoked').where('valid_to', '>', at).execute(),
    db
      .selectFrom('unit_credentials')
      .select('cti')
      .where('status', '=', 'revoked')
      .where('valid_to', '>', at)
      .execute(),
  ]);
  const revoked = [...permits, ...units].map((r) => r.cti).sort();
  return {
    format: REVOKED_FORMAT,
    updated: listTime(state?.updated_at ?? at),
    version: Number(state?.version ?? 0),
    revoked,
  };
}

/**
 * Records a change of the revocation list, in the transaction of the revocation: the version
 * goes up by one. The row's lock orders concurrent revocations; take it after the audit head.
 */
export async function bumpRevocationVersion(db: Executor, now: Date): Promise<number> {
  const row = await db
    .updateTable('list_versions')
    .set((eb) => ({ version: eb('version', '+', 1), updated_at: now.toISOString() }))
    .where('name', '=', NAME)
    .returning('version')
    .executeTakeFirstOrThrow();
  return Number(row.version);
}
