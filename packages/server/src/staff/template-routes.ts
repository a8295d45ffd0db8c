import { staffTemplateQuery } from '@thonghanh/contract';
import { defineRoute } from '../http/route.js';
import { buildStaffTemplateCsv, buildStaffTemplateXlsx } from './import/index.js';

const TAGS = ['staff'];

export const staffTemplateRoute = defineRoute({
  method: 'GET',
  path: '/api/v1/staff/template',
  summary: 'Tải tệp mẫu danh sách người lao động (.xlsx kèm hướng dẫn, hoặc .csv UTF-8)',
  tags: TAGS,
  access: { public: true },
  query: staffTemplateQuery,
  produces: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet, text/csv',
  handler: async ({ query, reply }) => {
    const xlsx = query.format === 'xlsx';
    const bytes = xlsx ? await buildStaffTemplateXlsx() : buildStaffTemplateCsv();
    reply
      .header(
        'content-type',
        xlsx ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv; charset=utf-8',
      )
      .header(
        'content-disposition',
        `attachment; filename="danh-sach-nguoi-lao-dong.${query.format}"; filename*=UTF-8''${encodeURIComponent(`danh-sách-người-lao-động.${query.format}`)}`,
      )
      .send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length));
    return reply;
  },
});

export const staffTemplateRoutes = [staffTemplateRoute];
