import { describe, expect, it } from 'vitest';
import { ALL_ROUTES } from '../routes.js';
import { forEachApp } from '../test/app.js';

type Operation = {
  operationId: string;
  summary: string;
  parameters?: Array<{ name: string; in: string; required: boolean }>;
  requestBody?: { content: { 'application/json': { schema: Record<string, unknown> } } };
  responses: Record<string, { content?: Record<string, { schema?: Record<string, unknown> }> }>;
  'x-roles': unknown;
};

describe('GET /api/openapi.json', () => {
  forEachApp((t) => {
    it('is an OpenAPI 3.1 document listing every route, with its zod schemas', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/application\/json/);
      const doc = JSON.parse(res.body);
      expect(doc.openapi).toBe('3.1.0');
      const listed = Object.entries(doc.paths as Record<string, Record<string, Operation>>).flatMap(([path, ops]) =>
        Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
      );
      const expected = ALL_ROUTES.map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`);
      expect(listed.sort()).toEqual(expected.sort());
      expect(ALL_ROUTES.length).toBeGreaterThanOrEqual(22);

      const ids = listed.map((l) => {
        const [m, p] = l.split(' ') as [string, string];
        return doc.paths[p][m.toLowerCase()].operationId;
      });
      expect(new Set(ids).size).toBe(ids.length);
    });

    it('describes request bodies, parameters, responses and access from the same schemas', async () => {
      const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
      const create: Operation = doc.paths['/api/v1/users'].post;
      expect(create['x-roles']).toEqual(['ward_admin']);
      const body = create.requestBody!.content['application/json'].schema;
      expect(body).toMatchObject({
        type: 'object',
        required: expect.arrayContaining(['username', 'fullName', 'role']),
        properties: {
          role: { enum: ['ward_admin', 'ward_officer', 'ward_leader', 'health_officer', 'checkpoint_officer'] },
        },
      });
      expect(create.parameters).toEqual([
        { name: 'x-csrf-token', in: 'header', required: true, schema: { type: 'string' } },
      ]);
      expect(create.responses['201']!.content!['application/json']!.schema).toMatchObject({
        properties: { user: { properties: { username: { type: 'string' } } } },
      });
      expect(create.responses['403']).toBeDefined();

      const get: Operation = doc.paths['/api/v1/checkpoints/{id}'].get;
      expect(get.parameters).toEqual([expect.objectContaining({ name: 'id', in: 'path', required: true })]);
      const list: Operation = doc.paths['/api/v1/audit'].get;
      expect(list.parameters?.find((p) => p.name === 'limit')).toMatchObject({ in: 'query', required: false });
      expect(doc.paths['/api/v1/auth/login'].post.security).toEqual([]);
      expect(doc.components.schemas.Error.properties.error.properties.code.enum).toContain('csrf_failed');
      expect(JSON.stringify(doc)).not.toContain('#/$defs/');
    });
  });
});
