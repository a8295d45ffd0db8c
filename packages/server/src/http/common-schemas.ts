/** The shared schemas are part of the API contract (packages/contract/src/common.ts). */
export {
  anyUnitCode,
  booleanQuery,
  districtCode,
  idParams,
  MAX_INT32,
  okResponse,
  provinceCode,
  timestamp,
  wardCode,
} from '@thonghanh/contract';
