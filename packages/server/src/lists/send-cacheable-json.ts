import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

export interface CacheableOptions {
  /** `Cache-Control` value. */
  cacheControl: string;
  /** Allow any origin to read it (public lists any verifier may fetch). */
  cors?: boolean;
  /** The entity tag (without quotes) when it is not the hash of the body (bodies with a generation time). */
  etag?: string;
}

/** A strong ETag: the first 128 bits of SHA-256 of the representation, base64url. */
export const strongEtag = (text: string): string =>
  `"${createHash('sha256').update(text).digest('base64url').slice(0, 22)}"`;

/** Does `If-None-Match` name this ETag (or `*`)? Weak comparison, as RFC 9110 §13.1.2 asks for GET. */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);
}

/**
 * Sends a JSON document with a strong ETag; `If-None-Match` naming it gives 304 with no body.
 * Nothing is cached on the server: the body is computed for every request, so a change is
 * visible to the next request after its transaction commits.
 */
export function sendCacheableJson(
  req: FastifyRequest,
  reply: FastifyReply,
  value: unknown,
  options: CacheableOptions,
): FastifyReply {
  const body = JSON.stringify(value);
  const etag = options.etag ? `"${options.etag}"` : strongEtag(body);
  reply.header('etag', etag);
  reply.header('cache-control', options.cacheControl);
  if (options.cors) {
    reply.header('access-control-allow-origin', '*');
    reply.header('access-control-expose-headers', 'ETag');
  }
  if (etagMatches(req.headers['if-none-match'], etag)) return reply.status(304).send();
  return reply.status(200).type('application/json; charset=utf-8').send(body);
}
