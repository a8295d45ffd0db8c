import type { Kysely } from 'kysely';

/**
 * The scan log synced from checkpoint devices. `id` is the device's UUID for the scan: the
 * primary key makes a retried batch store each scan exactly once.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('scans')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('checkpoint_id', 'text', (c) => c.notNull().references('checkpoints.id'))
    .addColumn('ward_code', 'text', (c) => c.notNull())
    .addColumn('district_code', 'text', (c) => c.notNull())
    .addColumn('province_code', 'text', (c) => c.notNull())
    .addColumn('officer_id', 'text')
    .addColumn('scanned_at', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('verdict', 'text', (c) => c.notNull())
    .addColumn('warnings', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('cti', 'text')
    .addColumn('serial', 'text')
    .addColumn('id_number', 'text')
    .addColumn('unit_tax_code', 'text')
    .execute();
  await db.schema.createIndex('scans_ward_idx').on('scans').columns(['ward_code', 'scanned_at']).execute();
  await db.schema.createIndex('scans_district_idx').on('scans').columns(['district_code', 'scanned_at']).execute();
  await db.schema.createIndex('scans_checkpoint_idx').on('scans').columns(['checkpoint_id', 'scanned_at']).execute();
  await db.schema.createIndex('scans_cti_idx').on('scans').column('cti').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('scans').execute();
}
