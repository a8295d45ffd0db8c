import { z } from 'zod';
import { ERRORS } from '../errors.js';
import type { AnyRoute } from './route.js';

type JsonSchema = Record<string, unknown>;

export interface OpenApiInfo {
  title: string;
  version: string;
  description?: string;
  serverUrl?: string;
}

/** The OpenAPI 3.1 document of these routes, from the same zod schemas that validate them. */
export function buildOpenApiDocument(routes: AnyRoute[], info: OpenApiInfo): Record<string, unknown> {
  const components: Record<string, JsonSchema> = { Error: errorSchema() };
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = route.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
    paths[path] ??= {};
    paths[path][route.method.toLowerCase()] = operation(route, components);
  }
  return {
    openapi: '3.1.0',
    info: { title: info.title, version: info.version, ...(info.description ? { description: info.description } : {}) },
    ...(info.serverUrl ? { servers: [{ url: info.serverUrl }] } : {}),
    paths,
    components: {
      schemas: components,
      securitySchemes: {
        sessionCookie: {
          type: 'apiKey',
          in: 'cookie',
          name: 'th_session',
          description:
            'Phiên đăng nhập (POST /api/v1/auth/login). Mọi yêu cầu ghi (không phải GET) phải kèm header x-csrf-token bằng csrfToken của phiên.',
        },
      },
    },
  };
}

function operation(route: AnyRoute, components: Record<string, JsonSchema>): Record<string, unknown> {
  const isPublic = 'public' in route.access;
  const parameters: Record<string, unknown>[] = [
    ...parametersOf(route.params, 'path', components),
    ...parametersOf(route.query, 'query', components),
  ];
  if (!isPublic && route.method !== 'GET') {
    parameters.push({ name: 'x-csrf-token', in: 'header', required: true, schema: { type: 'string' } });
  }
  const status = String(route.status ?? 200);
  const success = route.response
    ? {
        description: 'Thành công',
        content: { 'application/json': { schema: toSchema(route.response, 'output', components) } },
      }
    : { description: 'Thành công', content: { [route.produces ?? 'application/octet-stream']: {} } };
  const errors: Record<string, unknown> = {};
  const errorStatuses = new Set<number>([500]);
  if (route.params || route.query || route.body) errorStatuses.add(400);
  if (!isPublic) for (const s of [401, 403]) errorStatuses.add(s);
  if (route.params) errorStatuses.add(404);
  for (const s of [...errorStatuses].sort()) {
    const codes = Object.entries(ERRORS)
      .filter(([, e]) => e.status === s)
      .map(([c]) => c);
    errors[String(s)] = {
      description: `Lỗi (${codes.join(', ')})`,
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
    };
  }
  return {
    operationId: operationId(route),
    summary: route.summary,
    ...(route.description ? { description: route.description } : {}),
    tags: route.tags,
    ...(parameters.length ? { parameters } : {}),
    ...(route.body
      ? {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: toSchema(route.body, 'input', components) } },
          },
        }
      : {}),
    responses: { [status]: success, ...errors },
    security: isPublic ? [] : [{ sessionCookie: [] }],
    ...('public' in route.access
      ? { 'x-roles': 'public' }
      : { 'x-roles': route.access.roles, 'x-scope': route.access.scope }),
  };
}

function parametersOf(schema: z.ZodType | undefined, where: 'path' | 'query', components: Record<string, JsonSchema>) {
  if (!schema) return [];
  const json = toSchema(schema, 'input', components);
  const props = (json.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((json.required ?? []) as string[]);
  return Object.entries(props).map(([name, s]) => ({
    name,
    in: where,
    required: where === 'path' || required.has(name),
    ...(typeof s.description === 'string' ? { description: s.description } : {}),
    schema: s,
  }));
}

/** zod → JSON Schema 2020-12 (OpenAPI 3.1's dialect); named `$defs` move to components. */
function toSchema(schema: z.ZodType, io: 'input' | 'output', components: Record<string, JsonSchema>): JsonSchema {
  const json = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  delete json.$schema;
  const defs = json.$defs as Record<string, JsonSchema> | undefined;
  delete json.$defs;
  for (const [name, def] of Object.entries(defs ?? {})) components[name] = rewriteRefs(def) as JsonSchema;
  return rewriteRefs(json) as JsonSchema;
}

function rewriteRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rewriteRefs);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      out[k] = k === '$ref' && typeof v === 'string' ? v.replace('#/$defs/', '#/components/schemas/') : rewriteRefs(v);
    }
    return out;
  }
  return value;
}

function operationId(route: AnyRoute): string {
  const words = route.path
    .replace(/^\/api\/v1\//, '')
    .replace(/^\//, '')
    .split(/[/.-]/)
    .filter(Boolean)
    .map((w) => (w.startsWith(':') ? `by ${w.slice(1)}` : w))
    .join(' ')
    .split(' ');
  const camel = words.map((w, i) => (i === 0 ? w : w[0]!.toUpperCase() + w.slice(1))).join('');
  return `${route.method.toLowerCase()}${camel[0]!.toUpperCase()}${camel.slice(1)}`;
}

function errorSchema(): JsonSchema {
  return {
    type: 'object',
    required: ['error'],
    properties: {
      error: {
        type: 'object',
        required: ['code', 'message'],
        properties: {
          code: { type: 'string', enum: Object.keys(ERRORS) },
          message: { type: 'string', description: 'Thông báo tiếng Việt cho người dùng' },
          issues: {
            type: 'array',
            items: {
              type: 'object',
              required: ['path', 'code', 'message'],
              properties: { path: { type: 'string' }, code: { type: 'string' }, message: { type: 'string' } },
            },
          },
        },
      },
    },
  };
}
