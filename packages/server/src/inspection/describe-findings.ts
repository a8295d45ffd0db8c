import type { Finding } from '@thonghanh/contract';
import type { Executor } from '../db/schema.js';
import { vnDate, vnDateTime } from '../notifications/vn-time.js';
import { formatDays } from '../pdf/permit-print-data.js';
import { parseSchedule } from '../permits/permit-claims.js';
import { lastValidDate } from '../permits/permit-presenter.js';
import { DISTANCE_SLACK_KM, PLAUSIBLE_SPEED_KMH } from './anomaly-kinds.js';
import type { LightFinding } from './find-anomalies.js';

/** A finding as the API, the exports and the inspection cases present it (the contract's findingSchema). */
export type { Finding };

const num = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });
const dt = (iso: string) => vnDateTime(iso);

function duration(seconds: number): string {
  if (seconds < 90) return `${Math.round(seconds)} giây`;
  const m = Math.round(seconds / 60);
  return m < 90 ? `${m} phút` : `${num.format(seconds / 3600)} giờ`;
}

interface Loaded {
  scans: Map<
    string,
    {
      id: string;
      scanned_at: string;
      verdict: string;
      checkpoint_id: string;
      checkpoint_name: string;
      checkpoint_ward: string;
      cti: string | null;
      serial: string | null;
      id_number: string | null;
      unit_tax_code: string | null;
    }
  >;
  permitsByCti: Map<string, PermitInfo>;
  permitsById: Map<string, PermitInfo>;
  units: Map<string, UnitInfo>;
  unitsByTax: Map<string, UnitInfo>;
}
interface PermitInfo {
  id: string;
  cti: string;
  serial: string;
  holder: string;
  id_type: string;
  id_number: string;
  status: string;
  revoked_at: string | null;
  revoked_reason: string | null;
  valid_to: string;
  route_from: string;
  route_to: string;
  schedule: string | null;
  business_id: string;
}
interface UnitInfo {
  id: string;
  name: string;
  tax_code: string;
  ward_code: string;
}

const CHUNK = 500;
async function inChunks<T>(values: string[], load: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < values.length; i += CHUNK) out.push(...(await load(values.slice(i, i + CHUNK))));
  return out;
}

async function load(db: Executor, findings: LightFinding[]): Promise<Loaded> {
  const scanIds = new Set<string>();
  const permitIds = new Set<string>();
  const unitIds = new Set<string>();
  for (const f of findings) {
    if ('scanId' in f) scanIds.add(f.scanId);
    if (f.kind === 'copy_suspected') for (const id of f.scanIds) scanIds.add(id);
    if (f.kind === 'never_scanned') for (const id of f.permitIds) permitIds.add(id);
    if ('businessId' in f) unitIds.add(f.businessId);
  }
  const scans = await inChunks([...scanIds], (ids) =>
    db
      .selectFrom('scans as s')
      .innerJoin('checkpoints as c', 'c.id', 's.checkpoint_id')
      .innerJoin('admin_units as w', 'w.code', 'c.ward_code')
      .select([
        's.id',
        's.scanned_at',
        's.verdict',
        's.checkpoint_id',
        'c.name as checkpoint_name',
        'w.name as checkpoint_ward',
        's.cti',
        's.serial',
        's.id_number',
        's.unit_tax_code',
      ])
      .where('s.id', 'in', ids)
      .execute(),
  );
  const permitColumns = [
    'id',
    'cti',
    'serial',
    'holder',
    'id_type',
    'id_number',
    'status',
    'revoked_at',
    'revoked_reason',
    'valid_to',
    'route_from',
    'route_to',
    'schedule',
    'business_id',
  ] as const;
  const ctis = [...new Set(scans.map((s) => s.cti).filter((c): c is string => !!c))];
  const byCti = await inChunks(ctis, (chunk) =>
    db.selectFrom('permits').select(permitColumns).where('cti', 'in', chunk).execute(),
  );
  const byId = await inChunks([...permitIds], (chunk) =>
    db.selectFrom('permits').select(permitColumns).where('id', 'in', chunk).execute(),
  );
  for (const p of byCti) unitIds.add(p.business_id);
  const taxCodes = [...new Set(scans.map((s) => s.unit_tax_code).filter((c): c is string => !!c))];
  const unitColumns = ['id', 'name', 'tax_code', 'ward_code'] as const;
  const units = [
    ...(await inChunks([...unitIds], (chunk) =>
      db.selectFrom('businesses').select(unitColumns).where('id', 'in', chunk).execute(),
    )),
    ...(await inChunks(taxCodes, (chunk) =>
      db.selectFrom('businesses').select(unitColumns).where('tax_code', 'in', chunk).execute(),
    )),
  ];
  return {
    scans: new Map(scans.map((s) => [s.id, s])),
    permitsByCti: new Map(byCti.map((p) => [p.cti, p])),
    permitsById: new Map(byId.map((p) => [p.id, p])),
    units: new Map(units.map((u) => [u.id, u])),
    unitsByTax: new Map(units.map((u) => [u.tax_code, u])),
  };
}

const permitOf = (p: PermitInfo | undefined) =>
  p ? { id: p.id, serial: p.serial, holder: p.holder, status: p.status } : null;
const unitOf = (u: UnitInfo | undefined) =>
  u ? { id: u.id, name: u.name, taxCode: u.tax_code, wardCode: u.ward_code } : null;

/** "giấy đi đường số 0004/GĐĐ của Nguyễn Văn A" or what the scan itself recorded. */
function whose(p: PermitInfo | undefined, serial: string | null): string {
  if (p) return `giấy đi đường số ${p.serial} của ${p.holder}`;
  return serial ? `giấy đi đường ghi số ${serial}` : 'một giấy đi đường';
}

/** The earlier of two ISO instants. */
const earlier = (a: string, b: string) => [a, b].sort()[0] as string;

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Describes a page of findings: the rows they rest on and a Vietnamese explanation each. */
export async function describeFindings(db: Executor, findings: LightFinding[]): Promise<Finding[]> {
  const d = await load(db, findings);
  return findings.map((f) => describeOne(f, d));
}

function describeOne(f: LightFinding, d: Loaded): Finding {
  const base = {
    key: f.key,
    kind: f.kind,
    at: f.at,
    unit: null,
    permit: null,
    person: null,
    checkpoints: [],
    scans: [],
    permits: [],
    count: null,
    total: null,
  } satisfies Omit<Finding, 'explanation'>;
  if (f.kind === 'never_scanned' || f.kind === 'unit_high_failure') {
    const u = d.units.get(f.businessId);
    const name = u ? `${u.name} (MST ${u.tax_code})` : 'Đơn vị';
    const [from, to] = periodOfKey(f.key);
    if (f.kind === 'never_scanned') {
      const permits = f.permitIds
        .map((id) => d.permitsById.get(id))
        .filter((p): p is PermitInfo => !!p)
        .map((p) => ({ id: p.id, serial: p.serial, holder: p.holder }));
      return {
        ...base,
        unit: unitOf(u),
        permits,
        count: f.permitIds.length,
        explanation:
          `${name} có ${f.permitIds.length} giấy đi đường còn hiệu lực nhưng không được xuất trình tại chốt kiểm soát nào ` +
          `từ ${dt(from)} đến ${dt(earlier(to, f.at))}. Cần kiểm tra người lao động có thực sự đi làm, ` +
          'hoặc đơn vị cấp giấy nhiều hơn cần thiết.',
      };
    }
    const threshold = Number(f.key.split(':').at(-1));
    return {
      ...base,
      unit: unitOf(u),
      count: f.failed,
      total: f.total,
      explanation:
        `Tại các chốt kiểm soát của địa bàn, ${f.failed} trong ${f.total} lượt quét giấy của ${name} không hợp lệ ` +
        `(${num.format((f.failed * 100) / f.total)} %), vượt ngưỡng ${num.format(threshold)} % ` +
        `từ ${dt(from)} đến ${dt(earlier(to, f.at))}.`,
    };
  }
  const ids = f.kind === 'copy_suspected' ? f.scanIds : [f.scanId];
  const scans = ids.map((id) => d.scans.get(id)).filter((s) => s !== undefined);
  const first = scans[0];
  const permit = first?.cti ? d.permitsByCti.get(first.cti) : undefined;
  const unit = permit
    ? d.units.get(permit.business_id)
    : first?.unit_tax_code
      ? d.unitsByTax.get(first.unit_tax_code)
      : undefined;
  const common = {
    ...base,
    unit: unitOf(unit),
    permit: permitOf(permit),
    person: permit
      ? { name: permit.holder, idNumber: permit.id_number }
      : first?.id_number
        ? { name: null, idNumber: first.id_number }
        : null,
    checkpoints: [
      ...new Map(scans.map((s) => [s.checkpoint_id, { id: s.checkpoint_id, name: s.checkpoint_name }])).values(),
    ],
    scans: scans.map((s) => ({ id: s.id, at: s.scanned_at, checkpointId: s.checkpoint_id, verdict: s.verdict })),
  };
  if (!first) return { ...common, explanation: 'Lượt quét không còn trong nhật ký.' };
  const where = `${first.checkpoint_name} lúc ${dt(first.scanned_at)}`;
  const what = whose(permit, first.serial);
  let explanation: string;
  switch (f.kind) {
    case 'revoked_presented': {
      const revoked = permit?.revoked_at
        ? ` đã bị thu hồi lúc ${dt(permit.revoked_at)}${permit.revoked_reason ? ` (lý do: ${permit.revoked_reason})` : ''}`
        : ' đã bị thu hồi';
      explanation = f.stale
        ? `${capital(what)}${revoked} nhưng được quét tại ${where} và thiết bị tại chốt báo HỢP LỆ vì danh sách thu hồi trên thiết bị đã cũ. ` +
          'Cần kiểm tra lại người này và cập nhật danh sách cho thiết bị.'
        : `${capital(what)}${revoked} nhưng vẫn được xuất trình tại ${where}; chốt đã báo ĐÃ BỊ THU HỒI.`;
      break;
    }
    case 'expired_presented':
      explanation = permit
        ? `${capital(what)} chỉ có giá trị đến hết ngày ${vnDate(lastValidDate(permit.valid_to))} nhưng vẫn được xuất trình tại ${where}.`
        : `${capital(what)} đã hết hạn nhưng vẫn được xuất trình tại ${where}.`;
      break;
    case 'forged': {
      const claimed = [
        first.serial ? `số giấy ${first.serial}` : null,
        first.id_number ? `giấy tờ ${first.id_number}` : null,
        first.unit_tax_code ? `MST đơn vị ${first.unit_tax_code}` : null,
      ].filter(Boolean);
      const said = claimed.length > 0 ? ` Mã ghi ${claimed.join(', ')}.` : '';
      explanation =
        first.verdict === 'bad_signature'
          ? `Mã QR xuất trình tại ${where} có chữ ký số không khớp (GIẢ MẠO): nội dung đã bị sửa hoặc giấy giả.${said}`
          : `Mã QR xuất trình tại ${where} không do UBND phường nào trong danh sách tin cậy cấp (KHÔNG RÕ NƠI CẤP): có thể là giả mạo.${said}`;
      break;
    }
    case 'off_route':
      explanation =
        `${capital(what)} được quét tại ${first.checkpoint_name} (${first.checkpoint_ward}) lúc ${dt(first.scanned_at)}, ` +
        `không nằm trên lộ trình đã đăng ký${permit ? ` (${permit.route_from} → ${permit.route_to})` : ''}.`;
      break;
    case 'off_schedule': {
      const s = parseSchedule(permit?.schedule ?? null);
      explanation =
        `${capital(what)} được quét tại ${where}, ngoài thời gian làm việc đã đăng ký` +
        `${s ? ` (${formatDays(s.days)}, ${s.start}–${s.end})` : ''}.`;
      break;
    }
    case 'identity_mismatch':
      explanation =
        `Giấy tờ tùy thân xuất trình cùng ${what} tại ${where} không khớp với người được cấp giấy` +
        `${permit ? ` (${permit.holder}, ${permit.id_type === 'PASSPORT' ? 'hộ chiếu' : permit.id_type} ${permit.id_number})` : ''}.`;
      break;
    case 'copy_suspected': {
      const second = scans[1];
      const speed = f.seconds > 0 ? (f.distanceKm * 3600) / f.seconds : Number.POSITIVE_INFINITY;
      explanation =
        `${capital(what)} được quét tại ${where} và tại ${second?.checkpoint_name ?? 'một chốt khác'} lúc ${second ? dt(second.scanned_at) : '?'}: ` +
        `hai chốt cách nhau ${num.format(f.distanceKm)} km mà hai lượt quét chỉ cách nhau ${duration(f.seconds)}` +
        `${Number.isFinite(speed) ? ` (phải đi ${num.format(Math.round(speed))} km/giờ mới kịp)` : ''}. ` +
        `Nghi giấy bị sao chụp và dùng cho hai người (ngưỡng: ${PLAUSIBLE_SPEED_KMH} km/giờ, sai số ${DISTANCE_SLACK_KM} km).`;
      break;
    }
  }
  return { ...common, explanation };
}

/** The period written in a never_scanned / unit_high_failure key. */
export function periodOfKey(key: string): [string, string] {
  const parts = key.split(':');
  // kind:businessId:from:to[:threshold] where from/to are ISO instants containing ':'.
  const rest = parts.slice(2).join(':');
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z):(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)/.exec(rest);
  return m ? [m[1] as string, m[2] as string] : ['', ''];
}
