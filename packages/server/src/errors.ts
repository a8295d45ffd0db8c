/**
 * The error table (codes, HTTP statuses, Vietnamese messages) is part of the API contract:
 * packages/contract/src/errors.ts. This file re-exports it and adds the server's exception.
 */
import { ERRORS, type ErrorCode, type Issue } from '@thonghanh/contract/errors';

export { ERRORS, type ErrorBody, type ErrorCode, type Issue } from '@thonghanh/contract/errors';

/** An expected failure: carries its stable code, HTTP status and Vietnamese message. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly extra: { issues?: Issue[]; headers?: Record<string, string> } = {},
  ) {
    super(message ?? ERRORS[code].message);
    this.name = 'AppError';
    this.status = ERRORS[code].status;
  }
}

/** Factories for the common failures; a specific message is optional. */
export const notFound = (message?: string) => new AppError('not_found', message);
export const forbidden = (message?: string) => new AppError('forbidden', message);
export const unauthenticated = () => new AppError('unauthenticated');
export const validationFailed = (issues: Issue[], message?: string) =>
  new AppError('validation_failed', message, { issues });
export const unknownAdminUnit = (code: string, path = 'wardCode') =>
  new AppError('unknown_admin_unit', `Mã đơn vị hành chính ${code} không tồn tại.`, {
    issues: [{ path, code: 'unknown_admin_unit', message: `Mã ${code} không có trong danh mục đơn vị hành chính.` }],
  });
/** 429 with Retry-After; `message` may hold `{seconds}`. */
export const tooManyAttempts = (retryAfterSeconds: number, message: string = ERRORS.too_many_attempts.message) =>
  new AppError('too_many_attempts', message.replace('{seconds}', String(retryAfterSeconds)), {
    headers: { 'retry-after': String(retryAfterSeconds) },
  });
export const tooManyRequests = (message: string, retryAfterSeconds: number) =>
  new AppError('too_many_requests', message, { headers: { 'retry-after': String(retryAfterSeconds) } });
