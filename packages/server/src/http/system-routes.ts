import { healthResponse, openApiDocumentResponse } from '@thonghanh/contract';
import { AppError } from '../errors.js';
import { databaseAnswers } from './database-health.js';
import { buildOpenApiDocument } from './openapi.js';
import { type AnyRoute, defineRoute } from './route.js';

/** The document's title and description (docs/openapi.json has them too, without a server URL). */
export const API_INFO = {
  title: 'Thông hành API',
  version: '1',
  description:
    'API của Thông hành: hồ sơ doanh nghiệp, phê duyệt của UBND phường và giấy đi đường có mã QR ký số. ' +
    'Lỗi luôn có dạng { error: { code, message, issues? } }. Lược đồ lấy từ packages/contract.',
};

export const healthRoute = defineRoute({
  method: 'GET',
  path: '/healthz',
  summary: 'Tình trạng máy chủ và cơ sở dữ liệu',
  tags: ['system'],
  access: { public: true },
  response: healthResponse,
  handler: async ({ db, deps }) => {
    // A recent check answers at once; a long write holding SQLite's connection does not make it wait.
    if (!(await databaseAnswers(db))) throw new AppError('database_unavailable');
    return { status: 'ok' as const, database: deps.config.database.kind };
  },
});

/** `GET /api/openapi.json`: the document of `routes` (this route included), built once. */
export function openApiRoute(routes: () => AnyRoute[]): AnyRoute {
  let doc: Record<string, unknown> | undefined;
  return defineRoute({
    method: 'GET',
    path: '/api/openapi.json',
    summary: 'Tài liệu OpenAPI 3.1 của API (sinh từ các lược đồ zod kiểm tra yêu cầu)',
    tags: ['system'],
    access: { public: true },
    response: openApiDocumentResponse,
    handler: async ({ deps }) => {
      doc ??= buildOpenApiDocument(routes(), { ...API_INFO, serverUrl: deps.config.publicUrl });
      return doc;
    },
  });
}
