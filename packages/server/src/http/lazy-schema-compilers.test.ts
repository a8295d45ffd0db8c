import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { lazySchemaCompilers } from './lazy-schema-compilers.js';

// The app's Fastify loads ajv and fast-json-stringify only when a route declares a schema
// (app.ts): such a route — a plugin's — must still be validated and serialized as by default.
describe('lazy Fastify schema compilers', () => {
  const app = Fastify({ schemaController: { compilersFactory: lazySchemaCompilers } });
  app.post(
    '/echo',
    {
      schema: {
        body: { type: 'object', required: ['n'], properties: { n: { type: 'integer', minimum: 1 } } },
        response: { 200: { type: 'object', properties: { n: { type: 'integer' } } } },
      },
    },
    async (req) => ({ ...(req.body as object), secret: 'not in the response schema' }),
  );

  it('validates a body against its JSON schema', async () => {
    const bad = await app.inject({ method: 'POST', url: '/echo', payload: { n: 0 } });
    expect([bad.statusCode, bad.json().code]).toEqual([400, 'FST_ERR_VALIDATION']);
  });

  it('serializes a response by its schema (fields outside it dropped)', async () => {
    const ok = await app.inject({ method: 'POST', url: '/echo', payload: { n: 3 } });
    expect([ok.statusCode, ok.json()]).toEqual([200, { n: 3 }]);
  });
});
