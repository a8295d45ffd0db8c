import type { FastifyError, FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AppError, ERRORS, type ErrorBody, type ErrorCode } from '../errors.js';
import { zodIssues } from './zod-issues.js';

/** Turns every thrown error into `{ error: { code, message, issues? } }` with its status. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: unknown, req, reply) => {
    if (err instanceof AppError) {
      if (err.extra.headers) reply.headers(err.extra.headers);
      return reply.status(err.status).send(errorBody(err.code, err.message, err.extra.issues));
    }
    if (err instanceof z.ZodError) {
      return reply.status(400).send(errorBody('validation_failed', undefined, zodIssues(err)));
    }
    const fe = err as Partial<FastifyError>;
    const status = typeof fe.statusCode === 'number' ? fe.statusCode : 500;
    if (status >= 400 && status < 500) {
      const code = fastifyClientErrorCode(status);
      const message =
        fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || fe.name === 'SyntaxError'
          ? 'Dữ liệu gửi lên không phải JSON hợp lệ.'
          : undefined;
      return reply.status(ERRORS[code].status).send(errorBody(code, message));
    }
    req.log.error({ err }, 'unhandled error');
    return reply.status(500).send(errorBody('internal_error'));
  });
}

export function errorBody(code: ErrorCode, message?: string, issues?: ErrorBody['error']['issues']): ErrorBody {
  return { error: { code, message: message ?? ERRORS[code].message, ...(issues ? { issues } : {}) } };
}

function fastifyClientErrorCode(status: number): ErrorCode {
  if (status === 404) return 'not_found';
  if (status === 413) return 'payload_too_large';
  if (status === 415) return 'unsupported_media_type';
  if (status === 401) return 'unauthenticated';
  if (status === 403) return 'forbidden';
  return 'bad_request';
}
