import { type Kysely, sql } from 'kysely';
import { FLAGGED_SCAN, rebuildCountsAndPairs } from '../../inspection/scan-facts.js';

/**
 * Post-inspection (hậu kiểm) and the live picture:
 * - checkpoints get coordinates (a copied permit shows as two checkpoints too far apart for
 *   the time between its scans);
 * - partial indexes on the scans a device flagged (verdict or warnings), by ward and by
 *   district (a city is its districts); scans are found by (cti, time) and by document number;
 * - facts derived from scans as they are stored (inspection/scan-facts.ts):
 *   `scan_hourly_counts` (the charts), `scan_unit_days` (each unit's scans and failures per
 *   day and ward: failure rates) and `scan_close_pairs` (consecutive scans of one credential
 *   at two checkpoints within two hours: the copy candidates);
 * - inspection cases (hồ sơ hậu kiểm) on a unit and their timeline.
 * Existing scans are counted and paired here once.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('checkpoints').addColumn('latitude', 'double precision').execute();
  await db.schema.alterTable('checkpoints').addColumn('longitude', 'double precision').execute();

  await db.schema.dropIndex('scans_cti_idx').ifExists().execute();
  // The scans the device flagged (a few in a hundred): the anomaly list reads only these.
  // Queries repeat FLAGGED_SCAN word for word, so both databases use the partial indexes.
  for (const [name, column] of [
    ['scans_flagged_ward_idx', 'ward_code'],
    ['scans_flagged_district_idx', 'district_code'],
  ] as const) {
    await db.schema
      .createIndex(name)
      .on('scans')
      .columns([column, 'scanned_at'])
      .where(sql<boolean>`${sql.raw(FLAGGED_SCAN)}`)
      .execute();
  }
  await db.schema.createIndex('scans_cti_at_idx').on('scans').columns(['cti', 'scanned_at']).execute();
  await db.schema.createIndex('scans_id_number_idx').on('scans').columns(['id_number', 'scanned_at']).execute();

  await db.schema
    .createTable('scan_hourly_counts')
    .addColumn('ward_code', 'text', (c) => c.notNull())
    .addColumn('hour', 'text', (c) => c.notNull())
    .addColumn('verdict', 'text', (c) => c.notNull())
    .addColumn('district_code', 'text', (c) => c.notNull())
    .addColumn('province_code', 'text', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('scan_hourly_counts_pk', ['ward_code', 'hour', 'verdict'])
    .execute();
  await db.schema
    .createIndex('scan_hourly_counts_district_idx')
    .on('scan_hourly_counts')
    .columns(['district_code', 'hour'])
    .execute();
  await db.schema
    .createIndex('scan_hourly_counts_province_idx')
    .on('scan_hourly_counts')
    .columns(['province_code', 'hour'])
    .execute();

  await db.schema
    .createTable('scan_unit_days')
    .addColumn('ward_code', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('unit_tax_code', 'text', (c) => c.notNull())
    .addColumn('district_code', 'text', (c) => c.notNull())
    .addColumn('province_code', 'text', (c) => c.notNull())
    .addColumn('total', 'integer', (c) => c.notNull())
    .addColumn('failed', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('scan_unit_days_pk', ['ward_code', 'day', 'unit_tax_code'])
    .execute();
  await db.schema
    .createIndex('scan_unit_days_district_idx')
    .on('scan_unit_days')
    .columns(['district_code', 'day'])
    .execute();

  await db.schema
    .createTable('scan_close_pairs')
    .addColumn('first_scan_id', 'text', (c) => c.notNull())
    .addColumn('second_scan_id', 'text', (c) => c.notNull())
    .addColumn('cti', 'text', (c) => c.notNull())
    .addColumn('first_at', 'text', (c) => c.notNull())
    .addColumn('second_at', 'text', (c) => c.notNull())
    .addColumn('first_checkpoint_id', 'text', (c) => c.notNull())
    .addColumn('second_checkpoint_id', 'text', (c) => c.notNull())
    .addColumn('first_ward_code', 'text', (c) => c.notNull())
    .addColumn('second_ward_code', 'text', (c) => c.notNull())
    .addColumn('first_district_code', 'text', (c) => c.notNull())
    .addColumn('second_district_code', 'text', (c) => c.notNull())
    .addColumn('first_province_code', 'text', (c) => c.notNull())
    .addColumn('second_province_code', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('scan_close_pairs_pk', ['first_scan_id', 'second_scan_id'])
    .execute();
  await db.schema.createIndex('scan_close_pairs_at_idx').on('scan_close_pairs').column('second_at').execute();

  await db.schema
    .createTable('inspection_cases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('business_id', 'text', (c) => c.notNull().references('businesses.id'))
    .addColumn('ward_code', 'text', (c) => c.notNull())
    .addColumn('district_code', 'text', (c) => c.notNull())
    .addColumn('province_code', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('open', 'closed')`))
    .addColumn('outcome', 'text', (c) => c.check(sql`outcome in ('no_action', 'unit_suspended')`))
    .addColumn('opened_by', 'text')
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('closed_by', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('inspection_cases_ward_idx')
    .on('inspection_cases')
    .columns(['ward_code', 'state', 'opened_at'])
    .execute();
  await db.schema
    .createIndex('inspection_cases_district_idx')
    .on('inspection_cases')
    .columns(['district_code', 'opened_at'])
    .execute();
  await db.schema
    .createIndex('inspection_cases_business_idx')
    .on('inspection_cases')
    .columns(['business_id', 'state'])
    .execute();

  await db.schema
    .createTable('inspection_case_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('inspection_cases.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('opened', 'finding', 'note', 'closed', 'unit_suspended')`),
    )
    .addColumn('finding_key', 'text')
    .addColumn('finding_kind', 'text')
    .addColumn('finding', 'text')
    .addColumn('note', 'text')
    .addColumn('actor_id', 'text')
    .addColumn('actor_role', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addUniqueConstraint('inspection_case_entries_seq_uq', ['case_id', 'seq'])
    .addUniqueConstraint('inspection_case_entries_finding_uq', ['case_id', 'finding_key'])
    .execute();

  await rebuildCountsAndPairs(db as never);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('inspection_case_entries').execute();
  await db.schema.dropTable('inspection_cases').execute();
  await db.schema.dropTable('scan_close_pairs').execute();
  await db.schema.dropTable('scan_unit_days').execute();
  await db.schema.dropTable('scan_hourly_counts').execute();
  for (const name of [
    'scans_flagged_ward_idx',
    'scans_flagged_district_idx',
    'scans_cti_at_idx',
    'scans_id_number_idx',
  ]) {
    await db.schema.dropIndex(name).ifExists().execute();
  }
  await db.schema.createIndex('scans_cti_idx').on('scans').column('cti').execute();
  await db.schema.alterTable('checkpoints').dropColumn('longitude').execute();
  await db.schema.alterTable('checkpoints').dropColumn('latitude').execute();
}
