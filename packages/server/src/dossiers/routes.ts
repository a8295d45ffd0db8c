import {
  createDossierBody,
  dossierDetailSchema,
  dossierPageResponse,
  idParams,
  listDossiersQuery,
  submitDossierBody,
  transitionBody,
  updateDossierBody,
} from '@thonghanh/contract';
import { type AuthUser, authorize } from '../authz/index.js';
import { loadBusinessFor } from '../businesses/load-business.js';
import type { Executor } from '../db/schema.js';
import { forbidden, validationFailed } from '../errors.js';
import { defineRoute } from '../http/route.js';
import { userAreaFilter, wardArea } from '../jurisdictions/ward-area.js';
import { queueTransitionEmails } from '../notifications/notify-dossier.js';
import { ACTION_LABELS, rolesFor, type TransitionAction } from '../workflow/transitions.js';
import { createDossier } from './create-dossier.js';
import { presentDossierDetail } from './dossier-detail.js';
import { dossierResource, presentDossier } from './dossier-presenter.js';
import { listDossiers } from './dossier-query.js';
import { loadDossier, loadDossierToEdit } from './load-dossier.js';
import { type Commitment, transitionDossier } from './transition-dossier.js';
import { updateDossier } from './update-dossier.js';

const TAGS = ['dossiers'];
const READ_ROLES = [
  'business_rep',
  'ward_officer',
  'ward_leader',
  'health_officer',
  'ward_admin',
  'supervisor',
] as const;
const READ = {
  roles: READ_ROLES,
  scope: 'doanh nghiệp: hồ sơ của mình; cán bộ phường: hồ sơ của phường; giám sát: trong địa bàn',
} as const;
const KEEPERS = {
  roles: ['business_rep', 'ward_officer'],
  scope: 'doanh nghiệp: hồ sơ nộp trực tuyến của mình; Một cửa: hồ sơ phường tiếp nhận qua e-mail, bưu điện, trực tiếp',
} as const;

export const listDossiersRoute = defineRoute({
  method: 'GET',
  path: '/api/v1/dossiers',
  summary: 'Danh sách hồ sơ: hộp hồ sơ xếp theo hạn xử lý (hồ sơ đang chờ, gấp nhất trước)',
  tags: TAGS,
  access: READ,
  query: listDossiersQuery,
  response: dossierPageResponse,
  handler: async ({ db, user, query, now }) => {
    let scope: { wardCode?: string; districtCode?: string; provinceCode?: string; businessId?: string };
    if (user.role === 'business_rep') {
      if (query.business && query.business !== user.businessId) throw forbidden();
      if (query.ward && query.ward !== user.wardCode) throw forbidden();
      scope = { businessId: user.businessId ?? '∅' };
    } else {
      if (query.ward) authorize(user, 'read', { type: 'dossier', ...(await wardArea(db, query.ward, 'query.ward')) });
      scope = { ...userAreaFilter(user), ...(query.ward ? { wardCode: query.ward } : {}) };
      if (query.business) scope.businessId = query.business;
    }
    const { items, total } = await listDossiers(db, {
      ...scope,
      ...(query.state ? { states: query.state } : {}),
      ...(query.kind ? { kind: query.kind } : {}),
      ...(query.overdue !== undefined ? { overdue: query.overdue } : {}),
      now,
      limit: query.pageSize,
      offset: (query.page - 1) * query.pageSize,
    });
    return { items: items.map((d) => presentDossier(d, user, now)), total, page: query.page, pageSize: query.pageSize };
  },
});

export const createDossierRoute = defineRoute({
  method: 'POST',
  path: '/api/v1/dossiers',
  summary:
    'Lập hồ sơ nháp: doanh nghiệp nộp trực tuyến, hoặc Một cửa tiếp nhận hồ sơ gửi qua e-mail, bưu điện, trực tiếp',
  description:
    'initial: hồ sơ đăng ký (kế hoạch + danh sách người lao động), cần planFrom/planTo. amendment: bổ sung người lao động ' +
    'sau khi đã được phê duyệt (dùng kỳ kế hoạch đã duyệt). Doanh nghiệp: kênh online, businessId bỏ trống. ' +
    'Một cửa: businessId và kênh email / post / in_person.',
  tags: TAGS,
  access: KEEPERS,
  status: 201,
  body: createDossierBody,
  multiline: ['note'],
  response: dossierDetailSchema,
  handler: async ({ db, user, body, actor, now }) => {
    const businessId = user.role === 'business_rep' ? (body.businessId ?? user.businessId) : body.businessId;
    if (!businessId) {
      throw validationFailed([{ path: 'body.businessId', code: 'required', message: 'Chọn doanh nghiệp nộp hồ sơ.' }]);
    }
    const channel = body.channel ?? (user.role === 'business_rep' ? 'online' : 'in_person');
    if (!channel || (user.role === 'ward_officer') === (channel === 'online')) {
      throw validationFailed([
        {
          path: 'body.channel',
          code: 'channel',
          message:
            user.role === 'business_rep'
              ? 'Doanh nghiệp nộp hồ sơ trực tuyến (online).'
              : 'Một cửa tiếp nhận hồ sơ gửi qua e-mail (email), bưu điện (post) hoặc trực tiếp (in_person).',
        },
      ]);
    }
    const business = await loadBusinessFor(db, user, businessId, 'read');
    authorize(user, 'create', dossierResource({ ...business, business_id: business.id, channel }));
    const d = await createDossier(
      db,
      { business, kind: body.kind, channel, planFrom: body.planFrom, planTo: body.planTo, note: body.note },
      actor,
      now,
    );
    return presentDossierDetail(db, d, user, now);
  },
});

export const getDossierRoute = defineRoute({
  method: 'GET',
  path: '/api/v1/dossiers/:id',
  summary: 'Xem hồ sơ: trạng thái, hạn xử lý, lịch sử xử lý, tệp đính kèm',
  tags: TAGS,
  access: READ,
  params: idParams,
  response: dossierDetailSchema,
  handler: async ({ db, user, params, now }) =>
    presentDossierDetail(db, await loadDossier(db, user, params.id, 'read'), user, now),
});

export const updateDossierRoute = defineRoute({
  method: 'PATCH',
  path: '/api/v1/dossiers/:id',
  summary: 'Sửa kỳ kế hoạch hoặc ghi chú (hồ sơ nháp hoặc bị trả lại)',
  tags: TAGS,
  access: KEEPERS,
  params: idParams,
  body: updateDossierBody,
  multiline: ['note'],
  response: dossierDetailSchema,
  handler: async ({ db, user, params, body, actor, now }) => {
    const dossier = await loadDossierToEdit(db, user, params.id);
    return presentDossierDetail(db, await updateDossier(db, { dossier, changes: body }, actor, now), user, now);
  },
});

const PATHS: Record<TransitionAction, string> = {
  submit: 'submit',
  confirm_health: 'confirm-health',
  return: 'return',
  send_for_signature: 'send-for-signature',
  return_to_desk: 'return-to-desk',
  approve: 'approve',
  reject: 'reject',
  suspend: 'suspend',
  reinstate: 'reinstate',
  reopen: 'reopen',
};

const DESCRIPTIONS: Record<TransitionAction, string> = {
  submit:
    'Người giữ hồ sơ (doanh nghiệp với hồ sơ trực tuyến, Một cửa với hồ sơ tiếp nhận) nộp hồ sơ nháp hoặc nộp lại hồ sơ bị trả lại. ' +
    'Hạn xử lý = lúc nộp + số ngày của phường. Cần tệp kế hoạch (hồ sơ đăng ký) và ít nhất một người lao động, ' +
    'và cam kết của người đại diện doanh nghiệp (commitment: accepted + họ tên; thiếu → 422 commitment_required).',
  confirm_health: 'Trạm Y tế xác nhận phương án phòng chống dịch.',
  return: 'Trả lại để bổ sung (bắt buộc ghi lý do): Trạm Y tế khi hồ sơ chờ xác nhận; Một cửa khi hồ sơ đang chờ.',
  send_for_signature:
    'Một cửa trình lãnh đạo UBND phường ký (phường đặt "lãnh đạo phê duyệt", mặc định): hồ sơ chờ lãnh đạo ký.',
  return_to_desk: 'Lãnh đạo UBND phường trả hồ sơ về Một cửa (bắt buộc ghi lý do): hồ sơ trở lại chờ phê duyệt.',
  approve:
    'UBND phường phê duyệt: lãnh đạo ký hồ sơ đang chờ ký (hoặc Một cửa, ở phường tắt "lãnh đạo phê duyệt"); ' +
    'cấp số phê duyệt, ghi tên và chức vụ người ký, danh sách người lao động của hồ sơ có hiệu lực.',
  reject:
    'Từ chối (bắt buộc ghi lý do); không nộp lại được (doanh nghiệp sao chép thành hồ sơ mới, hoặc phường hủy quyết định).',
  suspend: 'Tạm dừng hoạt động của doanh nghiệp đã được phê duyệt (bắt buộc ghi lý do).',
  reinstate: 'Cho doanh nghiệp bị tạm dừng hoạt động trở lại (bắt buộc ghi lý do).',
  reopen:
    'Một cửa hoặc quản trị phường hủy quyết định từ chối (bắt buộc ghi lý do): hồ sơ trở lại chờ Trạm Y tế xác nhận, ' +
    'với hạn xử lý mới; những người bị loại theo quyết định từ chối trở lại chờ duyệt.',
};

/** The approver's name and position as their account has them now (copied onto the dossier). */
async function approverOf(db: Executor, user: AuthUser) {
  const row = await db.selectFrom('users').select(['full_name', 'title']).where('id', '=', user.id).executeTakeFirst();
  return { name: row?.full_name ?? user.fullName, title: row?.title ?? null };
}

function transitionRoute(action: TransitionAction) {
  return defineRoute({
    method: 'POST',
    path: `/api/v1/dossiers/:id/${PATHS[action]}`,
    summary: ACTION_LABELS[action],
    description: `${DESCRIPTIONS[action]} Chuyển trạng thái không hợp lệ → 409 illegal_transition.`,
    tags: TAGS,
    access: {
      roles: rolesFor(action),
      scope: 'hồ sơ của phường mình (doanh nghiệp: của mình), theo bảng chuyển trạng thái',
    },
    params: idParams,
    body: action === 'submit' ? submitDossierBody : transitionBody,
    multiline: ['note'],
    response: dossierDetailSchema,
    handler: async (ctx) => {
      const { db, user, params, body, actor, now, deps } = ctx;
      const dossier = await loadDossier(db, user, params.id, 'read');
      const commitment = (body as { commitment?: Commitment }).commitment;
      const result = await transitionDossier(
        db,
        { dossier, action, note: body.note, hooks: deps.hooks, commitment },
        actor,
        now,
        action === 'approve' ? await approverOf(db, user) : undefined,
      );
      await queueTransitionEmails(ctx, result);
      return presentDossierDetail(db, result.dossier, user, now);
    },
  });
}

export const transitionRoutes = (Object.keys(PATHS) as TransitionAction[]).map(transitionRoute);

export const dossierRoutes = [
  listDossiersRoute,
  createDossierRoute,
  getDossierRoute,
  updateDossierRoute,
  ...transitionRoutes,
];
