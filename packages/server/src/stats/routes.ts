import { statsQuery, statsSchema } from '@thonghanh/contract';
import { authorize } from '../authz/index.js';
import { unknownAdminUnit } from '../errors.js';
import { defineRoute } from '../http/route.js';
import { findAdminUnit } from '../jurisdictions/admin-units-query.js';
import { userAreaFilter, wardArea } from '../jurisdictions/ward-area.js';
import { collectStats, type StatsArea } from '../workflow/stats/stats-sections.js';

export const statsRoute = defineRoute({
  method: 'GET',
  path: '/api/v1/stats',
  summary: 'Số liệu tổng hợp: doanh nghiệp đăng ký, được phê duyệt, hồ sơ chờ và quá hạn, người lao động',
  description:
    'Không tham số: địa bàn của người xem (phường; quận hoặc thành phố với giám sát). ?ward= hoặc ?district= thu hẹp ' +
    'trong địa bàn (ngoài địa bàn: 403). `sections` là các nhóm số liệu; các phần khác của hệ thống thêm nhóm của mình ' +
    '(giấy đi đường, lượt quét).',
  tags: ['stats'],
  access: {
    roles: ['ward_admin', 'ward_officer', 'ward_leader', 'health_officer', 'supervisor'],
    scope: 'cán bộ phường: phường mình; giám sát: trong địa bàn',
  },
  query: statsQuery,
  response: statsSchema,
  handler: async ({ db, user, query, now }) => {
    let area: StatsArea = userAreaFilter(user);
    if (query.ward) {
      authorize(user, 'read', { type: 'stats', ...(await wardArea(db, query.ward, 'query.ward')) });
      area = { wardCode: query.ward };
    } else if (query.district) {
      const d = await findAdminUnit(db, query.district);
      if (d?.level !== 'district') throw unknownAdminUnit(query.district, 'query.district');
      authorize(user, 'read', { type: 'stats', wardCode: null, districtCode: d.code, provinceCode: d.province_code });
      area = { districtCode: d.code };
    }
    return {
      area: {
        wardCode: area.wardCode ?? null,
        districtCode: area.districtCode ?? null,
        provinceCode: area.provinceCode ?? null,
      },
      at: now.toISOString(),
      sections: await collectStats(db, area, now),
    };
  },
});

export const statsRoutes = [statsRoute];
