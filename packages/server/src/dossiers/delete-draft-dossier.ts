import { type AuditActor, audit } from '../audit/append-audit.js';
import type { Executor } from '../db/schema.js';
import { AppError } from '../errors.js';
import type { DossierRecord } from './dossier-query.js';

/**
 * Deletes a draft dossier with its people, files and timeline, in the caller's transaction;
 * returns the storage keys of its files (the caller deletes the bytes after commit). Only a
 * `draft` goes (409 `dossier_not_draft`): the ward never saw it, so nothing of it is
 * evidence; a dossier once submitted stays. The audit row keeps what was deleted.
 */
export async function deleteDraftDossier(
  db: Executor,
  dossier: DossierRecord,
  actor: AuditActor,
  now: Date,
): Promise<string[]> {
  if (dossier.state !== 'draft') throw new AppError('dossier_not_draft');
  const files = await db
    .selectFrom('dossier_attachments')
    .select('storage_key')
    .where('dossier_id', '=', dossier.id)
    .execute();
  const staff = await db
    .selectFrom('staff_members')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('dossier_id', '=', dossier.id)
    .executeTakeFirstOrThrow();
  await audit(
    db,
    actor,
    'dossier.deleted',
    { type: 'dossier', id: dossier.id, wardCode: dossier.ward_code },
    {
      businessId: dossier.business_id,
      kind: dossier.kind,
      channel: dossier.channel,
      staff: Number(staff.n),
      attachments: files.length,
    },
    now,
  );
  // Children first (foreign keys); the dossier's own delete checks the state again, so a
  // submission racing this request makes it fail whole (rolled back with the transaction).
  await db.deleteFrom('staff_members').where('dossier_id', '=', dossier.id).execute();
  await db.deleteFrom('dossier_attachments').where('dossier_id', '=', dossier.id).execute();
  await db.deleteFrom('dossier_events').where('dossier_id', '=', dossier.id).execute();
  const gone = await db
    .deleteFrom('dossiers')
    .where('id', '=', dossier.id)
    .where('state', '=', 'draft')
    .executeTakeFirst();
  if (Number(gone.numDeletedRows) !== 1) throw new AppError('dossier_not_draft');
  return files.map((f) => f.storage_key);
}
