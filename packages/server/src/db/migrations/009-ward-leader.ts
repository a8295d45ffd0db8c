import { type Kysely, PostgresAdapter, sql } from 'kysely';

const OLD_STATES = `'draft', 'submitted', 'health_confirmed', 'approved', 'returned', 'rejected', 'suspended'`;
const NEW_STATES = `'draft', 'submitted', 'health_confirmed', 'awaiting_leader', 'approved', 'returned', 'rejected', 'suspended'`;

/**
 * The ward leader (Chủ tịch / Phó Chủ tịch UBND phường) and the business's commitment:
 * - `users.title`: the account's position (chức vụ), printed under the leader's signature;
 * - dossiers may wait for the leader's signature (`awaiting_leader`); the approval records
 *   who signed (`approved_by_*`); the submission records the representative's commitment
 *   (`commitment_*`, ký cam kết);
 * - `ward_settings.leader_approval_required` (1 by default: the leader signs; a small ward
 *   turns it off and its desk approves as before);
 * - `ward_document_keys`: each ward's document-signing key and self-signed certificate for
 *   the PAdES signature of its confirmations (RSA: what every PDF reader verifies; the QR
 *   keys stay Ed25519/P-256 and are not reused for documents).
 *
 * The role `ward_leader` needs no schema change (`users.role` is free text, checked by the app).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('users').addColumn('title', 'text').execute();
  await db.schema
    .alterTable('ward_settings')
    .addColumn('leader_approval_required', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  for (const column of [
    'approved_by',
    'approved_by_name',
    'approved_by_title',
    'commitment_name',
    'commitment_text',
    'committed_at',
    'committed_by',
  ]) {
    await db.schema.alterTable('dossiers').addColumn(column, 'text').execute();
  }
  await widenStateCheck(db, OLD_STATES, NEW_STATES);

  await db.schema
    .createTable('ward_document_keys')
    .addColumn('ward_code', 'text', (c) => c.primaryKey())
    .addColumn('kid', 'text', (c) => c.notNull())
    .addColumn('private_jwk_sealed', 'text', (c) => c.notNull())
    .addColumn('master_key_id', 'text', (c) => c.notNull())
    .addColumn('certificate_pem', 'text', (c) => c.notNull())
    .addColumn('not_before', 'text', (c) => c.notNull())
    .addColumn('not_after', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('ward_document_keys').execute();
  // Dossiers waiting for the leader go back to the desk's queue before the state disappears.
  await sql`update dossiers set state = 'health_confirmed' where state = 'awaiting_leader'`.execute(db);
  await widenStateCheck(db, NEW_STATES, OLD_STATES);
  for (const column of [
    'committed_by',
    'committed_at',
    'commitment_text',
    'commitment_name',
    'approved_by_title',
    'approved_by_name',
    'approved_by',
  ]) {
    await db.schema.alterTable('dossiers').dropColumn(column).execute();
  }
  await db.schema.alterTable('ward_settings').dropColumn('leader_approval_required').execute();
  await db.schema.alterTable('users').dropColumn('title').execute();
}

/**
 * Replaces the list of states in the CHECK on `dossiers.state`. PostgreSQL alters the named
 * constraint. SQLite cannot alter a constraint: the table is rebuilt from its own CREATE
 * statement (so columns added by later migrations come along), rows copied, indexes
 * recreated, all in one transaction with foreign keys off (other tables refer to dossiers;
 * SQLite ignores that pragma inside a transaction, so it is set around it) and checked
 * before commit.
 */
async function widenStateCheck(db: Kysely<unknown>, from: string, to: string): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`alter table dossiers drop constraint if exists dossiers_state_check`.execute(db);
    await sql.raw(`alter table dossiers add constraint dossiers_state_check check (state in (${to}))`).execute(db);
    return;
  }
  const { rows } = await sql<{
    sql: string;
  }>`select sql from sqlite_master where type = 'table' and name = 'dossiers'`.execute(db);
  const create = rows[0]?.sql;
  if (!create?.includes(from)) throw new Error('dossiers: không tìm thấy ràng buộc trạng thái để sửa');
  const indexes = await sql<{ sql: string }>`
    select sql from sqlite_master where type = 'index' and tbl_name = 'dossiers' and sql is not null`.execute(db);
  const rebuilt = create
    .replace(from, to)
    .replace(/^CREATE TABLE\s+("?)dossiers\1/i, 'CREATE TABLE "dossiers_rebuilt"');
  await sql`pragma foreign_keys = off`.execute(db);
  try {
    await db.transaction().execute(async (tx) => {
      await sql.raw(rebuilt).execute(tx);
      await sql`insert into dossiers_rebuilt select * from dossiers`.execute(tx);
      await sql`drop table dossiers`.execute(tx);
      await sql`alter table dossiers_rebuilt rename to dossiers`.execute(tx);
      for (const i of indexes.rows) await sql.raw(i.sql).execute(tx);
      const broken = await sql`pragma foreign_key_check`.execute(tx);
      if (broken.rows.length) throw new Error('dossiers: khóa ngoại hỏng sau khi dựng lại bảng');
    });
  } finally {
    await sql`pragma foreign_keys = on`.execute(db);
  }
}
