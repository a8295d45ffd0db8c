import { changePasswordBody, loginBody, okResponse, sessionSchema } from '@thonghanh/contract';
import { audit } from '../audit/append-audit.js';
import type { SessionRow, UserRow } from '../db/schema.js';
import { AppError } from '../errors.js';
import { defineRoute } from '../http/route.js';
import { setUserPassword } from '../users/set-user-password.js';
import { presentUser } from '../users/user-presenter.js';
import { findUserById } from '../users/user-query.js';
import { login } from './login.js';
import { beginLoginAttempt, loginKeys } from './login-throttle.js';
import { verifyPassword } from './password.js';
import { clearSessionCookie, setSessionCookie } from './session-cookie.js';
import { deleteSession, type SessionPolicy, sessionEndsAt } from './sessions.js';

const TAGS = ['auth'];
const ANY = { roles: 'any', scope: 'chính phiên đăng nhập của mình' } as const;

export { sessionSchema };

const sessionView = (user: UserRow, session: SessionRow, policy: SessionPolicy) => ({
  user: presentUser(user),
  csrfToken: session.csrf_token,
  expiresAt: sessionEndsAt(session, policy),
});

export const loginRoute = defineRoute({
  method: 'POST',
  path: '/api/v1/auth/login',
  summary: 'Đăng nhập (đặt cookie th_session; sai nhiều lần phải chờ, tăng dần)',
  tags: TAGS,
  access: { public: true },
  transaction: false,
  body: loginBody,
  response: sessionSchema,
  handler: async ({ db, body, req, reply, deps }) => {
    const { token, session, user } = await login(
      db,
      { username: body.username, password: body.password, ip: req.ip, userAgent: req.headers['user-agent'] },
      deps.clock,
      deps.config.session,
    );
    setSessionCookie(reply, token, session.expires_at, deps.config.secureCookies);
    return sessionView(user, session, deps.config.session);
  },
});

export const logoutRoute = defineRoute({
  method: 'POST',
  path: '/api/v1/auth/logout',
  summary: 'Đăng xuất (xóa phiên)',
  tags: TAGS,
  access: ANY,
  allowedBeforePasswordChange: true,
  response: okResponse,
  handler: async ({ db, user, session, actor, reply, deps, now }) => {
    await deleteSession(db, session!.id);
    await audit(db, actor, 'auth.logged_out', { type: 'user', id: user.id, wardCode: user.wardCode }, {}, now);
    clearSessionCookie(reply, deps.config.secureCookies);
    return { ok: true as const };
  },
});

export const meRoute = defineRoute({
  method: 'GET',
  path: '/api/v1/auth/me',
  summary: 'Người đang đăng nhập và mã CSRF của phiên',
  tags: TAGS,
  access: ANY,
  allowedBeforePasswordChange: true,
  response: sessionSchema,
  handler: async ({ db, user, session, deps }) =>
    sessionView((await findUserById(db, user.id))!, session!, deps.config.session),
});

export const changePasswordRoute = defineRoute({
  method: 'POST',
  path: '/api/v1/auth/password',
  summary: 'Đổi mật khẩu của mình (các phiên khác bị đăng xuất)',
  tags: TAGS,
  access: ANY,
  allowedBeforePasswordChange: true,
  transaction: false,
  body: changePasswordBody,
  response: okResponse,
  handler: async ({ db, user, session, body, actor, req, now, deps }) => {
    const row = (await findUserById(db, user.id))!;
    // The current password is a password check like a login: same keys, same back-off.
    const attempt = await beginLoginAttempt(db, loginKeys(row.username, req.ip), now);
    let matches: boolean;
    try {
      matches = await verifyPassword(body.currentPassword, row.password_hash);
    } catch (e) {
      await attempt.release();
      throw e;
    }
    if (!matches) {
      await attempt.failed(deps.clock.now());
      throw new AppError('wrong_current_password');
    }
    if (body.newPassword === body.currentPassword || body.newPassword.toLowerCase() === row.username) {
      await attempt.release();
      throw new AppError('validation_failed', 'Mật khẩu mới phải khác mật khẩu cũ và khác tên đăng nhập.', {
        issues: [{ path: 'body.newPassword', code: 'weak_password', message: 'Chọn mật khẩu khác.' }],
      });
    }
    try {
      await db.transaction().execute(async (tx) => {
        await attempt.succeeded(tx);
        await setUserPassword(
          tx,
          row,
          { kind: 'change', password: body.newPassword, keepSession: session!.id },
          actor,
          now,
        );
      });
    } catch (e) {
      await attempt.release();
      throw e;
    }
    return { ok: true as const };
  },
});

export const authRoutes = [loginRoute, logoutRoute, meRoute, changePasswordRoute];
