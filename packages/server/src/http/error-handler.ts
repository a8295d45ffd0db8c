import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
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

/**
 * Fastify's `clientErrorHandler`: a request Node's HTTP parser refuses (cut short before its
 * Content-Length, a broken chunk, headers too large) gets the same `{ error: { code, message } }`
 * as every other failure, not Fastify's own shape; then the connection closes.
 */
export function clientErrorHandler(err: NodeJS.ErrnoException, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const status = err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : err.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
  const code: ErrorCode = status === 400 ? 'request_incomplete' : 'bad_request';
  const body = JSON.stringify(errorBody(code));
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(err);
}

/**
 * Fastify's `frameworkErrors`: a path the router cannot decode (`/api/v1/businesses/%FF`, a
 * parameter too long) is a 400 `bad_request` in our shape, before any route runs.
 */
export function frameworkErrorHandler(err: FastifyError, _req: FastifyRequest, reply: FastifyReply): void {
  const tooLong = err.code === 'FST_ERR_MAX_PARAM_LENGTH';
  reply
    .status(400)
    .send(
      errorBody(
        'bad_request',
        tooLong ? 'Địa chỉ yêu cầu quá dài.' : 'Địa chỉ yêu cầu không hợp lệ (mã hóa URL hỏng).',
      ),
    );
}
