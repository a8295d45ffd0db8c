import { updateWardSettingsBody, wardParams, wardSettingsSchema } from '@thonghanh/contract';
import { authorize } from '../authz/index.js';
import { defineRoute } from '../http/route.js';
import { wardArea } from '../jurisdictions/ward-area.js';
import { getWardSettings, updateWardSettings } from './ward-settings.js';

const params = wardParams;

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
  body: updateWardSettingsBody,
  multiline: ['legalBasis'],
  response: wardSettingsSchema,
  handler: async ({ db, user, params, body, actor, now }) => {
    authorize(user, 'update', { type: 'ward_settings', ...(await wardArea(db, params.code, 'params.code')) });
    return updateWardSettings(db, params.code, body, actor, now);
  },
});

export const wardSettingsRoutes = [getWardSettingsRoute, updateWardSettingsRoute];
