import {
  createdUserResponse,
  createUserBody,
  idParams,
  listUsersQuery,
  resetPasswordBody,
  resetPasswordResponse,
  updateUserBody,
  userListResponse,
  userSchema,
} from '@thonghanh/contract';
import type { AuthUser } from '../authz/index.js';
import { authorize, authorizeById } from '../authz/index.js';
import type { Executor } from '../db/schema.js';
import { notFound } from '../errors.js';
import { defineRoute } from '../http/route.js';
import { userAreaFilter, wardArea } from '../jurisdictions/ward-area.js';
import { createUser } from './create-user.js';
import { setUserActive } from './set-user-active.js';
import { setUserPassword } from './set-user-password.js';
import { updateUser } from './update-user.js';
import { presentUser, userResource } from './user-presenter.js';
import { findUserById, listUsers } from './user-query.js';

const TAGS = ['users'];
const MANAGE = { roles: ['ward_admin'], scope: 'tài khoản thuộc phường của quản trị viên' } as const;
const READ = {
  roles: ['ward_admin', 'supervisor'],
  scope: 'quản trị phường: phường mình; giám sát: các phường trong địa bàn',
} as const;

/** Loads a user the caller may `action`: 404 outside their area, 403 if only readable. */
async function loadUser(db: Executor, user: AuthUser, id: string, action: 'read' | 'update') {
  const row = await findUserById(db, id);
  if (!row) throw notFound('Không tìm thấy tài khoản.');
  authorizeById(user, action, userResource(row), 'tài khoản');
  return row;
}

export const listUsersRoute = defineRoute({
  method: 'GET',
  path: '/api/v1/users',
  summary: 'Danh sách tài khoản (của phường mình, hoặc trong địa bàn giám sát)',
  tags: TAGS,
  access: READ,
  query: listUsersQuery,
  response: userListResponse,
  handler: async ({ db, user, query }) => {
    if (query.ward) authorize(user, 'read', { type: 'user', ...(await wardArea(db, query.ward, 'query.ward')) });
    const rows = await listUsers(db, {
      ...userAreaFilter(user),
      ...(query.ward ? { wardCode: query.ward } : {}),
      ...(query.role ? { role: query.role } : {}),
      ...(query.active !== undefined ? { active: query.active } : {}),
    });
    return { items: rows.map(presentUser) };
  },
});

export const createUserRoute = defineRoute({
  method: 'POST',
  path: '/api/v1/users',
  summary: 'Tạo tài khoản cán bộ cho phường mình (mật khẩu do hệ thống tạo nếu không nhập)',
  tags: TAGS,
  access: MANAGE,
  status: 201,
  body: createUserBody,
  response: createdUserResponse,
  handler: async ({ db, user, body, actor, now }) => {
    authorize(user, 'create', { type: 'user', wardCode: user.wardCode, districtCode: null, provinceCode: null });
    const created = await createUser(
      db,
      {
        username: body.username,
        fullName: body.fullName,
        ...(body.title ? { title: body.title } : {}),
        role: body.role,
        scope: { wardCode: user.wardCode },
        ...(body.email ? { email: body.email } : {}),
        ...(body.password !== undefined ? { password: body.password } : {}),
      },
      actor,
      now,
    );
    return { user: presentUser(created.user), generatedPassword: created.generatedPassword };
  },
});

export const getUserRoute = defineRoute({
  method: 'GET',
  path: '/api/v1/users/:id',
  summary: 'Xem một tài khoản',
  tags: TAGS,
  access: READ,
  params: idParams,
  response: userSchema,
  handler: async ({ db, user, params }) => presentUser(await loadUser(db, user, params.id, 'read')),
});

export const updateUserRoute = defineRoute({
  method: 'PATCH',
  path: '/api/v1/users/:id',
  summary: 'Sửa họ tên, chức vụ hoặc e-mail của tài khoản (vai trò, phường, tên đăng nhập không đổi)',
  tags: TAGS,
  access: MANAGE,
  params: idParams,
  body: updateUserBody,
  response: userSchema,
  handler: async ({ db, user, params, body, actor, now }) =>
    presentUser(await updateUser(db, await loadUser(db, user, params.id, 'update'), body, actor, now)),
});

export const deactivateUserRoute = defineRoute({
  method: 'POST',
  path: '/api/v1/users/:id/deactivate',
  summary: 'Khóa tài khoản (kết thúc mọi phiên đăng nhập của tài khoản)',
  tags: TAGS,
  access: MANAGE,
  params: idParams,
  response: userSchema,
  handler: async ({ db, user, params, actor, now }) =>
    presentUser(await setUserActive(db, await loadUser(db, user, params.id, 'update'), false, actor, now)),
});

export const reactivateUserRoute = defineRoute({
  method: 'POST',
  path: '/api/v1/users/:id/reactivate',
  summary: 'Mở khóa tài khoản',
  tags: TAGS,
  access: MANAGE,
  params: idParams,
  response: userSchema,
  handler: async ({ db, user, params, actor, now }) =>
    presentUser(await setUserActive(db, await loadUser(db, user, params.id, 'update'), true, actor, now)),
});

export const resetUserPasswordRoute = defineRoute({
  method: 'POST',
  path: '/api/v1/users/:id/reset-password',
  summary: 'Đặt lại mật khẩu (người dùng phải đổi ở lần đăng nhập sau)',
  tags: TAGS,
  access: MANAGE,
  params: idParams,
  body: resetPasswordBody,
  response: resetPasswordResponse,
  handler: async ({ db, user, params, body, actor, now }) => {
    const target = await loadUser(db, user, params.id, 'update');
    return setUserPassword(
      db,
      target,
      { kind: 'reset', ...(body.password ? { password: body.password } : {}) },
      actor,
      now,
    );
  },
});

export const userRoutes = [
  listUsersRoute,
  createUserRoute,
  getUserRoute,
  updateUserRoute,
  deactivateUserRoute,
  reactivateUserRoute,
  resetUserPasswordRoute,
];
