import { type Kysely, sql } from 'kysely';

/**
 * Permit issuance in batches: a request to issue to many people is a `permit_batches` row
 * worked through in chunks, each chunk in its own transaction that also moves the batch's
 * cursor. A server killed mid-batch leaves whole chunks and a batch still `running`, which
 * the next start resumes from its cursor. Each permit remembers its batch (the paged list
 * of what a batch issued, printing a batch).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('permit_batches')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('business_id', 'text', (c) => c.notNull().references('businesses.id'))
    .addColumn('ward_code', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('running', 'done', 'failed')`))
    .addColumn('requested', 'integer', (c) => c.notNull())
    .addColumn('processed', 'integer', (c) => c.notNull())
    .addColumn('issued', 'integer', (c) => c.notNull())
    .addColumn('skipped', 'integer', (c) => c.notNull())
    .addColumn('replaced', 'integer', (c) => c.notNull())
    .addColumn('options', 'text', (c) => c.notNull())
    .addColumn('cursor', 'text')
    .addColumn('first_serial', 'text')
    .addColumn('last_serial', 'text')
    .addColumn('error', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_role', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .execute();
  await db.schema
    .createIndex('permit_batches_business_idx')
    .on('permit_batches')
    .columns(['business_id', 'created_at'])
    .execute();
  await db.schema.createIndex('permit_batches_state_idx').on('permit_batches').column('state').execute();
  await db.schema.alterTable('permits').addColumn('batch_id', 'text').execute();
  await db.schema.createIndex('permits_batch_idx').on('permits').columns(['batch_id', 'year', 'seq']).execute();
}
