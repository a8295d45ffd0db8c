import type { Kysely } from 'kysely';

/**
 * No dead ends (docs/architecture.md "Changes, deletions, second chances"):
 * - `business_changes`: a business's request to change what the ward vouches for (name,
 *   address, line of business). `proposed` and `previous` are canonical JSON of the fields;
 *   the desk approves (the fields are applied) or refuses with a reason. One `pending`
 *   request per business at a time (checked by the command under the business's row).
 * - `users.email`: an account's e-mail address (optional, shown to its ward admin).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('business_changes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('business_id', 'text', (c) => c.notNull())
    .addColumn('ward_code', 'text', (c) => c.notNull())
    .addColumn('district_code', 'text', (c) => c.notNull())
    .addColumn('province_code', 'text', (c) => c.notNull())
    .addColumn('proposed', 'text', (c) => c.notNull())
    .addColumn('previous', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('requested_by', 'text')
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .execute();
  await db.schema
    .createIndex('business_changes_business_idx')
    .on('business_changes')
    .columns(['business_id', 'status'])
    .execute();
  await db.schema
    .createIndex('business_changes_ward_idx')
    .on('business_changes')
    .columns(['ward_code', 'status', 'requested_at'])
    .execute();
  await db.schema.alterTable('users').addColumn('email', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('users').dropColumn('email').execute();
  await db.schema.dropIndex('business_changes_ward_idx').execute();
  await db.schema.dropIndex('business_changes_business_idx').execute();
  await db.schema.dropTable('business_changes').execute();
}
