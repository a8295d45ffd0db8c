import { createHash } from 'node:crypto';
import { type AuditActor, audit } from '../../audit/append-audit.js';
import { newId } from '../../db/ids.js';
import type { DossierAttachmentRow, Executor } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import type { DossierRecord } from '../dossier-query.js';
import { PLAN_FILE_TYPES, type PlanFileType } from './sniff-file-type.js';

/** More files than any plan needs. */
export const MAX_ATTACHMENTS = 30;

/**
 * Records a stored file as one of the dossier's attachments (the bytes are already in
 * storage under `storageKey`); audited as `dossier.attachment_added`.
 */
export async function addAttachment(
  db: Executor,
  input: { dossier: DossierRecord; storageKey: string; fileName: string; type: PlanFileType; bytes: Uint8Array },
  actor: AuditActor,
  now: Date,
): Promise<DossierAttachmentRow> {
  const count = await db
    .selectFrom('dossier_attachments')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('dossier_id', '=', input.dossier.id)
    .executeTakeFirstOrThrow();
  if (Number(count.n) >= MAX_ATTACHMENTS) {
    throw new AppError('too_many_attachments', `Mỗi hồ sơ có tối đa ${MAX_ATTACHMENTS} tệp đính kèm.`);
  }
  const row: DossierAttachmentRow = {
    id: newId(),
    dossier_id: input.dossier.id,
    storage_key: input.storageKey,
    file_name: input.fileName,
    content_type: PLAN_FILE_TYPES[input.type].contentType,
    size: input.bytes.length,
    sha256: createHash('sha256').update(input.bytes).digest('hex'),
    uploaded_by: actor.id,
    uploaded_at: now.toISOString(),
  };
  await db.insertInto('dossier_attachments').values(row).execute();
  await db.updateTable('dossiers').set({ updated_at: row.uploaded_at }).where('id', '=', input.dossier.id).execute();
  await audit(
    db,
    actor,
    'dossier.attachment_added',
    { type: 'dossier', id: input.dossier.id, wardCode: input.dossier.ward_code },
    {
      attachmentId: row.id,
      fileName: row.file_name,
      contentType: row.content_type,
      size: row.size,
      sha256: row.sha256,
    },
    now,
  );
  return row;
}

/** Removes the attachment's row (the caller deletes the bytes after commit); audited. */
export async function deleteAttachment(
  db: Executor,
  input: { dossier: DossierRecord; attachment: DossierAttachmentRow },
  actor: AuditActor,
  now: Date,
): Promise<void> {
  await db.deleteFrom('dossier_attachments').where('id', '=', input.attachment.id).execute();
  await audit(
    db,
    actor,
    'dossier.attachment_removed',
    { type: 'dossier', id: input.dossier.id, wardCode: input.dossier.ward_code },
    { attachmentId: input.attachment.id, fileName: input.attachment.file_name, sha256: input.attachment.sha256 },
    now,
  );
}

export const findAttachment = (db: Executor, dossierId: string, id: string) =>
  db
    .selectFrom('dossier_attachments')
    .selectAll()
    .where('dossier_id', '=', dossierId)
    .where('id', '=', id)
    .executeTakeFirst();
