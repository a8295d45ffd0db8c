import { randomUUID } from 'node:crypto';
import { SYSTEM_ACTOR } from '../audit/append-audit.js';
import type { Config } from '../config.js';
import type { Db } from '../db/schema.js';
import { issueBatchInline, issuePermits } from '../permits/issue-permits.js';
import { issueContext } from '../permits/signing-context.js';
import { issueUnitCredential } from '../permits/unit-credential.js';
import { TEST_CLOCK_START, WARDS } from './constants.js';
import { makeBusiness, makeCheckpoint, makeDossier } from './factories.js';
import { MATRIX_ENV } from './workflow-matrix-rows.js';

/**
 * The authorisation matrix rows of permits, unit credentials, keys, lists and scans, in the
 * matrix's order of actors:
 *
 *   anonymous, supervisor, ward_admin, ward_officer, health_officer, checkpoint_officer, business_rep
 *
 * Targets as in workflow-matrix-rows.ts: `own` = Đức Giang and the business_rep's own business,
 * `sibling` = Đức Giang, another business, `near` = Việt Hưng, `other` = Phúc Xá.
 */
type Statuses = [number, number, number, number, number, number, number, number];
type Target = 'own' | 'near' | 'other' | 'sibling';
interface Request {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE' | 'OPTIONS';
  url: string;
  body?: Record<string, unknown>;
}
interface Row {
  route: string;
  request: (db: Db, ward: string, target: Target) => Promise<Request>;
  expect: Partial<Record<Target, Statuses>>;
}

/** Set by the matrix before its cells run: the app's configuration (master key, ORIGIN). */
export const PERMIT_MATRIX_ENV: { config: Config | null } = { config: null };

const now = () => new Date(TEST_CLOCK_START);
const ctx = () => issueContext(PERMIT_MATRIX_ENV.config as Config, SYSTEM_ACTOR, now());

/** An approved business in `ward` with one person; for `own` the business_rep actor acts for it. */
async function approvedBusiness(db: Db, ward: string, target: Target) {
  const business = await makeBusiness(db, { wardCode: ward });
  if (target === 'own') {
    await db.updateTable('users').set({ business_id: business.id }).where('id', '=', MATRIX_ENV.repId).execute();
  }
  const dossier = await makeDossier(db, { business, state: 'approved', staff: 1 });
  return { business, dossier };
}

async function targetPermitId(db: Db, ward: string, target: Target): Promise<string> {
  const { business } = await approvedBusiness(db, ward, target);
  const [permit] = await db
    .transaction()
    .execute((tx) => issuePermits(tx, { businessId: business.id, staffIds: 'all' }, ctx()));
  return (permit as { id: string }).id;
}

async function targetBatchId(db: Db, ward: string, target: Target): Promise<string> {
  const { business } = await approvedBusiness(db, ward, target);
  const { batch } = await db
    .transaction()
    .execute((tx) => issueBatchInline(tx, { businessId: business.id, staffIds: 'all' }, ctx(), false));
  return batch.id;
}

async function targetUnitBusinessId(db: Db, ward: string, target: Target): Promise<string> {
  const { business, dossier } = await approvedBusiness(db, ward, target);
  await db.transaction().execute((tx) =>
    issueUnitCredential(
      tx,
      {
        businessId: business.id,
        dossierId: dossier.id,
        approvalRef: '1/XN-UBND',
        planFrom: dossier.plan_from,
        planTo: dossier.plan_to,
      },
      ctx(),
    ),
  );
  return business.id;
}

const ALL_200: Statuses = [200, 200, 200, 200, 200, 200, 200, 200];
const ALL_204: Statuses = [204, 204, 204, 204, 204, 204, 204, 204];
// A permit or a unit credential of a business: the business its own, the ward desk and
// Health Station their ward's, the supervisor the district; checkpoint officers use the area list.
const READ_PERMIT: Partial<Record<Target, Statuses>> = {
  own: [401, 200, 200, 200, 200, 403, 200, 200],
  sibling: [401, 200, 200, 200, 200, 403, 404, 200],
  near: [401, 200, 404, 404, 404, 403, 404, 404],
  other: [401, 404, 404, 404, 404, 403, 404, 404],
};
// Permit PDFs: printed by the business and the ward's staff, not the leader's task.
const PRINT_PERMIT: Partial<Record<Target, Statuses>> = {
  own: [401, 200, 200, 200, 200, 403, 200, 403],
  sibling: [401, 200, 200, 200, 200, 403, 404, 403],
  near: [401, 200, 404, 404, 404, 403, 404, 403],
  other: [401, 404, 404, 404, 404, 403, 404, 403],
};
// Changed by the business itself or the ward (admin, desk).
const BUSINESS_OR_WARD = (ok: number): Partial<Record<Target, Statuses>> => ({
  own: [401, 403, ok, ok, 403, 403, ok, 403],
  sibling: [401, 403, ok, ok, 403, 403, 404, 403],
  near: [401, 403, 404, 404, 403, 403, 404, 403],
  other: [401, 403, 404, 404, 403, 403, 404, 403],
});
// Named ward, ward admin only.
const WARD_ADMIN: Partial<Record<Target, Statuses>> = {
  own: [401, 403, 200, 403, 403, 403, 403, 403],
  near: [401, 403, 403, 403, 403, 403, 403, 403],
  other: [401, 403, 403, 403, 403, 403, 403, 403],
};
const checkpointIn = async (db: Db, ward: string) => (await makeCheckpoint(db, { ownerWardCode: ward })).id;
const listUrl = (path: string, ward: string) => (ward === WARDS.own ? path : `${path}?ward=${ward}`);

export const PERMIT_ROWS: Row[] = [
  // The lists any verifier fetches.
  {
    route: 'GET /.well-known/thonghanh/trust.json',
    request: async () => ({ method: 'GET', url: '/.well-known/thonghanh/trust.json' }),
    expect: { own: ALL_200 },
  },
  {
    route: 'GET /.well-known/thonghanh/revoked.json',
    request: async () => ({ method: 'GET', url: '/.well-known/thonghanh/revoked.json' }),
    expect: { own: ALL_200 },
  },
  {
    route: 'OPTIONS /.well-known/thonghanh/trust.json',
    request: async () => ({ method: 'OPTIONS', url: '/.well-known/thonghanh/trust.json' }),
    expect: { own: ALL_204 },
  },
  {
    route: 'OPTIONS /.well-known/thonghanh/revoked.json',
    request: async () => ({ method: 'OPTIONS', url: '/.well-known/thonghanh/revoked.json' }),
    expect: { own: ALL_204 },
  },
  // Permits
  {
    route: 'POST /api/v1/permits',
    request: async (db, ward, target) => {
      await approvedBusiness(db, ward, target);
      return { method: 'POST', url: '/api/v1/permits', body: { staffIds: 'all' } };
    },
    expect: { own: [401, 403, 403, 403, 403, 403, 201, 403] },
  },
  {
    route: 'GET /api/v1/permits',
    request: async (db, ward, target) => {
      if (ward === WARDS.own) await approvedBusiness(db, ward, target);
      return { method: 'GET', url: listUrl('/api/v1/permits', ward) };
    },
    expect: {
      own: [401, 200, 200, 200, 200, 403, 200, 200],
      near: [401, 200, 403, 403, 403, 403, 403, 403],
      other: [401, 403, 403, 403, 403, 403, 403, 403],
    },
  },
  {
    route: 'GET /api/v1/permits/:id',
    request: async (db, ward, target) => ({
      method: 'GET',
      url: `/api/v1/permits/${await targetPermitId(db, ward, target)}`,
    }),
    expect: READ_PERMIT,
  },
  {
    route: 'GET /api/v1/permits/batches/:id',
    request: async (db, ward, target) => ({
      method: 'GET',
      url: `/api/v1/permits/batches/${await targetBatchId(db, ward, target)}`,
    }),
    expect: READ_PERMIT,
  },
  {
    route: 'POST /api/v1/permits/:id/revoke',
    request: async (db, ward, target) => ({
      method: 'POST',
      url: `/api/v1/permits/${await targetPermitId(db, ward, target)}/revoke`,
      body: { reason: 'Ma trận phân quyền' },
    }),
    expect: BUSINESS_OR_WARD(200),
  },
  {
    route: 'GET /api/v1/permits/:id/pdf',
    request: async (db, ward, target) => ({
      method: 'GET',
      url: `/api/v1/permits/${await targetPermitId(db, ward, target)}/pdf`,
    }),
    expect: PRINT_PERMIT,
  },
  {
    route: 'POST /api/v1/permits/print',
    request: async (db, ward, target) => ({
      method: 'POST',
      url: '/api/v1/permits/print',
      body: { ids: [await targetPermitId(db, ward, target)], layout: 'A5' },
    }),
    expect: PRINT_PERMIT,
  },
  // Unit credentials and serial suffixes
  {
    route: 'GET /api/v1/businesses/:id/unit-credential',
    request: async (db, ward, target) => ({
      method: 'GET',
      url: `/api/v1/businesses/${await targetUnitBusinessId(db, ward, target)}/unit-credential`,
    }),
    expect: READ_PERMIT,
  },
  {
    route: 'GET /api/v1/businesses/:id/confirmation.pdf',
    request: async (db, ward, target) => ({
      method: 'GET',
      url: `/api/v1/businesses/${await targetUnitBusinessId(db, ward, target)}/confirmation.pdf`,
    }),
    expect: READ_PERMIT,
  },
  {
    route: 'GET /api/v1/businesses/:id/unit-credential.png',
    request: async (db, ward, target) => ({
      method: 'GET',
      url: `/api/v1/businesses/${await targetUnitBusinessId(db, ward, target)}/unit-credential.png`,
    }),
    expect: READ_PERMIT,
  },
  {
    route: 'PATCH /api/v1/businesses/:id/permit-settings',
    request: async (db, ward, target) => ({
      method: 'PATCH',
      url: `/api/v1/businesses/${(await approvedBusiness(db, ward, target)).business.id}/permit-settings`,
      body: { serialSuffix: 'GĐĐ-MT' },
    }),
    expect: BUSINESS_OR_WARD(200),
  },
  {
    route: 'PATCH /api/v1/wards/:code/permit-settings',
    request: async (_db, ward) => ({
      method: 'PATCH',
      url: `/api/v1/wards/${ward}/permit-settings`,
      body: { serialSuffix: null },
    }),
    expect: WARD_ADMIN,
  },
  // Ward keys
  {
    route: 'GET /api/v1/wards/:code/keys',
    request: async (_db, ward) => ({ method: 'GET', url: `/api/v1/wards/${ward}/keys` }),
    expect: {
      own: [401, 200, 200, 403, 403, 403, 403, 403],
      near: [401, 200, 403, 403, 403, 403, 403, 403],
      other: [401, 403, 403, 403, 403, 403, 403, 403],
    },
  },
  {
    route: 'POST /api/v1/wards/:code/keys/rotate',
    request: async (_db, ward) => ({ method: 'POST', url: `/api/v1/wards/${ward}/keys/rotate`, body: {} }),
    expect: WARD_ADMIN,
  },
  // The checkpoint side
  {
    route: 'GET /api/v1/checkpoints/:id/area-list',
    request: async (db, ward) => ({
      method: 'GET',
      url: `/api/v1/checkpoints/${await checkpointIn(db, ward)}/area-list`,
    }),
    expect: {
      own: [401, 403, 200, 200, 200, 200, 403, 403],
      near: [401, 403, 404, 404, 404, 404, 403, 403],
      other: [401, 403, 404, 404, 404, 404, 403, 403],
    },
  },
  {
    route: 'POST /api/v1/scans/batch',
    request: async (db, ward) => ({
      method: 'POST',
      url: '/api/v1/scans/batch',
      body: {
        checkpointId: await checkpointIn(db, ward),
        scans: [{ id: randomUUID(), scannedAt: TEST_CLOCK_START, verdict: 'valid', warnings: [], kind: 'permit' }],
      },
    }),
    expect: {
      own: [401, 403, 403, 403, 403, 200, 403, 403],
      near: [401, 403, 403, 403, 403, 404, 403, 403],
      other: [401, 403, 403, 403, 403, 404, 403, 403],
    },
  },
  {
    route: 'GET /api/v1/scans',
    request: async (_db, ward) => ({ method: 'GET', url: listUrl('/api/v1/scans', ward) }),
    expect: {
      own: [401, 200, 200, 200, 200, 200, 403, 403],
      near: [401, 200, 403, 403, 403, 403, 403, 403],
      other: [401, 403, 403, 403, 403, 403, 403, 403],
    },
  },
];
