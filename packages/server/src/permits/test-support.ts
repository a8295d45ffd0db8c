import {
  loadRevocationList,
  loadTrustList,
  type RevocationList,
  type TrustList,
  type VerifyResult,
  verify,
} from '@thonghanh/core';
import type { FastifyInstance } from 'fastify';
import type { BusinessRecord } from '../businesses/business-presenter.js';
import { nodeCryptoProvider } from '../crypto/node-provider.js';
import type { Db, DossierState, UserRow } from '../db/schema.js';
import type { DossierRecord } from '../dossiers/dossier-query.js';
import { makeBusiness, makeBusinessRep, makeDossier } from '../test/factories.js';

/** A business with a dossier (approved by default, through the real transitions but without hooks). */
export interface TestBusiness {
  business: BusinessRecord;
  dossier: DossierRecord;
  rep: UserRow;
  /** Its approved people (staff_members.id). */
  staffIds: string[];
}

export async function makeTestBusiness(
  db: Db,
  o: { staff?: number; wardCode?: string; state?: DossierState } = {},
): Promise<TestBusiness> {
  const business = await makeBusiness(db, o.wardCode ? { wardCode: o.wardCode } : {});
  const dossier = await makeDossier(db, { business, state: o.state ?? 'approved', staff: o.staff ?? 3 });
  const rep = await makeBusinessRep(db, business);
  const staffIds = (
    await db
      .selectFrom('staff_members')
      .select('id')
      .where('business_id', '=', business.id)
      .where('status', '=', 'approved')
      .orderBy('name_key')
      .execute()
  ).map((r) => r.id);
  return { business, dossier, rep, staffIds };
}

/** The lists as any verifier gets them: GET from the app, read with the core. */
export async function servedLists(app: FastifyInstance): Promise<{ trust: TrustList; revoked: RevocationList }> {
  const t = await app.inject({ method: 'GET', url: '/.well-known/thonghanh/trust.json' });
  const r = await app.inject({ method: 'GET', url: '/.well-known/thonghanh/revoked.json' });
  if (t.statusCode !== 200 || r.statusCode !== 200) throw new Error(`lists: ${t.statusCode} ${r.statusCode}`);
  const trust = await loadTrustList(t.json(), nodeCryptoProvider);
  const revoked = loadRevocationList(r.json());
  if (!trust.ok) throw new Error(trust.message);
  if (!revoked.ok) throw new Error(revoked.message);
  return { trust: trust.value, revoked: revoked.value };
}

/** Verifies a QR text against the served lists at `at`. */
export async function verifyServed(app: FastifyInstance, text: string, at: Date): Promise<VerifyResult> {
  const { trust, revoked } = await servedLists(app);
  return verify(text, { crypto: nodeCryptoProvider, trust, revoked, at });
}
