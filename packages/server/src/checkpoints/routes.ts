import {
  checkpointListResponse,
  checkpointSchema,
  createCheckpointBody,
  idParams,
  listCheckpointsQuery,
  updateCheckpointBody,
} from '@thonghanh/contract';
import { type AuthUser, authorize, authorizeById } from '../authz/index.js';
import type { Executor } from '../db/schema.js';
import { notFound } from '../errors.js';
import { defineRoute } from '../http/route.js';
import { userAreaFilter, wardArea } from '../jurisdictions/ward-area.js';
import { checkpointResource, presentCheckpoint } from './checkpoint-presenter.js';
import { findCheckpoint, listCheckpoints } from './checkpoint-query.js';
import { createCheckpoint, updateCheckpoint } from './save-checkpoint.js';

const TAGS = ['checkpoints'];
const READ = {
  roles: ['ward_admin', 'ward_officer', 'ward_leader', 'health_officer', 'checkpoint_officer', 'supervisor'],
  scope: 'cán bộ phường: chốt của phường mình; giám sát: chốt của các phường trong địa bàn',
} as const;
const MANAGE = { roles: ['ward_admin'], scope: 'chốt do phường của quản trị viên quản lý' } as const;

async function loadCheckpoint(db: Executor, user: AuthUser, id: string, action: 'read' | 'update' | 'delete') {
  const c = await findCheckpoint(db, id);
  if (!c) throw notFound('Không tìm thấy chốt kiểm soát.');
  authorizeById(user, action, checkpointResource(c), 'chốt kiểm soát');
  return c;
}

export const listCheckpointsRoute = defineRoute({
  method: 'GET',
  path: '/api/v1/checkpoints',
  summary: 'Danh sách chốt kiểm soát (của phường mình, hoặc trong địa bàn giám sát)',
  tags: TAGS,
  access: READ,
  query: listCheckpointsQuery,
  response: checkpointListResponse,
  handler: async ({ db, user, query }) => {
    if (query.ward) authorize(user, 'read', { type: 'checkpoint', ...(await wardArea(db, query.ward, 'query.ward')) });
    const area = userAreaFilter(user);
    const rows = await listCheckpoints(db, {
      ...(area.wardCode ? { ownerWardCode: area.wardCode } : {}),
      ...(area.districtCode ? { districtCode: area.districtCode } : {}),
      ...(area.provinceCode ? { provinceCode: area.provinceCode } : {}),
      ...(query.ward ? { ownerWardCode: query.ward } : {}),
      ...(query.active !== undefined ? { active: query.active } : {}),
    });
    return { items: rows.map(presentCheckpoint) };
  },
});

export const createCheckpointRoute = defineRoute({
  method: 'POST',
  path: '/api/v1/checkpoints',
  summary: 'Tạo chốt kiểm soát của phường mình (có thể đặt ở phường lân cận)',
  tags: TAGS,
  access: MANAGE,
  status: 201,
  body: createCheckpointBody,
  response: checkpointSchema,
  handler: async ({ db, user, body, actor, now }) => {
    authorize(user, 'create', { type: 'checkpoint', wardCode: user.wardCode, districtCode: null, provinceCode: null });
    return presentCheckpoint(await createCheckpoint(db, user.wardCode!, body, actor, now));
  },
});

export const getCheckpointRoute = defineRoute({
  method: 'GET',
  path: '/api/v1/checkpoints/:id',
  summary: 'Xem một chốt kiểm soát',
  tags: TAGS,
  access: READ,
  params: idParams,
  response: checkpointSchema,
  handler: async ({ db, user, params }) => presentCheckpoint(await loadCheckpoint(db, user, params.id, 'read')),
});

export const updateCheckpointRoute = defineRoute({
  method: 'PATCH',
  path: '/api/v1/checkpoints/:id',
  summary: 'Sửa tên, nơi đặt, địa điểm hoặc trạng thái của chốt',
  tags: TAGS,
  access: MANAGE,
  params: idParams,
  body: updateCheckpointBody,
  response: checkpointSchema,
  handler: async ({ db, user, params, body, actor, now }) => {
    const current = await loadCheckpoint(db, user, params.id, 'update');
    return presentCheckpoint(await updateCheckpoint(db, current, body, actor, now));
  },
});

export const deleteCheckpointRoute = defineRoute({
  method: 'DELETE',
  path: '/api/v1/checkpoints/:id',
  summary: 'Ngừng sử dụng chốt (giữ lại bản ghi vì nhật ký quét tham chiếu tới chốt)',
  tags: TAGS,
  access: MANAGE,
  params: idParams,
  response: checkpointSchema,
  handler: async ({ db, user, params, actor, now }) => {
    const current = await loadCheckpoint(db, user, params.id, 'delete');
    return presentCheckpoint(await updateCheckpoint(db, current, { active: false }, actor, now));
  },
});

export const checkpointRoutes = [
  listCheckpointsRoute,
  createCheckpointRoute,
  getCheckpointRoute,
  updateCheckpointRoute,
  deleteCheckpointRoute,
];
