import { rotateKeyBody, rotateKeyResponse, wardKeyListResponse, wardParams } from '@thonghanh/contract';
import { authorize } from '../authz/index.js';
import { defineRoute } from '../http/route.js';
import { wardArea } from '../jurisdictions/ward-area.js';
import { presentWardKey } from './key-presenter.js';
import { loadMasterKey } from './master-key.js';
import { listWardKeys, rotateWardKey } from './ward-keys.js';

const TAGS = ['keys'];
const params = wardParams;

export const listWardKeysRoute = defineRoute({
  method: 'GET',
  path: '/api/v1/wards/:code/keys',
  summary: 'Các khóa ký của UBND phường (khóa công khai, trạng thái, thời hạn; không bao giờ có khóa bí mật)',
  tags: TAGS,
  access: { roles: ['ward_admin', 'supervisor'], scope: 'quản trị phường: phường mình; giám sát: trong địa bàn' },
  params,
  response: wardKeyListResponse,
  handler: async ({ db, user, params }) => {
    authorize(user, 'read', { type: 'ward_key', ...(await wardArea(db, params.code, 'params.code')) });
    return { items: (await listWardKeys(db, params.code)).map(presentWardKey) };
  },
});

export const rotateWardKeyRoute = defineRoute({
  method: 'POST',
  path: '/api/v1/wards/:code/keys/rotate',
  summary:
    'Thay khóa ký của phường: khóa mới ký từ nay; khóa cũ còn trong danh sách tin cậy tới khi giấy nó đã ký hết hạn',
  tags: TAGS,
  access: { roles: ['ward_admin'], scope: 'phường của quản trị viên' },
  params,
  body: rotateKeyBody,
  response: rotateKeyResponse,
  handler: async ({ db, user, params, body, actor, now, deps }) => {
    authorize(user, 'update', { type: 'ward_key', ...(await wardArea(db, params.code, 'params.code')) });
    const { previous, current } = await rotateWardKey(db, params.code, body.alg, {
      master: loadMasterKey(deps.config),
      actor,
      now,
    });
    return { previous: previous ? presentWardKey(previous) : null, current: presentWardKey(current) };
  },
});

export const keyRoutes = [listWardKeysRoute, rotateWardKeyRoute];
