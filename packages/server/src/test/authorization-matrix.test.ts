import { beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../authz/index.js';
import type { Db } from '../db/schema.js';
import { ALL_ROUTES } from '../routes.js';
import { type Agent, forEachApp, signIn } from './app.js';
import { WARDS } from './constants.js';
import { DEAD_END_ROWS } from './dead-ends-matrix-rows.js';
import { makeCheckpoint, makeUser, TEST_PASSWORD } from './factories.js';
import { INSPECTION_ROWS } from './inspection-matrix-rows.js';
import { PERMIT_MATRIX_ENV, PERMIT_ROWS } from './permit-matrix-rows.js';
import { MATRIX_ENV, WORKFLOW_ROWS } from './workflow-matrix-rows.js';

/**
 * Every route × every role × the target's place: `own` = the actors' ward (Đức Giang),
 * `near` = another ward of the same district (Việt Hưng: inside the district supervisor's
 * area), `other` = a ward of another district (Phúc Xá, Ba Đình). Actors are signed in in
 * Đức Giang; the supervisor oversees Long Biên. Expected statuses are written out, in the
 * order of ACTORS:
 *
 *   anonymous, supervisor, ward_admin, ward_officer, health_officer, checkpoint_officer, business_rep, ward_leader
 *
 * Wrong role → 403; right role, resource addressed by id outside the actor's area → 404 (its
 * existence is not revealed); a request naming a ward outside the area → 403 (codes are public).
 */
const ACTORS = [
  'anonymous',
  'supervisor',
  'ward_admin',
  'ward_officer',
  'health_officer',
  'checkpoint_officer',
  'business_rep',
  'ward_leader',
] as const;
type Actor = (typeof ACTORS)[number];
type Statuses = [number, number, number, number, number, number, number, number];
/** `sibling`: the actors' ward, a business that is not the business_rep's (`own` is theirs). */
type Target = 'own' | 'near' | 'other' | 'sibling';

interface Request {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE' | 'OPTIONS';
  url: string;
  body?: Record<string, unknown>;
  /** A raw body (multipart uploads) and its headers, instead of `body`. */
  payload?: Buffer;
  headers?: Record<string, string>;
  /** The client's address (rate-limited routes: one per request). */
  remoteAddress?: string;
}
interface Row {
  route: string;
  /** Which case of the route, when it has more than one row. */
  case?: string;
  /** Builds the request against a fresh target in `ward`. */
  request: (db: Db, ward: string, target: Target) => Promise<Request>;
  /** The route changes the actor's own session or password: use a fresh actor for each cell. */
  freshActor?: boolean;
  expect: Partial<Record<Target, Statuses>>;
}

const ALL_200: Statuses = [200, 200, 200, 200, 200, 200, 200, 200];
const SIGNED_IN_200: Statuses = [401, 200, 200, 200, 200, 200, 200, 200];
let n = 0;
const fresh = (prefix: string) => `${prefix}${Date.now().toString(36)}${n++}`;

const TABLE: Row[] = [
  { route: 'GET /healthz', request: async () => ({ method: 'GET', url: '/healthz' }), expect: { own: ALL_200 } },
  {
    route: 'GET /api/openapi.json',
    request: async () => ({ method: 'GET', url: '/api/openapi.json' }),
    expect: { own: ALL_200 },
  },
  {
    route: 'POST /api/v1/auth/login',
    request: async (db, ward) => {
      const u = await makeUser(db, { wardCode: ward });
      return { method: 'POST', url: '/api/v1/auth/login', body: { username: u.username, password: TEST_PASSWORD } };
    },
    expect: { own: ALL_200, other: ALL_200 },
  },
  {
    route: 'POST /api/v1/auth/logout',
    request: async () => ({ method: 'POST', url: '/api/v1/auth/logout' }),
    freshActor: true,
    expect: { own: SIGNED_IN_200 },
  },
  {
    route: 'GET /api/v1/auth/me',
    request: async () => ({ method: 'GET', url: '/api/v1/auth/me' }),
    expect: { own: SIGNED_IN_200 },
  },
  {
    route: 'POST /api/v1/auth/password',
    request: async () => ({
      method: 'POST',
      url: '/api/v1/auth/password',
      body: { currentPassword: TEST_PASSWORD, newPassword: 'mat-khau-moi-2021' },
    }),
    freshActor: true,
    expect: { own: SIGNED_IN_200 },
  },
  {
    route: 'GET /api/v1/admin-units',
    request: async (_db, ward) => ({
      method: 'GET',
      url: `/api/v1/admin-units?parent=${ward === WARDS.other ? '001' : '004'}`,
    }),
    expect: { own: ALL_200, other: ALL_200 },
  },
  {
    route: 'GET /api/v1/admin-units/:code',
    request: async (_db, ward) => ({ method: 'GET', url: `/api/v1/admin-units/${ward}` }),
    expect: { own: ALL_200, other: ALL_200 },
  },
  {
    route: 'GET /api/v1/users',
    request: async (_db, ward) => ({
      method: 'GET',
      url: ward === WARDS.own ? '/api/v1/users' : `/api/v1/users?ward=${ward}`,
    }),
    expect: {
      own: [401, 200, 200, 403, 403, 403, 403, 403],
      near: [401, 200, 403, 403, 403, 403, 403, 403],
      other: [401, 403, 403, 403, 403, 403, 403, 403],
    },
  },
  {
    route: 'POST /api/v1/users',
    request: async () => ({
      method: 'POST',
      url: '/api/v1/users',
      body: { username: fresh('moi.'), fullName: 'Cán bộ mới', role: 'ward_officer' },
    }),
    expect: { own: [401, 403, 201, 403, 403, 403, 403, 403] },
  },
  {
    route: 'GET /api/v1/users/:id',
    request: async (db, ward) => ({
      method: 'GET',
      url: `/api/v1/users/${(await makeUser(db, { wardCode: ward })).id}`,
    }),
    expect: {
      own: [401, 200, 200, 403, 403, 403, 403, 403],
      near: [401, 200, 404, 403, 403, 403, 403, 403],
      other: [401, 404, 404, 403, 403, 403, 403, 403],
    },
  },
  {
    route: 'POST /api/v1/users/:id/deactivate',
    request: async (db, ward) => ({
      method: 'POST',
      url: `/api/v1/users/${(await makeUser(db, { wardCode: ward })).id}/deactivate`,
    }),
    expect: {
      own: [401, 403, 200, 403, 403, 403, 403, 403],
      near: [401, 403, 404, 403, 403, 403, 403, 403],
      other: [401, 403, 404, 403, 403, 403, 403, 403],
    },
  },
  {
    route: 'POST /api/v1/users/:id/reactivate',
    request: async (db, ward) => ({
      method: 'POST',
      url: `/api/v1/users/${(await makeUser(db, { wardCode: ward, active: false })).id}/reactivate`,
    }),
    expect: {
      own: [401, 403, 200, 403, 403, 403, 403, 403],
      near: [401, 403, 404, 403, 403, 403, 403, 403],
      other: [401, 403, 404, 403, 403, 403, 403, 403],
    },
  },
  {
    route: 'POST /api/v1/users/:id/reset-password',
    request: async (db, ward) => ({
      method: 'POST',
      url: `/api/v1/users/${(await makeUser(db, { wardCode: ward })).id}/reset-password`,
      body: {},
    }),
    expect: {
      own: [401, 403, 200, 403, 403, 403, 403, 403],
      near: [401, 403, 404, 403, 403, 403, 403, 403],
      other: [401, 403, 404, 403, 403, 403, 403, 403],
    },
  },
  {
    route: 'GET /api/v1/checkpoints',
    request: async (_db, ward) => ({
      method: 'GET',
      url: ward === WARDS.own ? '/api/v1/checkpoints' : `/api/v1/checkpoints?ward=${ward}`,
    }),
    expect: {
      own: [401, 200, 200, 200, 200, 200, 403, 200],
      near: [401, 200, 403, 403, 403, 403, 403, 403],
      other: [401, 403, 403, 403, 403, 403, 403, 403],
    },
  },
  {
    route: 'POST /api/v1/checkpoints',
    request: async () => ({
      method: 'POST',
      url: '/api/v1/checkpoints',
      body: { name: fresh('Chốt mới '), wardCode: WARDS.own, place: 'Ngã tư' },
    }),
    expect: { own: [401, 403, 201, 403, 403, 403, 403, 403] },
  },
  {
    route: 'GET /api/v1/checkpoints/:id',
    request: async (db, ward) => ({
      method: 'GET',
      url: `/api/v1/checkpoints/${(await makeCheckpoint(db, { ownerWardCode: ward })).id}`,
    }),
    expect: {
      own: [401, 200, 200, 200, 200, 200, 403, 200],
      near: [401, 200, 404, 404, 404, 404, 403, 404],
      other: [401, 404, 404, 404, 404, 404, 403, 404],
    },
  },
  {
    route: 'PATCH /api/v1/checkpoints/:id',
    request: async (db, ward) => ({
      method: 'PATCH',
      url: `/api/v1/checkpoints/${(await makeCheckpoint(db, { ownerWardCode: ward })).id}`,
      body: { place: 'Địa điểm mới' },
    }),
    expect: {
      own: [401, 403, 200, 403, 403, 403, 403, 403],
      near: [401, 403, 404, 403, 403, 403, 403, 403],
      other: [401, 403, 404, 403, 403, 403, 403, 403],
    },
  },
  {
    route: 'DELETE /api/v1/checkpoints/:id',
    request: async (db, ward) => ({
      method: 'DELETE',
      url: `/api/v1/checkpoints/${(await makeCheckpoint(db, { ownerWardCode: ward })).id}`,
    }),
    expect: {
      own: [401, 403, 200, 403, 403, 403, 403, 403],
      near: [401, 403, 404, 403, 403, 403, 403, 403],
      other: [401, 403, 404, 403, 403, 403, 403, 403],
    },
  },
  {
    route: 'GET /api/v1/wards/:code/settings',
    request: async (_db, ward) => ({ method: 'GET', url: `/api/v1/wards/${ward}/settings` }),
    expect: {
      own: [401, 200, 200, 200, 200, 200, 403, 200],
      near: [401, 200, 403, 403, 403, 403, 403, 403],
      other: [401, 403, 403, 403, 403, 403, 403, 403],
    },
  },
  {
    route: 'PATCH /api/v1/wards/:code/settings',
    request: async (_db, ward) => ({ method: 'PATCH', url: `/api/v1/wards/${ward}/settings`, body: { dueDays: 4 } }),
    expect: {
      own: [401, 403, 200, 403, 403, 403, 403, 403],
      near: [401, 403, 403, 403, 403, 403, 403, 403],
      other: [401, 403, 403, 403, 403, 403, 403, 403],
    },
  },
  // The printable guides: everyone of the ward (business representatives and checkpoint
  // officers included) and the supervisors above it; rendered once per ward and settings.
  ...(['business', 'checkpoint'] as const).map(
    (kind): Row => ({
      route: `GET /api/v1/wards/:code/guides/${kind}.pdf`,
      request: async (_db, ward) => ({ method: 'GET', url: `/api/v1/wards/${ward}/guides/${kind}.pdf` }),
      expect: {
        own: [401, 200, 200, 200, 200, 200, 200, 403],
        near: [401, 200, 403, 403, 403, 403, 403, 403],
        other: [401, 403, 403, 403, 403, 403, 403, 403],
      },
    }),
  ),
  {
    route: 'GET /api/v1/audit',
    request: async (_db, ward) => ({
      method: 'GET',
      url: ward === WARDS.own ? '/api/v1/audit' : `/api/v1/audit?ward=${ward}`,
    }),
    expect: {
      own: [401, 200, 200, 403, 403, 403, 403, 403],
      near: [401, 200, 403, 403, 403, 403, 403, 403],
      other: [401, 403, 403, 403, 403, 403, 403, 403],
    },
  },
  ...WORKFLOW_ROWS,
  ...PERMIT_ROWS,
  ...INSPECTION_ROWS,
  ...DEAD_END_ROWS,
];

const ERROR_CODE: Record<number, string> = { 401: 'unauthenticated', 403: 'forbidden', 404: 'not_found' };

async function makeActor(db: Db, actor: Exclude<Actor, 'anonymous'>) {
  const role: Role = actor;
  return makeUser(db, role === 'supervisor' ? { role, districtCode: '004' } : { role, wardCode: WARDS.own });
}

describe('authorization matrix', () => {
  it('covers every route of the API', () => {
    // A route may have more rows (another case of the same route, e.g. a move among business changes).
    expect([...new Set(TABLE.map((r) => r.route))].sort()).toEqual(
      ALL_ROUTES.map((r) => `${r.method} ${r.path}`).sort(),
    );
  });

  forEachApp((t) => {
    const agents = new Map<Actor, Agent>();
    beforeAll(async () => {
      for (const actor of ACTORS) {
        if (actor !== 'anonymous') agents.set(actor, await signIn(t.app, await makeActor(t.db, actor)));
      }
      MATRIX_ENV.repId = agents.get('business_rep')!.user.id;
      MATRIX_ENV.uploadsDir = t.appConfig.uploadsDir;
      PERMIT_MATRIX_ENV.config = t.appConfig;
    });

    for (const row of TABLE) {
      describe(row.case ? `${row.route} (${row.case})` : row.route, () => {
        for (const [target, statuses] of Object.entries(row.expect) as Array<[Target, Statuses]>) {
          ACTORS.forEach((actor, i) => {
            const status = statuses[i]!;
            it(`${actor}, ${target} ward → ${status}`, async () => {
              const ward = WARDS[target === 'near' ? 'sameDistrict' : target === 'sibling' ? 'own' : target];
              const req = await row.request(t.db, ward, target);
              let agent = agents.get(actor);
              if (agent && row.freshActor && actor !== 'anonymous')
                agent = await signIn(t.app, await makeActor(t.db, actor));
              const options = {
                method: req.method,
                url: req.url,
                ...(req.body ? { payload: req.body } : {}),
                ...(req.payload ? { payload: req.payload, headers: req.headers ?? {} } : {}),
                ...(req.remoteAddress ? { remoteAddress: req.remoteAddress } : {}),
              };
              const res = agent ? await agent.request(options) : await t.app.inject(options);
              expect(res.statusCode, res.body).toBe(status);
              if (ERROR_CODE[status]) expect(res.json().error.code).toBe(ERROR_CODE[status]);
            });
          });
        }
      });
    }
  });
});
