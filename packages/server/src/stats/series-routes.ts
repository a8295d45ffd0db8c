import { type StatsSeriesQuery, type StatsSeriesView, statsSeriesQuery, statsSeriesSchema } from '@thonghanh/contract';
import { defineRoute } from '../http/route.js';
import { areaOfRequest, resolveArea } from '../inspection/inspection-area.js';
import { resolvePeriod } from '../inspection/period.js';
import { vnDateTime } from '../notifications/vn-time.js';
import { collectSeries, type SeriesResult } from '../workflow/stats/series.js';
import { streamXlsx } from '../xlsx/stream-xlsx.js';

const ACCESS = {
  roles: ['ward_admin', 'ward_officer', 'ward_leader', 'health_officer', 'supervisor'],
  scope: 'cán bộ phường: phường mình; giám sát: cộng cả địa bàn, hoặc ?ward= / ?district= trong địa bàn',
} as const;

async function seriesOf(
  ctx: { db: Parameters<typeof collectSeries>[0]; user: Parameters<typeof areaOfRequest>[1]; now: Date },
  q: StatsSeriesQuery,
): Promise<StatsSeriesView> {
  const area = await areaOfRequest(ctx.db, ctx.user, q, 'stats');
  const period = resolvePeriod(q, ctx.now, q.bucket === 'hour' ? 2 : 14);
  const result = await collectSeries(ctx.db, area, await resolveArea(ctx.db, area), period, q.bucket);
  return {
    area: {
      wardCode: area.wardCode ?? null,
      districtCode: area.districtCode ?? null,
      provinceCode: area.provinceCode ?? null,
    },
    ...result,
  };
}

export const statsSeriesRoute = defineRoute({
  method: 'GET',
  path: '/api/v1/stats/series',
  summary: 'Số liệu theo thời gian: lượt quét theo giờ/ngày và kết quả, giấy cấp mới, hồ sơ xử lý đúng hạn',
  description:
    'Mặc định 14 ngày gần nhất theo ngày (2 ngày theo giờ); tối đa 92 ngày. Hồ sơ: các hồ sơ được phê duyệt hoặc từ chối ' +
    'trong kỳ, đúng hạn khi quyết định không muộn hơn hạn xử lý (3 ngày, theo thiết lập của phường); theo từng phường ' +
    '(quận) hoặc từng quận (thành phố).',
  tags: ['stats'],
  access: ACCESS,
  query: statsSeriesQuery,
  response: statsSeriesSchema,
  handler: async ({ db, user, query: q, now }) => seriesOf({ db, user, now }, q),
});

const bucketLabel = (iso: string, bucket: SeriesResult['bucket']) =>
  bucket === 'hour' ? vnDateTime(iso) : vnDateTime(iso).slice(0, 10);

export const statsSeriesExportRoute = defineRoute({
  method: 'GET',
  path: '/api/v1/stats/series/export',
  summary: 'Tải số liệu theo thời gian về dạng Excel (.xlsx): cùng các con số của biểu đồ',
  tags: ['stats'],
  access: ACCESS,
  query: statsSeriesQuery,
  produces: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  handler: async ({ db, user, query: q, now, reply }) => {
    const s = await seriesOf({ db, user, now }, q);
    return streamXlsx(reply, `so-lieu-${s.from.slice(0, 10)}-${s.to.slice(0, 10)}.xlsx`, async (book) => {
      const scans = book.sheet('Lượt quét', [
        { header: q.bucket === 'hour' ? 'Giờ' : 'Ngày', width: 18 },
        ...s.verdicts.map((v) => ({ header: v, width: 14 })),
        { header: 'Tổng', width: 10 },
      ]);
      for (const b of s.scans)
        scans.add([bucketLabel(b.at, s.bucket), ...s.verdicts.map((v) => b.counts[v] ?? 0), b.total]);
      const permits = book.sheet('Giấy đi đường cấp mới', [
        { header: q.bucket === 'hour' ? 'Giờ' : 'Ngày', width: 18 },
        { header: 'Số giấy cấp', width: 14 },
      ]);
      for (const b of s.permitsIssued) permits.add([bucketLabel(b.at, s.bucket), b.n]);
      const dossiers = book.sheet('Hồ sơ xử lý', [
        { header: s.dossiers.level === 'ward' ? 'Phường/xã' : 'Quận/huyện', width: 28 },
        { header: 'Đã xử lý', width: 12 },
        { header: 'Đúng hạn', width: 12 },
        { header: 'Quá hạn', width: 12 },
        { header: 'Tỉ lệ đúng hạn (%)', width: 18 },
      ]);
      for (const r of s.dossiers.rows) {
        dossiers.add([
          r.name,
          r.handled,
          r.onTime,
          r.late,
          r.handled ? Math.round((r.onTime * 1000) / r.handled) / 10 : null,
        ]);
      }
    });
  },
});

export const statsSeriesRoutes = [statsSeriesRoute, statsSeriesExportRoute];
