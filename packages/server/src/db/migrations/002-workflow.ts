import { type Kysely, sql } from 'kysely';

/**
 * The ward's workflow: businesses, their dossiers (with state history and attachments),
 * the staff list, and the counters of the ward's reference numbers. Portable SQL only.
 *
 * `users.business_id` refers to `businesses.id` by convention (SQLite cannot add a foreign
 * key to an existing table without rebuilding it); the commands that set it check it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('businesses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tax_code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_key', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('ward_code', 'text', (c) => c.notNull().references('admin_units.code'))
    .addColumn('district_code', 'text', (c) => c.notNull().references('admin_units.code'))
    .addColumn('province_code', 'text', (c) => c.notNull().references('admin_units.code'))
    .addColumn('line_of_business', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('contact_name', 'text', (c) => c.notNull())
    .addColumn('contact_phone', 'text', (c) => c.notNull())
    .addColumn('contact_email', 'text')
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('pending', 'active', 'refused', 'suspended')`))
    .addColumn('status_reason', 'text')
    .addColumn('registered_via', 'text', (c) => c.notNull().check(sql`registered_via in ('self', 'ward')`))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('businesses_ward_idx').on('businesses').columns(['ward_code', 'status']).execute();
  await db.schema.createIndex('businesses_district_idx').on('businesses').column('district_code').execute();

  await db.schema
    .createTable('dossiers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('business_id', 'text', (c) => c.notNull().references('businesses.id'))
    .addColumn('ward_code', 'text', (c) => c.notNull().references('admin_units.code'))
    .addColumn('district_code', 'text', (c) => c.notNull())
    .addColumn('province_code', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('initial', 'amendment')`))
    .addColumn('channel', 'text', (c) => c.notNull().check(sql`channel in ('online', 'email', 'post', 'in_person')`))
    .addColumn('state', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`state in ('draft', 'submitted', 'health_confirmed', 'approved', 'returned', 'rejected', 'suspended')`,
        ),
    )
    .addColumn('plan_from', 'text', (c) => c.notNull())
    .addColumn('plan_to', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('reference_number', 'text')
    .addColumn('submitted_at', 'text')
    .addColumn('due_at', 'text')
    .addColumn('reminded_at', 'text')
    .addColumn('health_confirmed_at', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('state_note', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('dossiers_reference_unique', ['ward_code', 'reference_number'])
    .execute();
  await db.schema.createIndex('dossiers_business_idx').on('dossiers').columns(['business_id', 'state']).execute();
  await db.schema
    .createIndex('dossiers_ward_state_idx')
    .on('dossiers')
    .columns(['ward_code', 'state', 'due_at'])
    .execute();
  await db.schema.createIndex('dossiers_district_idx').on('dossiers').column('district_code').execute();

  await db.schema
    .createTable('dossier_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('dossier_id', 'text', (c) => c.notNull().references('dossiers.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_role', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_state', 'text')
    .addColumn('to_state', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .addUniqueConstraint('dossier_events_seq_unique', ['dossier_id', 'seq'])
    .execute();

  await db.schema
    .createTable('dossier_attachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('dossier_id', 'text', (c) => c.notNull().references('dossiers.id'))
    .addColumn('storage_key', 'text', (c) => c.notNull().unique())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'text')
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('dossier_attachments_dossier_idx')
    .on('dossier_attachments')
    .column('dossier_id')
    .execute();

  await db.schema
    .createTable('staff_members')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('business_id', 'text', (c) => c.notNull().references('businesses.id'))
    .addColumn('dossier_id', 'text', (c) => c.notNull().references('dossiers.id'))
    .addColumn('ward_code', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('pending', 'approved', 'removed')`))
    .addColumn('full_name', 'text', (c) => c.notNull())
    .addColumn('name_key', 'text', (c) => c.notNull())
    .addColumn('id_type', 'text', (c) => c.notNull().check(sql`id_type in ('CCCD', 'CMND', 'PASSPORT')`))
    .addColumn('id_number', 'text', (c) => c.notNull())
    .addColumn('date_of_birth', 'text', (c) => c.notNull())
    .addColumn('position', 'text')
    .addColumn('phone', 'text')
    .addColumn('residence_address', 'text', (c) => c.notNull())
    .addColumn('residence_ward', 'text')
    .addColumn('workplace', 'text')
    .addColumn('route_from', 'text', (c) => c.notNull())
    .addColumn('route_to', 'text', (c) => c.notNull())
    .addColumn('route_wards', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('schedule', 'text', (c) => c.notNull())
    .addColumn('source_row', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('approved_at', 'text')
    .addColumn('removed_at', 'text')
    .addColumn('removed_reason', 'text')
    .addColumn('removed_by', 'text')
    .execute();
  await db.schema
    .createIndex('staff_members_business_idx')
    .on('staff_members')
    .columns(['business_id', 'status'])
    .execute();
  await db.schema
    .createIndex('staff_members_dossier_idx')
    .on('staff_members')
    .columns(['dossier_id', 'status'])
    .execute();
  await db.schema
    .createIndex('staff_members_number_idx')
    .on('staff_members')
    .columns(['id_number', 'status'])
    .execute();
  await db.schema
    .createIndex('staff_members_name_idx')
    .on('staff_members')
    .columns(['business_id', 'name_key'])
    .execute();

  await db.schema
    .createTable('reference_counters')
    .addColumn('ward_code', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('reference_counters_pk', ['ward_code', 'year'])
    .execute();

  await db.schema.alterTable('ward_settings').addColumn('reference_suffix', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('ward_settings').dropColumn('reference_suffix').execute();
  for (const table of [
    'reference_counters',
    'staff_members',
    'dossier_attachments',
    'dossier_events',
    'dossiers',
    'businesses',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
