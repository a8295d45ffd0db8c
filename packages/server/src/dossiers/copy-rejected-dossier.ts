import { type AuditActor, audit } from '../audit/append-audit.js';
import type { BusinessRecord } from '../businesses/business-presenter.js';
import { newId } from '../db/ids.js';
import type { Executor } from '../db/schema.js';
import { AppError } from '../errors.js';
import { addAttachment } from './attachments/add-attachment.js';
import type { FileStorage } from './attachments/file-storage.js';
import { sniffPlanFile } from './attachments/sniff-file-type.js';
import { createDossier } from './create-dossier.js';
import type { DossierRecord } from './dossier-query.js';

/**
 * A rejected dossier is final, but not a dead end: its keeper copies it into a new draft
 * (same kind, channel and plan period; its people pending again; the current version of
 * each plan file copied under a new storage key), fixes what the ward said and submits it.
 * Only a `rejected` dossier is copied (409 `dossier_not_copyable`: a returned one is fixed
 * in place). `createDossier`'s rules hold (one live initial dossier per business, …).
 * Files are written to storage before commit: a failed request can leave unreferenced
 * bytes, never a row without its file.
 */
export async function copyRejectedDossier(
  db: Executor,
  input: { source: DossierRecord; business: BusinessRecord; storage: FileStorage },
  actor: AuditActor,
  now: Date,
): Promise<DossierRecord> {
  const { source, business, storage } = input;
  if (source.state !== 'rejected') throw new AppError('dossier_not_copyable');
  const draft = await createDossier(
    db,
    {
      business,
      kind: source.kind,
      channel: source.channel,
      planFrom: source.plan_from,
      planTo: source.plan_to,
      note: source.note,
    },
    actor,
    now,
  );
  const at = now.toISOString();
  const people = await db.selectFrom('staff_members').selectAll().where('dossier_id', '=', source.id).execute();
  const rows = people.map((p) => ({
    ...p,
    id: newId(),
    dossier_id: draft.id,
    status: 'pending' as const,
    created_at: at,
    updated_at: at,
    approved_at: null,
    removed_at: null,
    removed_reason: null,
    removed_by: null,
  }));
  for (let i = 0; i < rows.length; i += 200) {
    await db
      .insertInto('staff_members')
      .values(rows.slice(i, i + 200))
      .execute();
  }
  const files = await db
    .selectFrom('dossier_attachments')
    .selectAll()
    .where('dossier_id', '=', source.id)
    .where('superseded_by', 'is', null)
    .orderBy('uploaded_at')
    .execute();
  let copied = 0;
  for (const f of files) {
    const bytes = await storage.get(f.storage_key);
    const type = bytes ? sniffPlanFile(bytes) : null;
    if (!bytes || !type) continue; // a file lost from storage is not copied; the keeper uploads it again
    const storageKey = await storage.put(bytes);
    await addAttachment(db, { dossier: draft, storageKey, fileName: f.file_name, type, bytes }, actor, now);
    copied++;
  }
  await audit(
    db,
    actor,
    'dossier.copied',
    { type: 'dossier', id: draft.id, wardCode: draft.ward_code },
    { copiedFrom: source.id, staff: rows.length, attachments: copied },
    now,
  );
  return draft;
}
