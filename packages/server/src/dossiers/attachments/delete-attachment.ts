import { type AuditActor, audit } from '../../audit/append-audit.js';
import type { DossierAttachmentRow, Executor } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import type { DossierRecord } from '../dossier-query.js';
import { recordDossierEvent } from '../record-dossier-event.js';
import { attachmentEventDetail } from './add-attachment.js';

/**
 * Deletes a file of a draft (the caller deletes the bytes after commit). Once a dossier has
 * been submitted its files are evidence: 409 `attachment_immutable` — a correction is a new
 * version (addAttachment with `replaces`). Only the current version goes; the one it had
 * superseded, if any, becomes current again. Audited, and a line of the timeline.
 */
export async function deleteAttachment(
  db: Executor,
  input: { dossier: DossierRecord; attachment: DossierAttachmentRow },
  actor: AuditActor,
  now: Date,
): Promise<void> {
  const { dossier, attachment } = input;
  if (dossier.state !== 'draft') throw new AppError('attachment_immutable');
  if (attachment.superseded_by) throw new AppError('attachment_superseded');
  await db.deleteFrom('dossier_attachments').where('id', '=', attachment.id).execute();
  if (attachment.replaces_id) {
    await db
      .updateTable('dossier_attachments')
      .set({ superseded_by: null, superseded_at: null })
      .where('id', '=', attachment.replaces_id)
      .execute();
  }
  const detail = attachmentEventDetail(attachment);
  await audit(
    db,
    actor,
    'dossier.attachment_removed',
    { type: 'dossier', id: dossier.id, wardCode: dossier.ward_code },
    detail,
    now,
  );
  await recordDossierEvent(
    db,
    { dossierId: dossier.id, action: 'attachment_removed', from: dossier.state, to: dossier.state, note: null, detail },
    actor,
    now,
  );
}
