import { randomUUID } from 'node:crypto';
import { SYSTEM_ACTOR } from '../audit/append-audit.js';
import { findBusiness } from '../businesses/business-query.js';
import type { Db } from '../db/schema.js';
import { openCase } from '../inspection/cases/case-commands.js';
import { insertScanRows } from '../scans/store-scans.js';
import { TEST_CLOCK_START, WARDS } from './constants.js';
import { makeBusiness, makeCheckpoint, makeDossier } from './factories.js';

/**
 * The authorisation matrix rows of post-inspection (findings, exports, cases), in the
 * matrix's order of actors:
 *
 *   anonymous, supervisor, ward_admin, ward_officer, health_officer, checkpoint_officer, business_rep
 *
 * Targets: `own` = Đức Giang, `near` = Việt Hưng (same district), `other` = Phúc Xá.
 */
type Statuses = [number, number, number, number, number, number, number, number];
type Target = 'own' | 'near' | 'other' | 'sibling';
interface Request {
  method: 'GET' | 'POST';
  url: string;
  body?: Record<string, unknown>;
}
interface Row {
  route: string;
  request: (db: Db, ward: string, target: Target) => Promise<Request>;
  expect: Partial<Record<Target, Statuses>>;
}

const now = () => new Date(TEST_CLOCK_START);
const listUrl = (path: string, ward: string) => (ward === WARDS.own ? path : `${path}?ward=${ward}`);

/** An approved unit of `ward` with an open inspection case; `withFinding`: a forged scan of its tax code too. */
async function caseIn(db: Db, ward: string, withFinding = false): Promise<{ caseId: string; key: string }> {
  const business = await makeBusiness(db, { wardCode: ward });
  await makeDossier(db, { business, state: 'approved', staff: 1 });
  let key = '';
  if (withFinding) {
    const cp = await makeCheckpoint(db, { ownerWardCode: ward });
    const id = randomUUID();
    key = `forged:${id}`;
    await db.transaction().execute((tx) =>
      insertScanRows(tx, [
        {
          id,
          checkpoint_id: cp.id,
          ward_code: ward,
          district_code: cp.owner_district_code ?? '',
          province_code: cp.owner_province_code,
          officer_id: null,
          scanned_at: TEST_CLOCK_START,
          received_at: TEST_CLOCK_START,
          verdict: 'bad_signature',
          warnings: '[]',
          kind: 'permit',
          cti: null,
          serial: '0001/GĐĐ',
          id_number: null,
          unit_tax_code: business.tax_code,
        },
      ]),
    );
  }
  const record = (await findBusiness(db, business.id))!;
  const c = await db.transaction().execute((tx) => openCase(tx, { business: record }, SYSTEM_ACTOR, now()));
  return { caseId: c.id, key };
}

const WARD_READ: Partial<Record<Target, Statuses>> = {
  own: [401, 200, 200, 200, 200, 403, 403, 200],
  near: [401, 200, 403, 403, 403, 403, 403, 403],
  other: [401, 403, 403, 403, 403, 403, 403, 403],
};
// Post-inspection is not the ward leader's screen: 403 for them.
const WARD_READ_NOT_LEADER: Partial<Record<Target, Statuses>> = {
  own: [401, 200, 200, 200, 200, 403, 403, 403],
  near: [401, 200, 403, 403, 403, 403, 403, 403],
  other: [401, 403, 403, 403, 403, 403, 403, 403],
};
const CASE_READ: Partial<Record<Target, Statuses>> = {
  own: [401, 200, 200, 200, 200, 403, 403, 403],
  near: [401, 200, 404, 404, 404, 403, 403, 403],
  other: [401, 404, 404, 404, 404, 403, 403, 403],
};
const CASE_KEEP = (ok: number): Partial<Record<Target, Statuses>> => ({
  own: [401, 403, ok, ok, 403, 403, 403, 403],
  near: [401, 403, 404, 404, 403, 403, 403, 403],
  other: [401, 403, 404, 404, 403, 403, 403, 403],
});

export const INSPECTION_ROWS: Row[] = [
  {
    route: 'GET /api/v1/stats/series',
    request: async (_db, ward) => ({ method: 'GET', url: listUrl('/api/v1/stats/series', ward) }),
    expect: WARD_READ,
  },
  {
    route: 'GET /api/v1/stats/series/export',
    request: async (_db, ward) => ({ method: 'GET', url: listUrl('/api/v1/stats/series/export', ward) }),
    expect: WARD_READ,
  },
  {
    route: 'GET /api/v1/scans/export',
    request: async (_db, ward) => ({ method: 'GET', url: listUrl('/api/v1/scans/export', ward) }),
    expect: {
      own: [401, 200, 200, 200, 200, 200, 403, 403],
      near: [401, 200, 403, 403, 403, 403, 403, 403],
      other: [401, 403, 403, 403, 403, 403, 403, 403],
    },
  },
  {
    route: 'GET /api/v1/inspection/anomalies',
    request: async (_db, ward) => ({ method: 'GET', url: listUrl('/api/v1/inspection/anomalies', ward) }),
    expect: WARD_READ_NOT_LEADER,
  },
  {
    route: 'GET /api/v1/inspection/anomalies/export',
    request: async (_db, ward) => ({ method: 'GET', url: listUrl('/api/v1/inspection/anomalies/export', ward) }),
    expect: WARD_READ_NOT_LEADER,
  },
  {
    route: 'GET /api/v1/inspection/cases',
    request: async (_db, ward) => ({ method: 'GET', url: listUrl('/api/v1/inspection/cases', ward) }),
    expect: WARD_READ_NOT_LEADER,
  },
  {
    route: 'POST /api/v1/inspection/cases',
    request: async (db, ward) => ({
      method: 'POST',
      url: '/api/v1/inspection/cases',
      body: { businessId: (await makeBusiness(db, { wardCode: ward })).id, note: 'Ma trận phân quyền' },
    }),
    expect: CASE_KEEP(201),
  },
  {
    route: 'GET /api/v1/inspection/cases/:id',
    request: async (db, ward) => ({
      method: 'GET',
      url: `/api/v1/inspection/cases/${(await caseIn(db, ward)).caseId}`,
    }),
    expect: CASE_READ,
  },
  {
    route: 'POST /api/v1/inspection/cases/:id/findings',
    request: async (db, ward) => {
      const { caseId, key } = await caseIn(db, ward, true);
      return { method: 'POST', url: `/api/v1/inspection/cases/${caseId}/findings`, body: { findingKeys: [key] } };
    },
    expect: CASE_KEEP(200),
  },
  {
    route: 'POST /api/v1/inspection/cases/:id/notes',
    request: async (db, ward) => ({
      method: 'POST',
      url: `/api/v1/inspection/cases/${(await caseIn(db, ward)).caseId}/notes`,
      body: { note: 'Đã làm việc với đơn vị' },
    }),
    expect: CASE_KEEP(200),
  },
  {
    route: 'POST /api/v1/inspection/cases/:id/close',
    request: async (db, ward) => ({
      method: 'POST',
      url: `/api/v1/inspection/cases/${(await caseIn(db, ward)).caseId}/close`,
      body: { note: 'Không vi phạm' },
    }),
    expect: CASE_KEEP(200),
  },
  {
    route: 'POST /api/v1/inspection/cases/:id/suspend',
    request: async (db, ward) => ({
      method: 'POST',
      url: `/api/v1/inspection/cases/${(await caseIn(db, ward)).caseId}/suspend`,
      body: { note: 'Vi phạm nhiều lần' },
    }),
    expect: {
      own: [401, 403, 403, 200, 403, 403, 403, 403],
      near: [401, 403, 403, 404, 403, 403, 403, 403],
      other: [401, 403, 403, 404, 403, 403, 403, 403],
    },
  },
];
