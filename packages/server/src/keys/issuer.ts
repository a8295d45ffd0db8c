import type { Executor } from '../db/schema.js';
import { notFound } from '../errors.js';

/** Who signs for a ward: the spec's `iss` and the name the trust list shows. */
export interface WardIssuer {
  wardCode: string;
  /** `VN-01-004-00124` */
  issuer: string;
  /** `UBND phường Đức Giang` */
  issuerName: string;
  wardName: string;
  districtName: string;
  provinceName: string;
  /** The place printed before the date on documents: `Hà Nội` from `Thành phố Hà Nội`. */
  placeName: string;
}

/** `Phường Đức Giang` → `UBND phường Đức Giang`; `Xã Bát Tràng` → `UBND xã Bát Tràng`. */
export function issuerNameOf(wardName: string): string {
  const m = /^(Phường|Xã|Thị trấn)\s+(.+)$/u.exec(wardName.normalize('NFC').trim());
  return m ? `UBND ${(m[1] as string).toLowerCase()} ${m[2]}` : `UBND ${wardName.trim()}`;
}

/** `Thành phố Hà Nội` → `Hà Nội`; `Tỉnh Bắc Ninh` → `Bắc Ninh`. */
export function placeNameOf(provinceName: string): string {
  return provinceName
    .normalize('NFC')
    .trim()
    .replace(/^(Thành phố|Tỉnh)\s+/u, '');
}

/** The issuer of a ward from the administrative units; 404 for an unknown ward. */
export async function wardIssuer(db: Executor, wardCode: string): Promise<WardIssuer> {
  const units = await db
    .selectFrom('admin_units as w')
    .innerJoin('admin_units as d', 'd.code', 'w.district_code')
    .innerJoin('admin_units as p', 'p.code', 'w.province_code')
    .select([
      'w.code',
      'w.name as ward_name',
      'd.code as d_code',
      'd.name as d_name',
      'p.code as p_code',
      'p.name as p_name',
    ])
    .where('w.code', '=', wardCode)
    .where('w.level', '=', 'ward')
    .executeTakeFirst();
  if (!units) throw notFound(`Không có phường/xã mã ${wardCode}.`);
  return issuerFromUnits(units.code, units.ward_name, units.d_code, units.d_name, units.p_code, units.p_name);
}

function issuerFromUnits(
  wardCode: string,
  wardName: string,
  districtCode: string,
  districtName: string,
  provinceCode: string,
  provinceName: string,
): WardIssuer {
  return {
    wardCode,
    issuer: `VN-${provinceCode}-${districtCode}-${wardCode}`,
    issuerName: issuerNameOf(wardName),
    wardName,
    districtName,
    provinceName,
    placeName: placeNameOf(provinceName),
  };
}
