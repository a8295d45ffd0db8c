import type { DossierDetailView } from '@thonghanh/contract';
import type { AuthUser } from '../authz/index.js';
import type { Executor } from '../db/schema.js';
import { COMMITMENT_TEXT } from './commitment.js';
import { fileRights, presentAttachment, presentDossier, presentDossierEvent } from './dossier-presenter.js';
import { type DossierRecord, listAttachments, listDossierEvents } from './dossier-query.js';

/** A dossier as `user` sees it with its history and files: the answer of every route that changes one. */
export async function presentDossierDetail(
  db: Executor,
  d: DossierRecord,
  user: AuthUser,
  now: Date,
): Promise<DossierDetailView> {
  const [events, attachments] = await Promise.all([listDossierEvents(db, d.id), listAttachments(db, d.id)]);
  return {
    ...presentDossier(d, user, now),
    events: events.map(presentDossierEvent),
    attachments: attachments.map(presentAttachment),
    fileRights: fileRights(user, d),
    commitmentText: COMMITMENT_TEXT,
  };
}
