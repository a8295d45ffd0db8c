import {
  type AreaList,
  idParams,
  listScansQuery,
  scanBatchBody,
  scanBatchResponse,
  scanFilterQuery,
  scanPageSchema,
  scanVerdictLabel,
} from '@thonghanh/contract';
import { WARNING_TEXT } from '@thonghanh/core';
import { audit } from '../audit/append-audit.js';
import { type AuthUser, authorize, authorizeById, can } from '../authz/index.js';
import { findCheckpoint } from '../checkpoints/checkpoint-query.js';
import type { Executor } from '../db/schema.js';
import { notFound } from '../errors.js';
import { defineRoute } from '../http/route.js';
import { resolveArea } from '../inspection/inspection-area.js';
import { userAreaFilter, wardArea } from '../jurisdictions/ward-area.js';
import { sendCacheableJson, strongEtag } from '../lists/send-cacheable-json.js';
import { vnDateTime } from '../notifications/vn-time.js';
import { permitResource } from '../permits/permit-presenter.js';
import { findPermit } from '../permits/permit-query.js';
import { streamXlsx } from '../xlsx/stream-xlsx.js';
import { buildAreaUnits } from './area-list.js';
import { checkScan } from './check-scan.js';
import { listScans, type ScanFilter, type ScanListRow, scanPages } from './scan-query.js';
import { storeScans } from './store-scans.js';

const TAGS = ['scans'];

const checkpointAreaOf = (c: {
  owner_ward_code: string;
  owner_district_code: string | null;
  owner_province_code: string;
}) => ({
  wardCode: c.owner_ward_code,
  districtCode: c.owner_district_code,
  provinceCode: c.owner_province_code,
});

async function loadCheckpointFor(db: Executor, user: AuthUser, id: string, type: string, action: 'read' | 'create') {
  const c = await findCheckpoint(db, id);
  if (!c) throw notFound('Không tìm thấy chốt kiểm soát.');
  authorizeById(user, action, { type, ...checkpointAreaOf(c) }, 'chốt kiểm soát');
  return c;
}

export const areaListRoute = defineRoute({
  method: 'GET',
  path: '/api/v1/checkpoints/:id/area-list',
  summary:
    'Danh sách đơn vị của địa bàn chốt: các doanh nghiệp được phường phê duyệt, người lao động và số giấy còn hiệu lực',
  description:
    'Để tra cứu khi không có mạng. Có số giấy tờ tùy thân (dữ liệu cá nhân): chỉ cán bộ của phường quản lý chốt. `version` đổi khi nội dung đổi; ETag, If-None-Match → 304.',
  tags: TAGS,
  access: {
    roles: ['ward_admin', 'ward_officer', 'health_officer', 'checkpoint_officer'],
    scope: 'cán bộ của phường quản lý chốt',
  },
  params: idParams,
  produces: 'application/json',
  handler: async ({ db, user, params, now, req, reply }) => {
    const c = await loadCheckpointFor(db, user, params.id, 'area_list', 'read');
    const units = await buildAreaUnits(db, c.owner_ward_code, now);
    const version = strongEtag(JSON.stringify(units)).slice(1, -1);
    return sendCacheableJson(
      req,
      reply,
      { version, generatedAt: now.toISOString(), wardCode: c.owner_ward_code, units } satisfies AreaList,
      { cacheControl: 'no-store', etag: version },
    );
  },
});

export const scanBatchRoute = defineRoute({
  method: 'POST',
  path: '/api/v1/scans/batch',
  summary: 'Đồng bộ nhật ký quét từ thiết bị tại chốt: mỗi lượt quét được lưu đúng một lần dù gửi lại bao nhiêu lần',
  description:
    'Trả lời cho từng lượt quét, theo thứ tự gửi: `stored` (vừa lưu), `duplicate` (đã có từ lần gửi trước), `refused` (bị từ chối, kèm `code` và `message`; gửi lại cũng bị từ chối). Một lượt quét sai không làm hỏng các lượt khác. Chỉ khi phong bì sai (thiếu `checkpointId`, `scans` không phải mảng, quá 1.000 lượt) mới trả 400 cho cả yêu cầu.',
  tags: TAGS,
  access: { roles: ['checkpoint_officer'], scope: 'chốt của phường mình' },
  body: scanBatchBody,
  response: scanBatchResponse,
  // A bad scan is refused on its own, not the whole batch (the device cannot fix a recorded scan).
  bodyCheckedPerItem: true,
  handler: async ({ db, user, body, actor, now }) => {
    const c = await loadCheckpointFor(db, user, body.checkpointId, 'scan', 'create');
    const checks = body.scans.map((raw) => checkScan(raw, now));
    const good = checks.flatMap((x) => (x.ok ? [x.scan] : []));
    const refused = checks.length - good.length;
    if (checks.length === 0) return { stored: 0, duplicates: 0, refused: 0, results: [] };
    const { stored, duplicates, statuses } = await storeScans(db, c, good, actor, now, refused);
    let next = 0;
    const results = checks.map((x) =>
      x.ok
        ? { id: x.scan.id, status: statuses[next++] as 'stored' | 'duplicate' }
        : {
            id: x.id,
            status: 'refused' as const,
            code: x.code,
            ...(x.field ? { field: x.field } : {}),
            message: x.message,
          },
    );
    return { stored, duplicates, refused, results };
  },
});

const presentScan = (s: ScanListRow) => ({
  id: s.id,
  checkpointId: s.checkpoint_id,
  checkpointName: s.checkpoint_name,
  wardCode: s.ward_code,
  officerId: s.officer_id,
  scannedAt: s.scanned_at,
  receivedAt: s.received_at,
  verdict: s.verdict,
  warnings: JSON.parse(s.warnings) as string[],
  kind: s.kind,
  cti: s.cti,
  serial: s.serial,
  idNumber: s.id_number,
  unitTaxCode: s.unit_tax_code,
  permit:
    s.permit_id && s.permit_holder && s.permit_business_id
      ? { id: s.permit_id, holder: s.permit_holder, businessId: s.permit_business_id }
      : null,
});

/** The filter of a scan log request, inside the user's area (403 / 404 as everywhere). */
async function scanFilterOf(
  db: Executor,
  user: AuthUser,
  query: {
    ward?: string | undefined;
    checkpointId?: string | undefined;
    from?: string | undefined;
    to?: string | undefined;
    verdict?: string | undefined;
    kind?: string | undefined;
    permit?: string | undefined;
    idNumber?: string | undefined;
    unit?: string | undefined;
  },
): Promise<ScanFilter> {
  const area = userAreaFilter(user);
  const filter: ScanFilter = { ...area };
  if (area.provinceCode) filter.districtCodes = (await resolveArea(db, area)).districtCodes ?? [];
  if (query.ward) {
    authorize(user, 'read', { type: 'scan', ...(await wardArea(db, query.ward, 'query.ward')) });
    filter.wardCode = query.ward;
  }
  if (query.checkpointId) {
    await loadCheckpointFor(db, user, query.checkpointId, 'scan', 'read');
    filter.checkpointId = query.checkpointId;
  }
  if (query.verdict) filter.verdict = query.verdict;
  if (query.kind) filter.kind = query.kind;
  if (query.from) filter.from = new Date(query.from).toISOString();
  if (query.to) filter.to = new Date(query.to).toISOString();
  if (query.idNumber) filter.idNumber = query.idNumber;
  if (query.unit) filter.unitTaxCode = query.unit;
  if (query.permit) {
    const p = await findPermit(db, query.permit);
    if (p && can(user, 'read', permitResource(p))) filter.cti = p.cti;
    else {
      filter.cti = query.permit;
      filter.serial = query.permit;
    }
  }
  return filter;
}

export const listScansRoute = defineRoute({
  method: 'GET',
  path: '/api/v1/scans',
  summary: 'Nhật ký quét tại các chốt (mới nhất trước): lọc theo thời gian, chốt, kết quả, giấy đi đường',
  tags: TAGS,
  access: {
    roles: ['ward_admin', 'ward_officer', 'health_officer', 'checkpoint_officer', 'supervisor'],
    scope: 'cán bộ phường: chốt của phường mình; giám sát: trong địa bàn',
  },
  query: listScansQuery,
  response: scanPageSchema,
  handler: async ({ db, user, query }) => {
    const filter = await scanFilterOf(db, user, query);
    const { items, total } = await listScans(db, filter, {
      limit: query.pageSize,
      offset: (query.page - 1) * query.pageSize,
    });
    return { items: items.map(presentScan), total, page: query.page, pageSize: query.pageSize };
  },
});

const EXPORT_COLUMNS = [
  { header: 'Thời điểm quét', width: 18 },
  { header: 'Chốt kiểm soát', width: 34 },
  { header: 'Kết quả', width: 22 },
  { header: 'Cảnh báo', width: 40 },
  { header: 'Loại mã', width: 12 },
  { header: 'Số giấy', width: 14 },
  { header: 'Người được cấp', width: 26 },
  { header: 'Số giấy tờ', width: 16 },
  { header: 'MST đơn vị', width: 14 },
  { header: 'Thời điểm đồng bộ', width: 18 },
  { header: 'Mã lượt quét', width: 38 },
];

export const exportScansRoute = defineRoute({
  method: 'GET',
  path: '/api/v1/scans/export',
  summary: 'Tải nhật ký quét về dạng Excel (.xlsx), cùng bộ lọc với danh sách',
  description: 'Gửi dần trong lúc tạo (không giới hạn số dòng); ghi nhật ký hệ thống vì có dữ liệu cá nhân.',
  tags: TAGS,
  access: {
    roles: ['ward_admin', 'ward_officer', 'health_officer', 'checkpoint_officer', 'supervisor'],
    scope: 'cán bộ phường: chốt của phường mình; giám sát: trong địa bàn',
  },
  query: scanFilterQuery,
  produces: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  transaction: false,
  handler: async ({ db, user, query, actor, now, reply }) => {
    const filter = await scanFilterOf(db, user, query);
    await db
      .transaction()
      .execute((tx) =>
        audit(
          tx,
          actor,
          'scan_log.exported',
          { type: 'scan', id: null, wardCode: filter.wardCode ?? null },
          { ...query },
          now,
        ),
      );
    return streamXlsx(reply, `nhat-ky-quet-${now.toISOString().slice(0, 10)}.xlsx`, async (book) => {
      const sheet = book.sheet('Nhật ký quét', EXPORT_COLUMNS);
      for await (const rows of scanPages(db, filter)) {
        for (const s of rows) {
          sheet.add([
            vnDateTime(s.scanned_at),
            s.checkpoint_name,
            scanVerdictLabel(s.verdict),
            (JSON.parse(s.warnings) as string[])
              .map((w) => (WARNING_TEXT as Record<string, string>)[w] ?? w)
              .join('; ') || null,
            s.kind,
            s.serial,
            s.permit_holder,
            s.id_number,
            s.unit_tax_code,
            vnDateTime(s.received_at),
            s.id,
          ]);
        }
        await sheet.flush();
      }
    });
  },
});

export const scanRoutes = [areaListRoute, scanBatchRoute, listScansRoute, exportScansRoute];
