import { deletedDossierResponse, dossierDetailSchema, idParams } from '@thonghanh/contract';
import { authorize } from '../authz/index.js';
import { findBusiness } from '../businesses/business-query.js';
import { notFound } from '../errors.js';
import { defineRoute } from '../http/route.js';
import { copyRejectedDossier } from './copy-rejected-dossier.js';
import { deleteDraftDossier } from './delete-draft-dossier.js';
import { presentDossierDetail } from './dossier-detail.js';
import { dossierResource } from './dossier-presenter.js';
import { loadDossier } from './load-dossier.js';

const TAGS = ['dossiers'];
const KEEPERS = {
  roles: ['business_rep', 'ward_officer'],
  scope: 'doanh nghiệp: hồ sơ nộp trực tuyến của mình; Một cửa: hồ sơ phường tiếp nhận qua e-mail, bưu điện, trực tiếp',
} as const;

export const deleteDraftDossierRoute = defineRoute({
  method: 'DELETE',
  path: '/api/v1/dossiers/:id',
  summary: 'Xóa hồ sơ nháp (chưa nộp) cùng danh sách người lao động và tệp của nó',
  description: 'Chỉ hồ sơ nháp (409 dossier_not_draft với hồ sơ đã nộp: hồ sơ đã nộp là chứng cứ). Người giữ hồ sơ.',
  tags: TAGS,
  access: KEEPERS,
  params: idParams,
  response: deletedDossierResponse,
  handler: async ({ db, user, params, actor, now, afterCommit, deps }) => {
    const dossier = await loadDossier(db, user, params.id, 'update');
    const keys = await deleteDraftDossier(db, dossier, actor, now);
    afterCommit(async () => {
      for (const k of keys) await deps.storage.delete(k);
    });
    return { deleted: true as const };
  },
});

export const copyDossierRoute = defineRoute({
  method: 'POST',
  path: '/api/v1/dossiers/:id/copy',
  summary: 'Sao chép hồ sơ bị từ chối thành hồ sơ nháp mới (kế hoạch, tệp, danh sách người lao động) để sửa và nộp lại',
  description:
    'Chỉ hồ sơ bị từ chối (409 dossier_not_copyable); hồ sơ bị trả lại thì sửa và nộp lại chính nó. ' +
    'Theo luật lập hồ sơ: 409 dossier_exists khi doanh nghiệp đã có hồ sơ cùng loại đang xử lý.',
  tags: TAGS,
  access: KEEPERS,
  status: 201,
  params: idParams,
  response: dossierDetailSchema,
  handler: async ({ db, user, params, actor, now, deps }) => {
    const source = await loadDossier(db, user, params.id, 'update');
    const business = await findBusiness(db, source.business_id);
    if (!business) throw notFound('Không tìm thấy doanh nghiệp.');
    authorize(user, 'create', dossierResource({ ...business, business_id: business.id, channel: source.channel }));
    const draft = await copyRejectedDossier(db, { source, business, storage: deps.storage }, actor, now);
    return presentDossierDetail(db, draft, user, now);
  },
});

export const draftAndCopyRoutes = [deleteDraftDossierRoute, copyDossierRoute];
