import { editBusiness } from '../businesses/changes/edit-business.js';
import type { Db, DossierState } from '../db/schema.js';
import { TEST_CLOCK_START, WARDS } from './constants.js';
import { makeBusiness, makeDossier, makeUser } from './factories.js';
import { MATRIX_ENV } from './workflow-matrix-rows.js';

/**
 * The authorisation matrix rows of "no dead ends": business edits and change requests,
 * re-applying and taking back refusals, deleting drafts, copying rejected dossiers, account
 * e-mails. Actors, in the matrix's order:
 *
 *   anonymous, supervisor, ward_admin, ward_officer, health_officer, checkpoint_officer, business_rep
 *
 * Targets as in workflow-matrix-rows.ts (`own` links the business_rep to the fresh business).
 */
type Statuses = [number, number, number, number, number, number, number, number];
type Target = 'own' | 'near' | 'other' | 'sibling';
interface Row {
  route: string;
  case?: string;
  request: (
    db: Db,
    ward: string,
    target: Target,
  ) => Promise<{ method: 'GET' | 'POST' | 'PATCH' | 'DELETE'; url: string; body?: Record<string, unknown> }>;
  expect: Partial<Record<Target, Statuses>>;
}

let n = 0;
const fresh = (prefix: string) => `${prefix}${Date.now().toString(36)}${n++}`;

async function targetBusiness(db: Db, ward: string, target: Target, status?: 'pending' | 'refused') {
  const b = await makeBusiness(db, { wardCode: ward, ...(status ? { status } : {}) });
  if (target === 'own')
    await db.updateTable('users').set({ business_id: b.id }).where('id', '=', MATRIX_ENV.repId).execute();
  return b;
}

async function targetDossier(db: Db, ward: string, target: Target, state: DossierState) {
  return makeDossier(db, { business: await targetBusiness(db, ward, target), state });
}

/** A business of `ward` whose representative asked to change its name. */
async function pendingChangeId(db: Db, ward: string): Promise<string> {
  const b = await makeBusiness(db, { wardCode: ward });
  const r = await db
    .transaction()
    .execute((tx) =>
      editBusiness(
        tx,
        b,
        { name: fresh('Công ty TNHH Tên Mới ') },
        { id: null, role: 'business_rep' },
        new Date(TEST_CLOCK_START),
      ),
    );
  return r.change?.id as string;
}

/**
 * A business asking to move into `ward` (decided by `ward`'s desk), from a ward chosen so that
 * the actors' desk (Đức Giang) is, by target: `own` the destination, `near` a third ward (the
 * move is from Phúc Xá to Việt Hưng), `other` the origin (from Đức Giang to Phúc Xá).
 */
async function pendingMoveId(db: Db, ward: string): Promise<string> {
  const from = ward === WARDS.own ? WARDS.sameDistrict : ward === WARDS.sameDistrict ? WARDS.other : WARDS.own;
  const b = await makeBusiness(db, { wardCode: from });
  const r = await db
    .transaction()
    .execute((tx) =>
      editBusiness(
        tx,
        b,
        { wardCode: ward, address: fresh('Số 5 phố Chuyển Đến ') },
        { id: null, role: 'business_rep' },
        new Date(TEST_CLOCK_START),
      ),
    );
  return r.change?.id as string;
}

const READ_BUSINESS: Partial<Record<Target, Statuses>> = {
  own: [401, 200, 200, 200, 200, 403, 200, 403],
  sibling: [401, 200, 200, 200, 200, 403, 404, 403],
  near: [401, 200, 404, 404, 404, 403, 404, 403],
  other: [401, 404, 404, 404, 404, 403, 404, 403],
};
const REP_OR_DESK: Partial<Record<Target, Statuses>> = {
  own: [401, 403, 403, 200, 403, 403, 200, 403],
  sibling: [401, 403, 403, 200, 403, 403, 404, 403],
  near: [401, 403, 403, 404, 403, 403, 404, 403],
  other: [401, 403, 403, 404, 403, 403, 404, 403],
};
const REP_ONLY = (ok: number): Partial<Record<Target, Statuses>> => ({
  own: [401, 403, 403, 403, 403, 403, ok, 403],
  sibling: [401, 403, 403, 403, 403, 403, 404, 403],
  near: [401, 403, 403, 404, 403, 403, 404, 403],
});
const REP_KEEPS_BUSINESS: Partial<Record<Target, Statuses>> = {
  own: [401, 403, 403, 403, 403, 403, 200, 403],
  sibling: [401, 403, 403, 403, 403, 403, 404, 403],
  near: [401, 403, 403, 403, 403, 403, 404, 403],
};
const DESK: Partial<Record<Target, Statuses>> = {
  own: [401, 403, 403, 200, 403, 403, 403, 403],
  near: [401, 403, 403, 404, 403, 403, 403, 403],
  other: [401, 403, 403, 404, 403, 403, 403, 403],
};
const DESK_OR_ADMIN: Partial<Record<Target, Statuses>> = {
  own: [401, 403, 200, 200, 403, 403, 403, 403],
  near: [401, 403, 404, 404, 403, 403, 403, 403],
  other: [401, 403, 404, 404, 403, 403, 403, 403],
};

export const DEAD_END_ROWS: Row[] = [
  {
    route: 'PATCH /api/v1/businesses/:id',
    request: async (db, ward, target) => ({
      method: 'PATCH',
      url: `/api/v1/businesses/${(await targetBusiness(db, ward, target)).id}`,
      body: { contactName: fresh('Người Liên Hệ ') },
    }),
    expect: REP_OR_DESK,
  },
  {
    route: 'GET /api/v1/businesses/:id/changes',
    request: async (db, ward, target) => ({
      method: 'GET',
      url: `/api/v1/businesses/${(await targetBusiness(db, ward, target)).id}/changes`,
    }),
    expect: READ_BUSINESS,
  },
  {
    route: 'GET /api/v1/business-changes',
    request: async (_db, ward) => ({
      method: 'GET',
      url: ward === WARDS.own ? '/api/v1/business-changes' : `/api/v1/business-changes?ward=${ward}`,
    }),
    expect: {
      own: [401, 200, 200, 200, 200, 403, 403, 403],
      near: [401, 200, 403, 403, 403, 403, 403, 403],
      other: [401, 403, 403, 403, 403, 403, 403, 403],
    },
  },
  {
    route: 'POST /api/v1/business-changes/:id/approve',
    request: async (db, ward) => ({
      method: 'POST',
      url: `/api/v1/business-changes/${await pendingChangeId(db, ward)}/approve`,
    }),
    expect: DESK,
  },
  {
    route: 'POST /api/v1/business-changes/:id/refuse',
    request: async (db, ward) => ({
      method: 'POST',
      url: `/api/v1/business-changes/${await pendingChangeId(db, ward)}/refuse`,
      body: { reason: 'Chưa có giấy chứng nhận đăng ký doanh nghiệp mới' },
    }),
    expect: DESK,
  },
  // A move (chuyển phường): only the rep asks; only the destination's desk decides.
  {
    route: 'PATCH /api/v1/businesses/:id',
    case: 'chuyển phường',
    request: async (db, ward, target) => ({
      method: 'PATCH',
      url: `/api/v1/businesses/${(await targetBusiness(db, ward, target)).id}`,
      body: { wardCode: ward === WARDS.own ? WARDS.sameDistrict : WARDS.own, address: fresh('Số 7 phố Mới ') },
    }),
    expect: {
      own: [401, 403, 403, 403, 403, 403, 200, 403],
      sibling: [401, 403, 403, 403, 403, 403, 404, 403],
      near: [401, 403, 403, 404, 403, 403, 404, 403],
      other: [401, 403, 403, 404, 403, 403, 404, 403],
    },
  },
  {
    route: 'POST /api/v1/business-changes/:id/approve',
    case: 'chuyển phường',
    request: async (db, ward) => ({
      method: 'POST',
      url: `/api/v1/business-changes/${await pendingMoveId(db, ward)}/approve`,
    }),
    expect: DESK,
  },
  {
    route: 'POST /api/v1/business-changes/:id/refuse',
    case: 'chuyển phường',
    request: async (db, ward) => ({
      method: 'POST',
      url: `/api/v1/business-changes/${await pendingMoveId(db, ward)}/refuse`,
      body: { reason: 'Địa chỉ mới không thuộc phường' },
    }),
    expect: DESK,
  },
  {
    route: 'POST /api/v1/businesses/:id/reapply',
    request: async (db, ward, target) => ({
      method: 'POST',
      url: `/api/v1/businesses/${(await targetBusiness(db, ward, target, 'refused')).id}/reapply`,
      body: {},
    }),
    expect: REP_KEEPS_BUSINESS,
  },
  {
    route: 'POST /api/v1/businesses/:id/reverse-refusal',
    request: async (db, ward, target) => ({
      method: 'POST',
      url: `/api/v1/businesses/${(await targetBusiness(db, ward, target, 'refused')).id}/reverse-refusal`,
      body: { reason: 'Đã xác minh doanh nghiệp hoạt động tại phường' },
    }),
    expect: DESK_OR_ADMIN,
  },
  {
    route: 'DELETE /api/v1/dossiers/:id',
    request: async (db, ward, target) => ({
      method: 'DELETE',
      url: `/api/v1/dossiers/${(await targetDossier(db, ward, target, 'draft')).id}`,
    }),
    expect: REP_ONLY(200),
  },
  {
    route: 'POST /api/v1/dossiers/:id/copy',
    request: async (db, ward, target) => ({
      method: 'POST',
      url: `/api/v1/dossiers/${(await targetDossier(db, ward, target, 'rejected')).id}/copy`,
    }),
    expect: REP_ONLY(201),
  },
  {
    route: 'POST /api/v1/dossiers/:id/reopen',
    request: async (db, ward, target) => ({
      method: 'POST',
      url: `/api/v1/dossiers/${(await targetDossier(db, ward, target, 'rejected')).id}/reopen`,
      body: { note: 'Quyết định từ chối nhầm hồ sơ' },
    }),
    expect: DESK_OR_ADMIN,
  },
  {
    route: 'PATCH /api/v1/users/:id',
    request: async (db, ward) => ({
      method: 'PATCH',
      url: `/api/v1/users/${(await makeUser(db, { wardCode: ward })).id}`,
      body: { email: `${fresh('canbo.')}@phuong.example.vn` },
    }),
    expect: {
      own: [401, 403, 200, 403, 403, 403, 403, 403],
      near: [401, 403, 404, 403, 403, 403, 403, 403],
      other: [401, 403, 404, 403, 403, 403, 403, 403],
    },
  },
];
