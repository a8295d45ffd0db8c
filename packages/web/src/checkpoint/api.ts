import {
  areaListSchema,
  checkpointSchema,
  SCAN_FIELD_LIMITS,
  type ScanKind,
  type ScanVerdict,
  type ScanWarning,
  scanBatchResponse,
  scanResultSchema,
  sessionSchema,
  userSchema,
} from '@thonghanh/contract';
import { z } from 'zod';

/**
 * Everything the checkpoint app asks of the server, in one place. The shapes are the API
 * contract's (packages/contract), narrowed to the fields the app reads: every answer is
 * parsed with them, so a server change that drops or renames one of those fields fails the
 * typecheck here, and an answer that does not fit is refused (retryable) instead of being
 * stored as a broken list on the device. Tests and the demo use a fake of the same shapes.
 */

/** The signed-in officer: the contract's user, the fields the app reads. */
const userShape = userSchema.pick({ id: true, username: true, fullName: true, wardCode: true }).extend({
  role: z.string(),
  /** A given password not yet changed: the server refuses everything else until it is (back office). */
  mustChangePassword: userSchema.shape.mustChangePassword.optional(),
});
const meShape = z.object({ user: userShape, csrfToken: sessionSchema.shape.csrfToken });
/** `wardCode`: GSO ward code of where the checkpoint stands (the route check's `checkpointWard`). */
const checkpointShape = checkpointSchema
  .pick({ id: true, name: true, wardCode: true, place: true })
  .extend({ wardName: checkpointSchema.shape.wardName.optional(), active: checkpointSchema.shape.active.optional() });
const checkpointsShape = z.object({ items: z.array(checkpointShape) });
/** The units of the checkpoint's area with their approved staff lists, synced for offline use. */
const areaListShape = areaListSchema.pick({ version: true, units: true });
const batchShape = scanBatchResponse.pick({ stored: true, duplicates: true }).extend({
  refused: scanBatchResponse.shape.refused.optional(),
  /** One per scan (servers before per-scan answers sent only the counts). */
  results: z.array(scanResultSchema.pick({ id: true, status: true, code: true, message: true })).optional(),
});

export type User = z.infer<typeof userShape>;
export type Me = z.infer<typeof meShape>;
export type Checkpoint = z.infer<typeof checkpointShape>;
export type AreaList = z.infer<typeof areaListShape>;
export type AreaUnit = AreaList['units'][number];
export type AreaStaff = AreaUnit['staff'][number];

/** The area list with the ETag it came with (sent back as If-None-Match). */
export interface AreaListAnswer {
  list: AreaList | null;
  etag: string | null;
  /** 304: the copy on the device is current. */
  notModified: boolean;
}

/**
 * What a scan record says happened:
 * - `permit` / `unit`: a QR verified on the device (verdict is the spec's verdict);
 * - `manual`: a typed serial or document number looked up in the area list, or a person
 *   checked against a unit's list (verdict `manual_found` / `manual_not_found`: nothing was
 *   verified cryptographically);
 * - `other`: a code that is not a permit QR (verdict `not_permit_qr` or `malformed`).
 *
 * `cannot_verify`: the device had no usable list for this code (no trust list, or too old to
 * know its key; or no revocation list for a genuine signature). Not a verdict on the permit:
 * the server counts it apart from the invalid ones.
 */
export type { ScanKind, ScanVerdict, ScanWarning };

export interface ScanRecord {
  /** UUID made on the device: the idempotency key. */
  id: string;
  /** ISO 8601 time of the scan on the device. */
  scannedAt: string;
  verdict: ScanVerdict;
  warnings: ScanWarning[];
  kind: ScanKind;
  /** base64url of the credential id, when the code could be read. */
  cti?: string;
  serial?: string;
  idNumber?: string;
  unitTaxCode?: string;
}

/** Field limits of the batch endpoint: a record outside them would be refused. */
export const SCAN_LIMITS = SCAN_FIELD_LIMITS;

const CONTROL = /[\u0000-\u001f\u007f]/;

/** No control character and no lone surrogate: the server refuses a scan holding one. */
function plainText(v: string): boolean {
  if (CONTROL.test(v)) return false;
  try {
    encodeURIComponent(v); // throws on a lone surrogate
    return true;
  } catch {
    return false;
  }
}

/**
 * A record trimmed to what the server accepts: text typed by an officer can be anything, and
 * the server refuses a record with a field too long or a control character in it (a field
 * that does not fit is left out, so the scan itself is still logged).
 */
export function fitScanRecord(r: ScanRecord): ScanRecord {
  const out: ScanRecord = {
    id: r.id,
    scannedAt: r.scannedAt,
    verdict: r.verdict,
    warnings: r.warnings.slice(0, SCAN_LIMITS.warnings),
    kind: r.kind,
  };
  if (r.cti && /^[A-Za-z0-9_-]{22}$/.test(r.cti)) out.cti = r.cti;
  for (const key of ['serial', 'idNumber', 'unitTaxCode'] as const) {
    const v = r[key]?.trim();
    if (v && [...v].length <= SCAN_LIMITS[key] && plainText(v)) out[key] = v;
  }
  return out;
}

/** The server's answer for one scan of a batch, in the order sent (`code`, `message` for `refused`). */
export type ScanResult = NonNullable<BatchResult['results']>[number];
export type BatchResult = z.infer<typeof batchShape>;

/** A failed request: `retryable` when trying again later may succeed (network, 5xx, 429). */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    message: string,
    readonly status: number | null,
    readonly retryable: boolean,
  ) {
    super(message);
  }
  /** The session is missing or over: the officer must sign in again. */
  get needsLogin(): boolean {
    return this.status === 401;
  }
}

export interface CheckpointApi {
  login(username: string, password: string): Promise<Me>;
  /** The signed-in officer, or null when there is no session. */
  me(): Promise<Me | null>;
  checkpoints(): Promise<Checkpoint[]>;
  areaList(checkpointId: string, etag?: string | null): Promise<AreaListAnswer>;
  postScans(checkpointId: string, scans: ScanRecord[], csrfToken: string): Promise<BatchResult>;
}

const RETRYABLE = new Set([408, 425, 429, 500, 502, 503, 504]);

/** The server's JSON API at `base` (the deployment's ORIGIN; '' for the page's own). */
export function httpApi(base = ''): CheckpointApi {
  async function send(path: string, init: RequestInit = {}): Promise<Response> {
    let res: Response;
    try {
      res = await fetch(`${base}${path}`, {
        ...init,
        credentials: 'same-origin',
        cache: 'no-store',
        headers: {
          accept: 'application/json',
          ...(init.body ? { 'content-type': 'application/json' } : {}),
          ...init.headers,
        },
      });
    } catch {
      throw new ApiError('Không có kết nối mạng', null, true);
    }
    if (!res.ok && res.status !== 304) {
      let message = `Máy chủ trả lỗi ${res.status}`;
      try {
        const body = (await res.json()) as { message?: unknown; error?: unknown };
        // The server's errors are `{ error: { code, message } }`; the fake's `{ message }`.
        const nested = typeof body.error === 'object' && body.error !== null ? body.error : null;
        const m = body.message ?? (nested as { message?: unknown } | null)?.message ?? body.error;
        if (typeof m === 'string' && m) message = m;
      } catch {
        // not JSON: keep the status
      }
      throw new ApiError(message, res.status, RETRYABLE.has(res.status));
    }
    return res;
  }
  /** The answer parsed with its contract schema: one that does not fit is refused, retryable. */
  function read<S extends z.ZodType>(shape: S, body: unknown, status: number): z.output<S> {
    const parsed = shape.safeParse(body);
    if (!parsed.success) throw new ApiError('Máy chủ trả dữ liệu không đúng định dạng', status, true);
    return parsed.data;
  }
  async function call<S extends z.ZodType>(shape: S, path: string, init: RequestInit = {}): Promise<z.output<S>> {
    const res = await send(path, init);
    let body: unknown;
    try {
      body = await res.json();
    } catch {
      throw new ApiError('Máy chủ trả dữ liệu không đọc được', res.status, true);
    }
    return read(shape, body, res.status);
  }
  return {
    async login(username, password) {
      let answer: Partial<Me> | null = null;
      try {
        answer = await call(meShape.partial(), '/api/v1/auth/login', {
          method: 'POST',
          body: JSON.stringify({ username, password }),
        });
      } catch (e) {
        if (e instanceof ApiError && (e.status === 401 || e.status === 400)) {
          throw new ApiError('Sai tên đăng nhập hoặc mật khẩu', e.status, false);
        }
        throw e;
      }
      if (answer?.user?.mustChangePassword) {
        throw new ApiError(
          'Tài khoản còn dùng mật khẩu được cấp: hãy đổi mật khẩu ở trang quản lý của hệ thống (cùng địa chỉ, bỏ "/checkpoint"), rồi đăng nhập lại tại đây.',
          403,
          false,
        );
      }
      if (answer?.user && typeof answer.csrfToken === 'string')
        return { user: answer.user, csrfToken: answer.csrfToken };
      const me = await this.me();
      if (!me) throw new ApiError('Đăng nhập không thành công', 401, false);
      return me;
    },
    async me() {
      try {
        return await call(meShape, '/api/v1/auth/me');
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) return null;
        throw e;
      }
    },
    async checkpoints() {
      const body = await call(checkpointsShape, '/api/v1/checkpoints');
      return body.items.filter((c) => c.active !== false);
    },
    async areaList(id, etag) {
      const res = await send(`/api/v1/checkpoints/${encodeURIComponent(id)}/area-list`, {
        headers: etag ? { 'if-none-match': etag } : {},
      });
      if (res.status === 304) return { list: null, etag: etag ?? null, notModified: true };
      let body: unknown;
      try {
        body = await res.json();
      } catch {
        throw new ApiError('Máy chủ trả dữ liệu không đọc được', res.status, true);
      }
      return { list: read(areaListShape, body, res.status), etag: res.headers.get('etag'), notModified: false };
    },
    postScans: (checkpointId, scans, csrfToken) =>
      call(batchShape, '/api/v1/scans/batch', {
        method: 'POST',
        headers: { 'x-csrf-token': csrfToken },
        body: JSON.stringify({ checkpointId, scans }),
      }),
  };
}
