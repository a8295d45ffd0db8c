import { SYSTEM_ACTOR } from '../audit/append-audit.js';
import { ROLES, type Role } from '../authz/index.js';
import { createUser } from '../users/create-user.js';
import type { ScopeInput } from '../users/resolve-user-scope.js';
import { DEMO, type DemoStep } from './demo-context.js';

interface DemoAccount {
  username: string;
  fullName: string;
  title?: string;
  role: Role;
  scope: ScopeInput;
  note: string;
}

/** One account per role (two supervisors: the city and the district). No real names. */
export const DEMO_ACCOUNTS: DemoAccount[] = [
  {
    username: 'giamsat.hanoi',
    fullName: 'Giám sát Thành phố Hà Nội (demo)',
    role: 'supervisor',
    scope: { provinceCode: DEMO.province },
    note: 'xem toàn thành phố Hà Nội',
  },
  {
    username: 'giamsat.longbien',
    fullName: 'Giám sát quận Long Biên (demo)',
    role: 'supervisor',
    scope: { districtCode: DEMO.district },
    note: 'xem các phường của quận Long Biên',
  },
  {
    username: 'quantri.ducgiang',
    fullName: 'Quản trị phường Đức Giang (demo)',
    role: 'ward_admin',
    scope: { wardCode: DEMO.ward },
    note: 'tài khoản, chốt kiểm soát, khóa ký của phường',
  },
  {
    username: 'motcua.ducgiang',
    fullName: 'Cán bộ Một cửa phường Đức Giang (demo)',
    role: 'ward_officer',
    scope: { wardCode: DEMO.ward },
    note: 'tiếp nhận, xử lý hồ sơ, trình lãnh đạo ký',
  },
  {
    username: 'lanhdao.ducgiang',
    fullName: 'Lãnh đạo UBND phường Đức Giang (demo)',
    title: 'Phó Chủ tịch UBND phường',
    role: 'ward_leader',
    scope: { wardCode: DEMO.ward },
    note: 'ký phê duyệt hồ sơ (Chủ tịch / Phó Chủ tịch)',
  },
  {
    username: 'tramyte.ducgiang',
    fullName: 'Cán bộ Trạm Y tế phường Đức Giang (demo)',
    role: 'health_officer',
    scope: { wardCode: DEMO.ward },
    note: 'xác nhận phương án phòng chống dịch',
  },
  {
    username: 'chot.ducgiang',
    fullName: 'Cán bộ chốt kiểm soát phường Đức Giang (demo)',
    role: 'checkpoint_officer',
    scope: { wardCode: DEMO.ward },
    note: 'quét giấy đi đường tại chốt',
  },
  {
    username: 'doanhnghiep.demo',
    fullName: 'Đại diện doanh nghiệp (demo)',
    role: 'business_rep',
    scope: { wardCode: DEMO.ward },
    note: 'nộp hồ sơ, danh sách người lao động',
  },
];

export const demoUsersStep: DemoStep = {
  name: 'users',
  async run(ctx) {
    for (const a of DEMO_ACCOUNTS) {
      const { user } = await createUser(
        ctx.db,
        {
          username: a.username,
          fullName: a.fullName,
          ...(a.title ? { title: a.title } : {}),
          role: a.role,
          scope: a.scope,
          passwordHash: ctx.passwordHash,
          mustChangePassword: false,
        },
        SYSTEM_ACTOR,
        ctx.now,
      );
      ctx.users.set(user.username, user);
      ctx.logins.push({ username: a.username, role: ROLES[a.role], note: a.note });
    }
  },
};
