import { type Kysely, sql } from 'kysely';

/**
 * Ward signing keys (private halves sealed under the master key), permits with their serial
 * counters, unit credentials, serial suffixes, and the revocation list's version counter.
 * Portable SQL only.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('ward_keys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ward_code', 'text', (c) => c.notNull().references('admin_units.code'))
    .addColumn('issuer', 'text', (c) => c.notNull())
    .addColumn('alg', 'text', (c) => c.notNull().check(sql`alg in ('EdDSA', 'ES256')`))
    .addColumn('kid', 'text', (c) => c.notNull().unique())
    .addColumn('public_jwk', 'text', (c) => c.notNull())
    .addColumn('private_jwk_sealed', 'text', (c) => c.notNull())
    .addColumn('master_key_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('current', 'retired')`))
    .addColumn('not_before', 'text', (c) => c.notNull())
    .addColumn('not_after', 'text', (c) => c.notNull())
    .addColumn('retired_at', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('ward_keys_ward_idx').on('ward_keys').columns(['ward_code', 'created_at']).execute();

  await db.schema
    .createTable('ward_current_keys')
    .addColumn('ward_code', 'text', (c) => c.primaryKey().references('admin_units.code'))
    .addColumn('key_id', 'text', (c) => c.notNull().unique().references('ward_keys.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('permit_serial_suffixes')
    .addColumn('scope', 'text', (c) => c.notNull().check(sql`scope in ('ward', 'business')`))
    .addColumn('scope_id', 'text', (c) => c.notNull())
    .addColumn('suffix', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addPrimaryKeyConstraint('permit_serial_suffixes_pk', ['scope', 'scope_id'])
    .execute();

  await db.schema
    .createTable('permit_counters')
    .addColumn('business_id', 'text', (c) => c.notNull().references('businesses.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('last_seq', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('permit_counters_pk', ['business_id', 'year'])
    .execute();

  await db.schema
    .createTable('permits')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('business_id', 'text', (c) => c.notNull().references('businesses.id'))
    .addColumn('staff_id', 'text', (c) => c.notNull().references('staff_members.id'))
    .addColumn('ward_code', 'text', (c) => c.notNull())
    .addColumn('district_code', 'text', (c) => c.notNull())
    .addColumn('province_code', 'text', (c) => c.notNull())
    .addColumn('serial', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('cti', 'text', (c) => c.notNull().unique())
    .addColumn('kid', 'text', (c) => c.notNull())
    .addColumn('qr_text', 'text', (c) => c.notNull())
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_to', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('active', 'revoked')`))
    .addColumn('revoked_reason', 'text')
    .addColumn('revoked_by', 'text')
    .addColumn('revoked_at', 'text')
    .addColumn('holder', 'text', (c) => c.notNull())
    .addColumn('holder_key', 'text', (c) => c.notNull())
    .addColumn('id_type', 'text', (c) => c.notNull())
    .addColumn('id_number', 'text', (c) => c.notNull())
    .addColumn('position', 'text')
    .addColumn('workplace', 'text')
    .addColumn('residence', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('route_from', 'text', (c) => c.notNull())
    .addColumn('route_to', 'text', (c) => c.notNull())
    .addColumn('route_wards', 'text', (c) => c.notNull())
    .addColumn('schedule', 'text')
    .addColumn('issued_by', 'text')
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('permits_serial_unique', ['business_id', 'year', 'seq'])
    .execute();
  await db.schema.createIndex('permits_business_idx').on('permits').columns(['business_id', 'issued_at']).execute();
  await db.schema.createIndex('permits_staff_idx').on('permits').columns(['staff_id', 'status']).execute();
  await db.schema.createIndex('permits_ward_idx').on('permits').columns(['ward_code', 'issued_at']).execute();
  await db.schema.createIndex('permits_district_idx').on('permits').columns(['district_code', 'issued_at']).execute();
  await db.schema.createIndex('permits_revoked_idx').on('permits').columns(['status', 'valid_to']).execute();
  await db.schema.createIndex('permits_kid_idx').on('permits').columns(['kid', 'valid_to']).execute();

  await db.schema
    .createTable('unit_credentials')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('business_id', 'text', (c) => c.notNull().references('businesses.id'))
    .addColumn('dossier_id', 'text', (c) => c.notNull().references('dossiers.id'))
    .addColumn('ward_code', 'text', (c) => c.notNull())
    .addColumn('cti', 'text', (c) => c.notNull().unique())
    .addColumn('kid', 'text', (c) => c.notNull())
    .addColumn('qr_text', 'text', (c) => c.notNull())
    .addColumn('approval_ref', 'text', (c) => c.notNull())
    .addColumn('staff_count', 'integer', (c) => c.notNull())
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_to', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('active', 'revoked')`))
    .addColumn('revoked_reason', 'text')
    .addColumn('revoked_by', 'text')
    .addColumn('revoked_at', 'text')
    .addColumn('issued_by', 'text')
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('unit_credentials_business_idx')
    .on('unit_credentials')
    .columns(['business_id', 'issued_at'])
    .execute();
  await db.schema
    .createIndex('unit_credentials_revoked_idx')
    .on('unit_credentials')
    .columns(['status', 'valid_to'])
    .execute();
  await db.schema.createIndex('unit_credentials_kid_idx').on('unit_credentials').columns(['kid', 'valid_to']).execute();

  await db.schema
    .createTable('list_versions')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await sql`insert into list_versions (name, version, updated_at) values ('revoked', 0, ${new Date().toISOString()})`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'list_versions',
    'unit_credentials',
    'permits',
    'permit_counters',
    'permit_serial_suffixes',
    'ward_current_keys',
    'ward_keys',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
