import { defineRoute } from '../http/route.js';
import { buildRevocationList } from './revocation-list.js';
import { sendCacheableJson } from './send-cacheable-json.js';
import { buildTrustList } from './trust-list.js';

/**
 * Verifiers cache the lists for offline use and refetch them often: a revocation must reach
 * them within seconds of being made, so clients may reuse a copy for one minute at most and
 * then revalidate it with its ETag (a 304 costs a few bytes).
 */
export const LIST_CACHE_CONTROL = 'public, max-age=60';

const TAGS = ['lists'];
const PUBLIC = { public: true } as const;

export const trustListRoute = defineRoute({
  method: 'GET',
  path: '/.well-known/thonghanh/trust.json',
  summary: 'Danh sách tin cậy: khóa công khai của các UBND phường (đặc tả mục 4)',
  description:
    'Công khai, mọi bên kiểm tra đều tải được (CORS *). ETag mạnh; gửi If-None-Match để nhận 304. Cache-Control: public, max-age=60.',
  tags: TAGS,
  access: PUBLIC,
  produces: 'application/json',
  handler: async ({ db, now, req, reply }) =>
    sendCacheableJson(req, reply, await buildTrustList(db, now), { cacheControl: LIST_CACHE_CONTROL, cors: true }),
});

export const revocationListRoute = defineRoute({
  method: 'GET',
  path: '/.well-known/thonghanh/revoked.json',
  summary: 'Danh sách thu hồi: mã (cti) của giấy đi đường và mã QR đơn vị đã bị thu hồi, còn hạn (đặc tả mục 4)',
  description:
    'Công khai (CORS *). Thu hồi có hiệu lực ngay ở yêu cầu kế tiếp: máy chủ không lưu đệm, bên kiểm tra dùng lại bản đã tải tối đa 60 giây rồi hỏi lại bằng ETag.',
  tags: TAGS,
  access: PUBLIC,
  produces: 'application/json',
  handler: async ({ db, now, req, reply }) =>
    sendCacheableJson(req, reply, await buildRevocationList(db, now), { cacheControl: LIST_CACHE_CONTROL, cors: true }),
});

/**
 * CORS preflight for the lists: a verifier on another origin that revalidates its copy sends
 * `If-None-Match`, which is not a CORS-safelisted header, so its browser asks first.
 */
function preflight(path: string) {
  return defineRoute({
    method: 'OPTIONS',
    path,
    summary: 'CORS preflight: mọi nguồn (origin) được GET danh sách, kèm If-None-Match',
    tags: TAGS,
    access: PUBLIC,
    transaction: false,
    status: 204,
    handler: async ({ reply }) =>
      reply
        .status(204)
        .header('access-control-allow-origin', '*')
        .header('access-control-allow-methods', 'GET, HEAD')
        .header('access-control-allow-headers', 'If-None-Match, If-Modified-Since')
        .header('access-control-max-age', '86400')
        .send(),
  });
}

export const listRoutes = [
  trustListRoute,
  revocationListRoute,
  preflight(trustListRoute.path),
  preflight(revocationListRoute.path),
];
