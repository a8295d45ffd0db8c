import { type Kysely, sql } from 'kysely';
import { dialectOf } from '../database.js';

/**
 * `never_scanned` for a district or a city (inspection/find-anomalies.ts) joins ~100,000
 * permits to their credential's span. Visited in issue order, each permit's span is a B-tree
 * descent to a random page; visited in credential order, consecutive spans share pages and
 * the join costs about a third (docs/benchmarks.md). So:
 * - permits by (district, cti), covering what `never_scanned` reads. A new index, not a
 *   replacement: the charts count permits by (district, issued_at).
 * - SQLite: `scan_credential_spans` becomes a WITHOUT ROWID table, its rows stored in cti
 *   order in the primary key itself: one descent per span instead of the cti index then the
 *   row by rowid (rowids follow first scans, so in no useful order). Writes get no dearer:
 *   the upsert of a scan batch now finds and updates one B-tree instead of two.
 */
const COLUMNS = `cti text primary key, first_at text not null, last_at text not null, last_scan_id text not null,
  last_checkpoint_id text not null, last_ward_code text not null, last_district_code text not null,
  last_province_code text not null`;

async function rebuildSpans(db: Kysely<unknown>, withoutRowid: boolean): Promise<void> {
  await sql
    .raw(`create table scan_credential_spans_new (${COLUMNS})${withoutRowid ? ' without rowid' : ''}`)
    .execute(db);
  await sql`insert into scan_credential_spans_new select cti, first_at, last_at, last_scan_id, last_checkpoint_id,
    last_ward_code, last_district_code, last_province_code from scan_credential_spans order by cti`.execute(db);
  await sql`drop table scan_credential_spans`.execute(db);
  await sql`alter table scan_credential_spans_new rename to scan_credential_spans`.execute(db);
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('permits_district_cti_idx')
    .on('permits')
    .columns([
      'district_code',
      'cti',
      'issued_at',
      'valid_from',
      'valid_to',
      'status',
      'revoked_at',
      'business_id',
      'id',
    ])
    .execute();
  if (dialectOf(db as never) === 'sqlite') await rebuildSpans(db, true);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (dialectOf(db as never) === 'sqlite') await rebuildSpans(db, false);
  await db.schema.dropIndex('permits_district_cti_idx').execute();
}
