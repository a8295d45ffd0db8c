import {
  adminUnitListResponse,
  adminUnitParams,
  adminUnitWithAncestorsSchema,
  listAdminUnitsQuery,
} from '@thonghanh/contract';
import { notFound } from '../errors.js';
import { defineRoute } from '../http/route.js';
import { presentAdminUnit } from './admin-unit-presenter.js';
import { ancestorsOf, findAdminUnit, listAdminUnits } from './admin-units-query.js';

const PUBLIC = { public: true } as const;

export const listAdminUnitsRoute = defineRoute({
  method: 'GET',
  path: '/api/v1/admin-units',
  summary: 'Danh sách đơn vị hành chính con (không có parent: các tỉnh/thành phố)',
  tags: ['jurisdictions'],
  access: PUBLIC,
  query: listAdminUnitsQuery,
  response: adminUnitListResponse,
  handler: async ({ db, query }) => {
    if (query.parent && !(await findAdminUnit(db, query.parent))) throw notFound('Không tìm thấy đơn vị hành chính.');
    return { items: (await listAdminUnits(db, query.parent)).map(presentAdminUnit) };
  },
});

export const getAdminUnitRoute = defineRoute({
  method: 'GET',
  path: '/api/v1/admin-units/:code',
  summary: 'Một đơn vị hành chính, kèm tỉnh và quận chứa nó',
  tags: ['jurisdictions'],
  access: PUBLIC,
  params: adminUnitParams,
  response: adminUnitWithAncestorsSchema,
  handler: async ({ db, params }) => {
    const unit = await findAdminUnit(db, params.code);
    if (!unit) throw notFound('Không tìm thấy đơn vị hành chính.');
    return { ...presentAdminUnit(unit), ancestors: (await ancestorsOf(db, unit)).map(presentAdminUnit) };
  },
});

export const jurisdictionRoutes = [listAdminUnitsRoute, getAdminUnitRoute];
