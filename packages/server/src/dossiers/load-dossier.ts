import { type Action, type AuthUser, authorize, authorizeById, can } from '../authz/index.js';
import type { Executor } from '../db/schema.js';
import { notFound } from '../errors.js';
import { dossierResource } from './dossier-presenter.js';
import { type DossierRecord, findDossier } from './dossier-query.js';
import { assertEditable } from './update-dossier.js';

/** A dossier the user may `action`: 404 when they may not even read it, 403 when only read. */
export async function loadDossier(db: Executor, user: AuthUser, id: string, action: Action): Promise<DossierRecord> {
  const d = await findDossier(db, id);
  if (!d) throw notFound('Không tìm thấy hồ sơ.');
  authorizeById(user, action, dossierResource(d), 'hồ sơ');
  return d;
}

/** Contents (plan dates, staff) change only by the keeper, only while draft or returned. */
export async function loadDossierToEdit(db: Executor, user: AuthUser, id: string): Promise<DossierRecord> {
  const d = await loadDossier(db, user, id, 'update');
  assertEditable(d);
  return d;
}

/**
 * The plan's files: the keeper while the dossier is a draft or returned; the ward desk at
 * any time (it scans what came by post or in person, and the signed, stamped plan).
 */
export async function loadDossierForFiles(db: Executor, user: AuthUser, id: string): Promise<DossierRecord> {
  const d = await loadDossier(db, user, id, 'read');
  if (user.role === 'ward_officer' && can(user, 'manage', dossierResource(d))) return d;
  authorize(user, 'update', dossierResource(d));
  assertEditable(d);
  return d;
}
