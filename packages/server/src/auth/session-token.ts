import { createHash, randomBytes } from 'node:crypto';

/** The cookie that carries the session token. */
export const SESSION_COOKIE = 'th_session';
/** The header that must echo the session's CSRF token on every cookie-authenticated write. */
export const CSRF_HEADER = 'x-csrf-token';

/** 32 random bytes, base64url: goes into the cookie and nowhere else. */
export const newSessionToken = (): string => randomBytes(32).toString('base64url');
export const newCsrfToken = (): string => randomBytes(24).toString('base64url');

/** What the database stores instead of the token: a leaked table opens no session. */
export const sessionIdOf = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');
