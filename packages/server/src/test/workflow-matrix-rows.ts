import { HEADERS, personRow } from '../../test/support/staff-files.js';
import type { Db, DossierState } from '../db/schema.js';
import { localDiskStorage } from '../dossiers/attachments/file-storage.js';
import { multipartBody, SAMPLE_FILES } from '../dossiers/attachments/test-multipart.js';
import { WARDS } from './constants.js';
import { makeBusiness, makeDossier, makeStaffEntries, staffEntryBody } from './factories.js';

/**
 * The authorisation matrix rows of the ward's workflow (businesses, dossiers, attachments,
 * staff lists, stats), in the matrix's order of actors:
 *
 *   anonymous, supervisor, ward_admin, ward_officer, health_officer, checkpoint_officer, business_rep
 *
 * Targets: `own` = Đức Giang and, for the business_rep, their own business (the row links
 * the rep to the fresh business); `sibling` = Đức Giang, another business; `near` = Việt
 * Hưng (same district); `other` = Phúc Xá (another district). Dossiers are sent online
 * unless said otherwise (kept by the business: the desk reviews, does not edit).
 */
type Statuses = [number, number, number, number, number, number, number, number];
type Target = 'own' | 'near' | 'other' | 'sibling';
interface Request {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  url: string;
  body?: Record<string, unknown>;
  payload?: Buffer;
  headers?: Record<string, string>;
  remoteAddress?: string;
}
interface Row {
  route: string;
  request: (db: Db, ward: string, target: Target) => Promise<Request>;
  expect: Partial<Record<Target, Statuses>>;
}

/** Set by the matrix before its cells run: the business_rep actor and the app's uploads folder. */
export const MATRIX_ENV = { repId: '', uploadsDir: '' };

/** A fresh business in `ward`; for the `own` target the business_rep actor now acts for it. */
async function targetBusiness(db: Db, ward: string, target: Target, status?: 'pending') {
  const b = await makeBusiness(db, { wardCode: ward, ...(status ? { status } : {}) });
  if (target === 'own')
    await db.updateTable('users').set({ business_id: b.id }).where('id', '=', MATRIX_ENV.repId).execute();
  return b;
}

async function targetDossier(db: Db, ward: string, target: Target, state: DossierState) {
  const business = await targetBusiness(db, ward, target);
  return makeDossier(db, { business, state });
}

async function pendingStaffId(db: Db, dossierId: string): Promise<string> {
  const r = await db
    .selectFrom('staff_members')
    .select('id')
    .where('dossier_id', '=', dossierId)
    .executeTakeFirstOrThrow();
  return r.id;
}

let n = 0;
const freshName = (prefix: string) => `${prefix}${Date.now().toString(36)}${n++}`;

const businessBody = (ward: string) => ({
  taxCode: makeTaxCode(),
  name: freshName('Công ty TNHH Ma Trận '),
  address: 'Số 2 phố Đức Giang',
  wardCode: ward,
  lineOfBusiness: 'Thương mại',
  contactName: 'Trần Thị Liên Hệ',
  contactPhone: '0987654321',
});

// Fixed: every run makes the same tax codes (each suite has its own fresh database).
let taxSeq = 500_000;
function makeTaxCode(): string {
  for (;;) {
    const first9 = `08${String(taxSeq++ % 10_000_000).padStart(7, '0')}`;
    const w = [31, 29, 23, 19, 17, 13, 7, 5, 3];
    const s = [...first9].reduce((a, c, i) => a + (w[i] as number) * Number(c), 0);
    if (s % 11 !== 0) return `${first9}${10 - (s % 11)}`;
  }
}

// Read a business / dossier / staff list: the business its own, ward staff their ward, the supervisor the district.
const READ_BUSINESS: Partial<Record<Target, Statuses>> = {
  own: [401, 200, 200, 200, 200, 403, 200, 200],
  sibling: [401, 200, 200, 200, 200, 403, 404, 200],
  near: [401, 200, 404, 404, 404, 403, 404, 404],
  other: [401, 404, 404, 404, 404, 403, 404, 404],
};
// Kept by the business (online dossier, draft): only its representative.
const KEEPER = (ok: number): Partial<Record<Target, Statuses>> => ({
  own: [401, 403, 403, 403, 403, 403, ok, 403],
  sibling: [401, 403, 403, 403, 403, 403, 404, 403],
  near: [401, 403, 403, 404, 403, 403, 404, 403],
});
// The business's own or the ward desk's (files, removals).
const KEEPER_OR_DESK = (ok: number): Partial<Record<Target, Statuses>> => ({
  own: [401, 403, 403, ok, 403, 403, ok, 403],
  sibling: [401, 403, 403, ok, 403, 403, 404, 403],
  near: [401, 403, 403, 404, 403, 403, 404, 403],
});
// The ward desk only.
const DESK: Partial<Record<Target, Statuses>> = {
  own: [401, 403, 403, 200, 403, 403, 403, 403],
  near: [401, 403, 403, 404, 403, 403, 403, 403],
  other: [401, 403, 403, 404, 403, 403, 403, 403],
};
// The ward leader only (approve, return to the desk).
const LEADER: Partial<Record<Target, Statuses>> = {
  own: [401, 403, 403, 403, 403, 403, 403, 200],
  near: [401, 403, 403, 403, 403, 403, 403, 404],
  other: [401, 403, 403, 403, 403, 403, 403, 404],
};
// A list naming a ward: ward staff their own ward, the supervisor the district.
const WARD_LIST = (rep: number): Partial<Record<Target, Statuses>> => ({
  own: [401, 200, 200, 200, 200, 403, rep, 200],
  near: [401, 200, 403, 403, 403, 403, 403, 403],
  other: [401, 403, 403, 403, 403, 403, 403, 403],
});
const listUrl = (path: string, ward: string) => (ward === WARDS.own ? path : `${path}?ward=${ward}`);

export const WORKFLOW_ROWS: Row[] = [
  // Businesses
  {
    route: 'POST /api/v1/businesses/register',
    request: async (_db, ward) => ({
      method: 'POST',
      url: '/api/v1/businesses/register',
      body: {
        ...businessBody(ward),
        account: { password: 'mat-khau-dang-ky', fullName: 'Người Đại Diện' },
      },
      // Registration is limited per address: each cell comes from its own.
      remoteAddress: `198.18.0.${n++ % 250}`,
    }),
    expect: { own: [201, 201, 201, 201, 201, 201, 201, 201], other: [201, 201, 201, 201, 201, 201, 201, 201] },
  },
  {
    route: 'POST /api/v1/businesses',
    request: async (_db, ward) => ({ method: 'POST', url: '/api/v1/businesses', body: businessBody(ward) }),
    expect: { own: [401, 403, 403, 201, 403, 403, 403, 403], near: [401, 403, 403, 403, 403, 403, 403, 403] },
  },
  {
    route: 'GET /api/v1/businesses',
    request: async (_db, ward) => ({ method: 'GET', url: listUrl('/api/v1/businesses', ward) }),
    expect: WARD_LIST(403),
  },
  {
    route: 'GET /api/v1/businesses/:id',
    request: async (db, ward, target) => ({
      method: 'GET',
      url: `/api/v1/businesses/${(await targetBusiness(db, ward, target)).id}`,
    }),
    expect: READ_BUSINESS,
  },
  {
    route: 'POST /api/v1/businesses/:id/accept',
    request: async (db, ward, target) => ({
      method: 'POST',
      url: `/api/v1/businesses/${(await targetBusiness(db, ward, target, 'pending')).id}/accept`,
    }),
    expect: DESK,
  },
  {
    route: 'POST /api/v1/businesses/:id/refuse',
    request: async (db, ward, target) => ({
      method: 'POST',
      url: `/api/v1/businesses/${(await targetBusiness(db, ward, target, 'pending')).id}/refuse`,
      body: { reason: 'Không hoạt động trên địa bàn' },
    }),
    expect: DESK,
  },
  // Dossiers
  {
    route: 'GET /api/v1/dossiers',
    request: async (_db, ward) => ({ method: 'GET', url: listUrl('/api/v1/dossiers', ward) }),
    expect: WARD_LIST(200),
  },
  {
    route: 'POST /api/v1/dossiers',
    // The business sends online; the desk takes one in (in person by default) for any business of its ward.
    request: async (db, ward, target) => ({
      method: 'POST',
      url: '/api/v1/dossiers',
      body: { businessId: (await targetBusiness(db, ward, target)).id, planFrom: '2021-08-16', planTo: '2021-09-15' },
    }),
    expect: {
      own: [401, 403, 403, 201, 403, 403, 201, 403],
      sibling: [401, 403, 403, 201, 403, 403, 404, 403],
      near: [401, 403, 403, 404, 403, 403, 404, 403],
    },
  },
  {
    route: 'GET /api/v1/dossiers/:id',
    request: async (db, ward, target) => ({
      method: 'GET',
      url: `/api/v1/dossiers/${(await targetDossier(db, ward, target, 'draft')).id}`,
    }),
    expect: READ_BUSINESS,
  },
  {
    route: 'PATCH /api/v1/dossiers/:id',
    request: async (db, ward, target) => ({
      method: 'PATCH',
      url: `/api/v1/dossiers/${(await targetDossier(db, ward, target, 'draft')).id}`,
      body: { note: 'Bổ sung ca đêm' },
    }),
    expect: KEEPER(200),
  },
  {
    route: 'POST /api/v1/dossiers/:id/submit',
    request: async (db, ward, target) => ({
      method: 'POST',
      url: `/api/v1/dossiers/${(await targetDossier(db, ward, target, 'draft')).id}/submit`,
      body: { commitment: { accepted: true, name: 'Người Đại Diện' } },
    }),
    expect: KEEPER(200),
  },
  {
    route: 'POST /api/v1/dossiers/:id/confirm-health',
    request: async (db, ward, target) => ({
      method: 'POST',
      url: `/api/v1/dossiers/${(await targetDossier(db, ward, target, 'submitted')).id}/confirm-health`,
    }),
    expect: {
      own: [401, 403, 403, 403, 200, 403, 403, 403],
      near: [401, 403, 403, 403, 404, 403, 403, 403],
      other: [401, 403, 403, 403, 404, 403, 403, 403],
    },
  },
  {
    route: 'POST /api/v1/dossiers/:id/return',
    request: async (db, ward, target) => ({
      method: 'POST',
      url: `/api/v1/dossiers/${(await targetDossier(db, ward, target, 'submitted')).id}/return`,
      body: { note: 'Thiếu chữ ký của thủ trưởng đơn vị' },
    }),
    expect: {
      own: [401, 403, 403, 200, 200, 403, 403, 403],
      near: [401, 403, 403, 404, 404, 403, 403, 403],
      other: [401, 403, 403, 404, 404, 403, 403, 403],
    },
  },
  {
    route: 'POST /api/v1/dossiers/:id/send-for-signature',
    request: async (db, ward, target) => ({
      method: 'POST',
      url: `/api/v1/dossiers/${(await targetDossier(db, ward, target, 'health_confirmed')).id}/send-for-signature`,
    }),
    expect: DESK,
  },
  {
    // The leader signs (wards keep the default); the desk's approval is tested in dossiers/routes.test.ts.
    route: 'POST /api/v1/dossiers/:id/approve',
    request: async (db, ward, target) => ({
      method: 'POST',
      url: `/api/v1/dossiers/${(await targetDossier(db, ward, target, 'awaiting_leader')).id}/approve`,
    }),
    // The desk may approve in wards that keep its approval: out of its ward, not found.
    expect: {
      own: [401, 403, 403, 403, 403, 403, 403, 200],
      near: [401, 403, 403, 404, 403, 403, 403, 404],
      other: [401, 403, 403, 404, 403, 403, 403, 404],
    },
  },
  {
    route: 'POST /api/v1/dossiers/:id/return-to-desk',
    request: async (db, ward, target) => ({
      method: 'POST',
      url: `/api/v1/dossiers/${(await targetDossier(db, ward, target, 'awaiting_leader')).id}/return-to-desk`,
      body: { note: 'Kiểm tra lại danh sách' },
    }),
    expect: LEADER,
  },
  {
    route: 'POST /api/v1/dossiers/:id/reject',
    request: async (db, ward, target) => ({
      method: 'POST',
      url: `/api/v1/dossiers/${(await targetDossier(db, ward, target, 'submitted')).id}/reject`,
      body: { note: 'Không thuộc diện được hoạt động' },
    }),
    expect: DESK,
  },
  {
    route: 'POST /api/v1/dossiers/:id/suspend',
    request: async (db, ward, target) => ({
      method: 'POST',
      url: `/api/v1/dossiers/${(await targetDossier(db, ward, target, 'approved')).id}/suspend`,
      body: { note: 'Có ca nhiễm trong đơn vị' },
    }),
    expect: DESK,
  },
  {
    route: 'POST /api/v1/dossiers/:id/reinstate',
    request: async (db, ward, target) => ({
      method: 'POST',
      url: `/api/v1/dossiers/${(await targetDossier(db, ward, target, 'suspended')).id}/reinstate`,
      body: { note: 'Đã khử khuẩn, đủ điều kiện' },
    }),
    expect: DESK,
  },
  // Attachments
  {
    route: 'POST /api/v1/dossiers/:id/attachments',
    request: async (db, ward, target) => ({
      method: 'POST',
      url: `/api/v1/dossiers/${(await targetDossier(db, ward, target, 'draft')).id}/attachments`,
      ...multipartBody('ke-hoach.pdf', SAMPLE_FILES.pdf, 'application/pdf'),
    }),
    expect: KEEPER_OR_DESK(201),
  },
  {
    route: 'POST /api/v1/dossiers/:id/attachments/:attachmentId/versions',
    request: async (db, ward, target) => {
      const d = await targetDossier(db, ward, target, 'draft');
      const a = await db
        .selectFrom('dossier_attachments')
        .select('id')
        .where('dossier_id', '=', d.id)
        .executeTakeFirstOrThrow();
      return {
        method: 'POST',
        url: `/api/v1/dossiers/${d.id}/attachments/${a.id}/versions`,
        ...multipartBody('ke-hoach-moi.pdf', SAMPLE_FILES.pdf, 'application/pdf'),
      };
    },
    expect: KEEPER_OR_DESK(201),
  },
  {
    route: 'GET /api/v1/dossiers/:id/attachments/:attachmentId',
    request: async (db, ward, target) => {
      const d = await targetDossier(db, ward, target, 'draft');
      const key = await localDiskStorage(MATRIX_ENV.uploadsDir).put(SAMPLE_FILES.pdf);
      const a = await db
        .updateTable('dossier_attachments')
        .set({ storage_key: key })
        .where('dossier_id', '=', d.id)
        .returning('id')
        .executeTakeFirstOrThrow();
      return { method: 'GET', url: `/api/v1/dossiers/${d.id}/attachments/${a.id}` };
    },
    expect: READ_BUSINESS,
  },
  {
    route: 'DELETE /api/v1/dossiers/:id/attachments/:attachmentId',
    request: async (db, ward, target) => {
      const d = await targetDossier(db, ward, target, 'draft');
      const a = await db
        .selectFrom('dossier_attachments')
        .select('id')
        .where('dossier_id', '=', d.id)
        .executeTakeFirstOrThrow();
      return { method: 'DELETE', url: `/api/v1/dossiers/${d.id}/attachments/${a.id}` };
    },
    expect: KEEPER_OR_DESK(200),
  },
  // Staff lists
  {
    route: 'GET /api/v1/staff/template',
    request: async () => ({ method: 'GET', url: '/api/v1/staff/template?format=csv' }),
    expect: { own: [200, 200, 200, 200, 200, 200, 200, 200] },
  },
  {
    route: 'POST /api/v1/dossiers/:id/staff/import',
    request: async (db, ward, target) => {
      const d = await targetDossier(db, ward, target, 'draft');
      const e = staffEntryBody(makeStaffEntries(1)[0]!);
      const row = personRow({
        ...e,
        idType: 'CCCD',
        dateOfBirth: e.dateOfBirth.split('-').reverse().join('/'),
        position: e.position ?? '',
        phone: e.phone ?? '',
        residenceWard: e.residenceWard ?? '',
        workplace: e.workplace ?? '',
        routeWards: e.routeWards.join(', '),
        scheduleDays: 'T2-T6',
      });
      const csv = `\uFEFF${[HEADERS, row].map((r) => r.join(';')).join('\r\n')}\r\n`;
      return {
        method: 'POST',
        url: `/api/v1/dossiers/${d.id}/staff/import`,
        ...multipartBody('danh-sach.csv', new TextEncoder().encode(csv), 'text/csv'),
      };
    },
    expect: KEEPER(200),
  },
  {
    route: 'GET /api/v1/dossiers/:id/staff',
    request: async (db, ward, target) => ({
      method: 'GET',
      url: `/api/v1/dossiers/${(await targetDossier(db, ward, target, 'draft')).id}/staff`,
    }),
    expect: READ_BUSINESS,
  },
  {
    route: 'POST /api/v1/dossiers/:id/staff',
    request: async (db, ward, target) => ({
      method: 'POST',
      url: `/api/v1/dossiers/${(await targetDossier(db, ward, target, 'draft')).id}/staff`,
      body: staffEntryBody(makeStaffEntries(1)[0]!),
    }),
    expect: KEEPER(201),
  },
  {
    route: 'PATCH /api/v1/dossiers/:id/staff/:staffId',
    request: async (db, ward, target) => {
      const d = await targetDossier(db, ward, target, 'draft');
      return {
        method: 'PATCH',
        url: `/api/v1/dossiers/${d.id}/staff/${await pendingStaffId(db, d.id)}`,
        body: staffEntryBody(makeStaffEntries(1)[0]!),
      };
    },
    expect: KEEPER(200),
  },
  {
    route: 'DELETE /api/v1/dossiers/:id/staff/:staffId',
    request: async (db, ward, target) => {
      const d = await targetDossier(db, ward, target, 'draft');
      return { method: 'DELETE', url: `/api/v1/dossiers/${d.id}/staff/${await pendingStaffId(db, d.id)}` };
    },
    expect: KEEPER(200),
  },
  {
    route: 'GET /api/v1/businesses/:id/staff',
    request: async (db, ward, target) => ({
      method: 'GET',
      url: `/api/v1/businesses/${(await targetDossier(db, ward, target, 'approved')).business_id}/staff`,
    }),
    expect: READ_BUSINESS,
  },
  {
    route: 'POST /api/v1/businesses/:id/staff/remove',
    request: async (db, ward, target) => {
      const d = await targetDossier(db, ward, target, 'approved');
      return {
        method: 'POST',
        url: `/api/v1/businesses/${d.business_id}/staff/remove`,
        body: { staffIds: [await pendingStaffId(db, d.id)], reason: 'Nghỉ việc' },
      };
    },
    expect: KEEPER_OR_DESK(200),
  },
  // Dashboard
  {
    route: 'GET /api/v1/stats',
    request: async (_db, ward) => ({ method: 'GET', url: listUrl('/api/v1/stats', ward) }),
    expect: WARD_LIST(403),
  },
];
