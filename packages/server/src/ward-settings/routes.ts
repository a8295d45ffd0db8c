import { z } from 'zod';
import { authorize } from '../authz/index.js';
import { wardCode } from '../http/common-schemas.js';
import { defineRoute } from '../http/route.js';
import { wardArea } from '../jurisdictions/ward-area.js';
import { getWardSettings, updateWardSettings, wardSettingsSchema } from './ward-settings.js';

const params = z.object({ code: wardCode });

export const getWardSettingsRoute = defineRoute({
  method: 'GET',
  path: '/api/v1/wards/:code/settings',
  summary: 'Thiết lập của phường (thời hạn xử lý hồ sơ, căn cứ pháp lý, hộp thư Một cửa, lãnh đạo ký phê duyệt)',
  tags: ['wards'],
  access: {
    roles: ['ward_admin', 'ward_officer', 'ward_leader', 'health_officer', 'checkpoint_officer', 'supervisor'],
    scope: 'cán bộ phường: phường mình; giám sát: các phường trong địa bàn',
  },
  params,
  response: wardSettingsSchema,
  handler: async ({ db, user, params }) => {
    authorize(user, 'read', { type: 'ward_settings', ...(await wardArea(db, params.code, 'params.code')) });
    return getWardSettings(db, params.code);
  },
});

export const updateWardSettingsRoute = defineRoute({
  method: 'PATCH',
  path: '/api/v1/wards/:code/settings',
  summary: 'Sửa thiết lập của phường mình',
  tags: ['wards'],
  access: { roles: ['ward_admin'], scope: 'phường của quản trị viên' },
  params,
  body: z.object({
    dueDays: z.number().int().min(1).max(30).optional(),
    legalBasis: z.string().trim().max(2000).nullable().optional(),
    deskEmail: z.email().nullable().optional(),
    leaderApprovalRequired: z.boolean().optional(),
  }),
  multiline: ['legalBasis'],
  response: wardSettingsSchema,
  handler: async ({ db, user, params, body, actor, now }) => {
    authorize(user, 'update', { type: 'ward_settings', ...(await wardArea(db, params.code, 'params.code')) });
    return updateWardSettings(db, params.code, body, actor, now);
  },
});

export const wardSettingsRoutes = [getWardSettingsRoute, updateWardSettingsRoute];
