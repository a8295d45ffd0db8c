import { createHash } from 'node:crypto';
import { MAX_ATTACHMENT_VERSIONS, MAX_ATTACHMENTS } from '@thonghanh/contract/limits';
import { type AuditActor, audit } from '../../audit/append-audit.js';
import { newId } from '../../db/ids.js';
import type { DossierAttachmentRow, Executor } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import type { DossierRecord } from '../dossier-query.js';
import { recordDossierEvent } from '../record-dossier-event.js';
import { PLAN_FILE_TYPES, type PlanFileType } from './sniff-file-type.js';

/** More current files than any plan needs; every version kept counts too (the contract's limits). */
export { MAX_ATTACHMENT_VERSIONS, MAX_ATTACHMENTS };

/** What the timeline (`dossier_events.detail`) and the audit row say about a file. */
export function attachmentEventDetail(a: DossierAttachmentRow): Record<string, unknown> {
  return {
    attachmentId: a.id,
    fileName: a.file_name,
    version: a.version,
    sha256: a.sha256,
    ...(a.replaces_id ? { replacesId: a.replaces_id } : {}),
  };
}

/**
 * Records a stored file as one of the dossier's attachments (the bytes are already in
 * storage under `storageKey`). With `replaces`, the file is a new version of that attachment:
 * the old row stays, marked `superseded_by` (a correction never erases what was submitted).
 * Audited as `dossier.attachment_added` / `dossier.attachment_superseded`, and a line of the
 * dossier's timeline either way.
 */
export async function addAttachment(
  db: Executor,
  input: {
    dossier: DossierRecord;
    storageKey: string;
    fileName: string;
    type: PlanFileType;
    bytes: Uint8Array;
    replaces?: DossierAttachmentRow;
    note?: string | null;
  },
  actor: AuditActor,
  now: Date,
): Promise<DossierAttachmentRow> {
  const { dossier, replaces } = input;
  const counts = await db
    .selectFrom('dossier_attachments')
    .select((eb) => [
      eb.fn.countAll<number>().as('all'),
      eb.fn.count<number>('id').filterWhere('superseded_by', 'is', null).as('current'),
    ])
    .where('dossier_id', '=', dossier.id)
    .executeTakeFirstOrThrow();
  if ((!replaces && Number(counts.current) >= MAX_ATTACHMENTS) || Number(counts.all) >= MAX_ATTACHMENT_VERSIONS) {
    throw new AppError('too_many_attachments', `Mỗi hồ sơ có tối đa ${MAX_ATTACHMENTS} tệp đính kèm.`);
  }
  const at = now.toISOString();
  const row: DossierAttachmentRow = {
    id: newId(),
    dossier_id: dossier.id,
    storage_key: input.storageKey,
    file_name: input.fileName,
    content_type: PLAN_FILE_TYPES[input.type].contentType,
    size: input.bytes.length,
    sha256: createHash('sha256').update(input.bytes).digest('hex'),
    uploaded_by: actor.id,
    uploaded_at: at,
    version: replaces ? replaces.version + 1 : 1,
    replaces_id: replaces?.id ?? null,
    superseded_by: null,
    superseded_at: null,
    note: input.note?.trim() || null,
  };
  if (replaces) {
    // Only the current version can be superseded; the condition also settles two corrections racing.
    const marked = await db
      .updateTable('dossier_attachments')
      .set({ superseded_by: row.id, superseded_at: at })
      .where('id', '=', replaces.id)
      .where('superseded_by', 'is', null)
      .executeTakeFirst();
    if (Number(marked.numUpdatedRows) !== 1) throw new AppError('attachment_superseded');
  }
  await db.insertInto('dossier_attachments').values(row).execute();
  await db.updateTable('dossiers').set({ updated_at: at }).where('id', '=', dossier.id).execute();
  const detail = attachmentEventDetail(row);
  await audit(
    db,
    actor,
    replaces ? 'dossier.attachment_superseded' : 'dossier.attachment_added',
    { type: 'dossier', id: dossier.id, wardCode: dossier.ward_code },
    {
      ...detail,
      contentType: row.content_type,
      size: row.size,
      ...(replaces ? { replacedFileName: replaces.file_name, replacedSha256: replaces.sha256 } : {}),
      ...(row.note ? { note: row.note } : {}),
    },
    now,
  );
  await recordDossierEvent(
    db,
    {
      dossierId: dossier.id,
      action: replaces ? 'attachment_superseded' : 'attachment_added',
      from: dossier.state,
      to: dossier.state,
      note: row.note,
      detail: replaces
        ? { ...detail, replacedFileName: replaces.file_name, replacedVersion: replaces.version }
        : detail,
    },
    actor,
    now,
  );
  return row;
}

export const findAttachment = (db: Executor, dossierId: string, id: string) =>
  db
    .selectFrom('dossier_attachments')
    .selectAll()
    .where('dossier_id', '=', dossierId)
    .where('id', '=', id)
    .executeTakeFirst();
