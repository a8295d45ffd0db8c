/** The shared schemas are part of the API contract (packages/contract/src/common.ts). */
export {
  anyUnitCode,
  booleanQuery,
  districtCode,
  idParams,
  okResponse,
  provinceCode,
  timestamp,
  wardCode,
} from '@thonghanh/contract';
