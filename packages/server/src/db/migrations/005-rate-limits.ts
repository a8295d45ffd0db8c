import type { Kysely } from 'kysely';

/**
 * `rate_limits` replaces `login_attempts`: one table for the login back-off (with its
 * one-attempt-in-flight hold) and the fixed windows of public registration, kept in the
 * database so that several server processes share them. The old back-off state is dropped
 * (at worst a locked key is unlocked early, once).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('rate_limits')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('hits', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('window_start', 'text', (c) => c.notNull())
    .addColumn('last_hit_at', 'text', (c) => c.notNull())
    .addColumn('blocked_until', 'text')
    .addColumn('busy_until', 'text')
    .execute();
  await db.schema.createIndex('rate_limits_last_hit_idx').on('rate_limits').column('last_hit_at').execute();
  await db.schema.dropTable('login_attempts').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('login_attempts')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('last_failure_at', 'text', (c) => c.notNull())
    .addColumn('locked_until', 'text')
    .execute();
  await db.schema.dropTable('rate_limits').execute();
}
