import type { Kysely } from 'kysely';

/**
 * Evidence that cannot be quietly changed (docs/architecture.md "Audit log", "Attachments"):
 * - `audit_log.mac`: each row's HMAC-SHA-256 with the audit key kept outside the database;
 *   `audit_head.key_id` names that key (null until the first signed row; rows written before
 *   this migration stay unsigned and are reported as such).
 * - `dossier_attachments`: versions. A file of a dossier past submission is never deleted or
 *   overwritten; a correction is a new row (`version` + 1, `replaces_id`) and the old one gets
 *   `superseded_by` / `superseded_at`. `note` says why the new version was made.
 * - `dossier_events.detail`: canonical JSON of what an attachment event concerned (file, version).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('audit_log').addColumn('mac', 'text').execute();
  await db.schema.alterTable('audit_head').addColumn('key_id', 'text').execute();

  await db.schema
    .alterTable('dossier_attachments')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.alterTable('dossier_attachments').addColumn('replaces_id', 'text').execute();
  await db.schema.alterTable('dossier_attachments').addColumn('superseded_by', 'text').execute();
  await db.schema.alterTable('dossier_attachments').addColumn('superseded_at', 'text').execute();
  await db.schema.alterTable('dossier_attachments').addColumn('note', 'text').execute();
  await db.schema
    .createIndex('dossier_attachments_replaces_idx')
    .on('dossier_attachments')
    .column('replaces_id')
    .execute();

  await db.schema.alterTable('dossier_events').addColumn('detail', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('dossier_events').dropColumn('detail').execute();
  await db.schema.dropIndex('dossier_attachments_replaces_idx').execute();
  for (const c of ['note', 'superseded_at', 'superseded_by', 'replaces_id', 'version']) {
    await db.schema.alterTable('dossier_attachments').dropColumn(c).execute();
  }
  await db.schema.alterTable('audit_head').dropColumn('key_id').execute();
  await db.schema.alterTable('audit_log').dropColumn('mac').execute();
}
