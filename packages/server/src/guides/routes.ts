import { wardParams } from '@thonghanh/contract';
import { authorize } from '../authz/index.js';
import { defineRoute } from '../http/route.js';
import { wardArea } from '../jurisdictions/ward-area.js';
import { GuideCache } from './guide-cache.js';
import { type GuideContext, loadGuideContext } from './guide-context.js';

/** The printable guides, their renderers and file names. */
const GUIDES = {
  business: {
    // pdf-lib and the drawing code load with the first guide asked for, not at start-up.
    render: async (ctx: GuideContext) => (await import('./business-guide.js')).renderBusinessGuide(ctx),
    file: 'huong-dan-doanh-nghiep',
    summary: 'Hướng dẫn cho doanh nghiệp (PDF A4, có tên phường): mã QR của đơn vị, cấp, in, thu hồi giấy đi đường',
  },
  checkpoint: {
    render: async (ctx: GuideContext) => (await import('./checkpoint-guide.js')).renderCheckpointGuide(ctx),
    file: 'huong-dan-can-bo-tai-chot',
    summary:
      'Hướng dẫn cho cán bộ tại chốt (PDF A4, có tên phường): cài đặt ứng dụng, quét giấy, ý nghĩa từng kết luận',
  },
} as const;
export type GuideKind = keyof typeof GUIDES;

/** One cache for the process: a guide depends only on its kind and context (the key). */
export const guideCache = new GuideCache(32);

export function renderGuide(kind: GuideKind, ctx: GuideContext): Promise<Uint8Array> {
  return guideCache.get(`${kind}\u0001${JSON.stringify(ctx)}`, () => GUIDES[kind].render(ctx));
}

/**
 * Who may download: anyone signed in whose area holds the ward — its staff (checkpoint
 * officers included), the representatives of its businesses, the supervisors above it. Not
 * public: the guide names the ward as its author and costs a render, and everyone who reads
 * it from the app has an account; people without one get it from the ward by e-mail or Zalo,
 * as the ward's own guides went out in 2021.
 */
const guideRoute = (kind: GuideKind) =>
  defineRoute({
    method: 'GET',
    path: `/api/v1/wards/:code/guides/${kind}.pdf`,
    summary: GUIDES[kind].summary,
    description:
      'Tạo theo thiết lập mới nhất của phường (thời hạn xử lý, căn cứ pháp lý, hộp thư Một cửa) và địa chỉ hệ thống (PUBLIC_URL); cùng nội dung thì dùng lại bản đã tạo.',
    tags: ['wards'],
    access: {
      roles: ['ward_admin', 'ward_officer', 'health_officer', 'checkpoint_officer', 'business_rep', 'supervisor'],
      scope: 'cán bộ phường, cán bộ tại chốt, doanh nghiệp: phường mình; giám sát: các phường trong địa bàn',
    },
    params: wardParams,
    produces: 'application/pdf',
    handler: async ({ db, user, params, deps, now, reply }) => {
      authorize(user, 'read', { type: 'guide', ...(await wardArea(db, params.code, 'params.code')) });
      const ctx = await loadGuideContext(db, params.code, deps.config, now);
      const pdf = await renderGuide(kind, ctx);
      const file = `${GUIDES[kind].file}-${params.code}.pdf`;
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="${file}"`)
        .send(Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength));
    },
  });

export const guideRoutes = [guideRoute('business'), guideRoute('checkpoint')];
