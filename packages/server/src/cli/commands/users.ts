import { CLI_ACTOR } from '../../audit/append-audit.js';
import { isRole, ROLE_CODES } from '../../authz/index.js';
import { prepareDatabase } from '../../db/prepare-database.js';
import { AppError } from '../../errors.js';
import { createUser } from '../../users/create-user.js';
import { usernameSchema } from '../../users/username.js';
import { parse } from '../args.js';
import { type Command, EXIT, UsageError } from '../io.js';
import { withDatabase } from '../open-database.js';

const USAGE = `Cách dùng: thonghanh users create --role ROLE --username NAME
           [--ward MÃ | --district MÃ | --province MÃ] [--full-name "Họ và tên"]

Tạo tài khoản (để khởi tạo hệ thống: giám sát, quản trị phường đầu tiên). In mật khẩu do
hệ thống tạo (chỉ hiện một lần; người dùng phải đổi ở lần đăng nhập đầu).
ROLE: ${ROLE_CODES.join(', ')}.
Cán bộ phường cần --ward; giám sát cần --district (quận/huyện) hoặc --province (tỉnh/thành phố).
Tài khoản doanh nghiệp được tạo cùng doanh nghiệp, không qua lệnh này.`;

export const usersCommand: Command = {
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parse(args, {
      role: { type: 'string' },
      username: { type: 'string' },
      ward: { type: 'string' },
      district: { type: 'string' },
      province: { type: 'string' },
      'full-name': { type: 'string' },
    });
    if (positionals[0] !== 'create' || positionals.length !== 1) throw new UsageError('thiếu lệnh con "create"');
    const role = values.role ?? '';
    if (!isRole(role)) throw new UsageError(`--role phải là một trong: ${ROLE_CODES.join(', ')}`);
    if (role === 'business_rep') throw new UsageError('tài khoản doanh nghiệp được tạo cùng doanh nghiệp');
    const username = usernameSchema.safeParse(values.username ?? '');
    if (!username.success) throw new UsageError(`--username: ${username.error.issues[0]?.message}`);
    return withDatabase(io, async (db) => {
      await prepareDatabase(db);
      try {
        const created = await db.transaction().execute((tx) =>
          createUser(
            tx,
            {
              username: username.data,
              fullName: values['full-name'] ?? username.data,
              role,
              scope: { wardCode: values.ward, districtCode: values.district, provinceCode: values.province },
            },
            CLI_ACTOR,
            new Date(),
          ),
        );
        io.out(`Đã tạo tài khoản ${created.user.username} (${role}).`);
        io.out(`Mật khẩu: ${created.generatedPassword}`);
        return EXIT.ok;
      } catch (e) {
        if (e instanceof AppError) {
          const detail = e.extra.issues?.map((i) => i.message).join(' ') ?? '';
          io.err(`Lỗi: ${e.message}${detail ? ` ${detail}` : ''}`);
          return EXIT.negative;
        }
        throw e;
      }
    });
  },
};
