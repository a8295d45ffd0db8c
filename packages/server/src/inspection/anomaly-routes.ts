import {
  ANOMALY_KINDS,
  type AnomalyFilter,
  anomalyFilterQuery,
  findingsPageSchema,
  listAnomaliesQuery,
} from '@thonghanh/contract';
import { audit } from '../audit/append-audit.js';
import { defineRoute } from '../http/route.js';
import { vnDateTime } from '../notifications/vn-time.js';
import { streamXlsx } from '../xlsx/stream-xlsx.js';
import { ANOMALY_LABELS, type AnomalyKind } from './anomaly-kinds.js';
import { describeFindings } from './describe-findings.js';
import { countByKind, findAnomalies } from './find-anomalies.js';
import { areaOfRequest, resolveArea } from './inspection-area.js';
import { resolvePeriod } from './period.js';

const TAGS = ['inspection'];
const READ = {
  roles: ['ward_admin', 'ward_officer', 'health_officer', 'supervisor'],
  scope: 'cán bộ phường: phường mình; giám sát: trong địa bàn (?ward= hoặc ?district= để thu hẹp)',
} as const;

async function findingsOf(
  ctx: { db: Parameters<typeof findAnomalies>[0]; user: Parameters<typeof areaOfRequest>[1]; now: Date },
  query: AnomalyFilter,
) {
  const area = await areaOfRequest(ctx.db, ctx.user, query, 'inspection');
  const period = resolvePeriod(query, ctx.now);
  const all = await findAnomalies(ctx.db, {
    area: await resolveArea(ctx.db, area),
    ...period,
    now: ctx.now,
    threshold: query.threshold,
  });
  const kinds = query.kind ? new Set<AnomalyKind>(query.kind) : null;
  return { area, period, all, selected: kinds ? all.filter((f) => kinds.has(f.kind)) : all };
}

export const listAnomaliesRoute = defineRoute({
  method: 'GET',
  path: '/api/v1/inspection/anomalies',
  summary: 'Hậu kiểm: các phát hiện bất thường từ nhật ký quét trong một khoảng thời gian',
  description:
    'Loại: revoked_presented, expired_presented, forged (chữ ký sai hoặc không rõ nơi cấp; không tính cannot_verify), ' +
    'off_route, off_schedule, copy_suspected (một giấy ở hai chốt quá xa so với thời gian giữa hai lượt quét), ' +
    'identity_mismatch, never_scanned (theo đơn vị), unit_high_failure (đơn vị có tỉ lệ quét không hợp lệ vượt ngưỡng). ' +
    'Mới nhất trước; `counts` đếm mọi loại trước khi lọc theo `kind`. Tối đa 92 ngày mỗi lần.',
  tags: TAGS,
  access: READ,
  query: listAnomaliesQuery,
  response: findingsPageSchema,
  handler: async ({ db, user, query, now }) => {
    const { area, period, all, selected } = await findingsOf({ db, user, now }, query);
    const start = (query.page - 1) * query.pageSize;
    return {
      area: {
        wardCode: area.wardCode ?? null,
        districtCode: area.districtCode ?? null,
        provinceCode: area.provinceCode ?? null,
      },
      ...period,
      counts: countByKind(all, ANOMALY_KINDS),
      items: await describeFindings(db, selected.slice(start, start + query.pageSize)),
      total: selected.length,
      page: query.page,
      pageSize: query.pageSize,
    };
  },
});

const EXPORT_COLUMNS = [
  { header: 'Loại phát hiện', width: 30 },
  { header: 'Thời điểm', width: 18 },
  { header: 'Giải thích', width: 90 },
  { header: 'Đơn vị', width: 36 },
  { header: 'MST', width: 14 },
  { header: 'Số giấy', width: 14 },
  { header: 'Người', width: 26 },
  { header: 'Số giấy tờ', width: 16 },
  { header: 'Chốt kiểm soát', width: 36 },
  { header: 'Số lượng', width: 10 },
  { header: 'Tổng số lượt quét', width: 10 },
  { header: 'Mã phát hiện', width: 40 },
];

export const exportAnomaliesRoute = defineRoute({
  method: 'GET',
  path: '/api/v1/inspection/anomalies/export',
  summary: 'Hậu kiểm: tải các phát hiện về dạng Excel (.xlsx)',
  description: 'Cùng bộ lọc với danh sách, không phân trang; ghi nhật ký hệ thống (có dữ liệu cá nhân).',
  tags: TAGS,
  access: READ,
  query: anomalyFilterQuery,
  produces: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  transaction: false,
  handler: async ({ db, user, query, now, actor, reply }) => {
    const { area, period, selected } = await findingsOf({ db, user, now }, query);
    await db
      .transaction()
      .execute((tx) =>
        audit(
          tx,
          actor,
          'inspection_findings.exported',
          { type: 'inspection', id: null, wardCode: area.wardCode ?? null },
          { ...area, ...period, kinds: query.kind ?? 'all', count: selected.length },
          now,
        ),
      );
    const name = `hau-kiem-${period.from.slice(0, 10)}-${period.to.slice(0, 10)}.xlsx`;
    return streamXlsx(reply, name, async (book) => {
      const sheet = book.sheet('Phát hiện', EXPORT_COLUMNS);
      for (let i = 0; i < selected.length; i += 500) {
        for (const f of await describeFindings(db, selected.slice(i, i + 500))) {
          sheet.add([
            ANOMALY_LABELS[f.kind],
            vnDateTime(f.at),
            f.explanation,
            f.unit?.name ?? null,
            f.unit?.taxCode ?? null,
            f.permit?.serial ?? null,
            f.person?.name ?? null,
            f.person?.idNumber ?? null,
            f.checkpoints.map((c) => c.name).join('; ') || null,
            f.count,
            f.total,
            f.key,
          ]);
        }
        await sheet.flush();
      }
    });
  },
});

export const anomalyRoutes = [listAnomaliesRoute, exportAnomaliesRoute];
