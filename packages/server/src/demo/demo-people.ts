import { taxCodeCheckDigit } from '@thonghanh/core';
import type { StaffEntry } from '../staff/import/index.js';
import type { Rng } from './demo-random.js';

/**
 * Generated people and companies for the demo and the tests: names combined from common
 * Vietnamese family, middle and given names, numbers made to pass the core's checks.
 * Nobody and no company here is real.
 */

const FAMILY = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Huỳnh',
  'Phan',
  'Vũ',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
  'Lý',
];
const MIDDLE_MALE = ['Văn', 'Đức', 'Minh', 'Quang', 'Thành', 'Hữu', 'Xuân', 'Công', 'Mạnh', 'Tiến'];
const MIDDLE_FEMALE = ['Thị', 'Thu', 'Ngọc', 'Thanh', 'Hồng', 'Kim', 'Phương', 'Mai'];
const GIVEN_MALE = [
  'An',
  'Bình',
  'Cường',
  'Dũng',
  'Đạt',
  'Hải',
  'Hiếu',
  'Hùng',
  'Khánh',
  'Long',
  'Nam',
  'Phong',
  'Quân',
  'Sơn',
  'Thắng',
  'Tuấn',
  'Tùng',
  'Việt',
  'Vinh',
  'Huy',
];
const GIVEN_FEMALE = [
  'Anh',
  'Chi',
  'Dung',
  'Giang',
  'Hà',
  'Hạnh',
  'Hằng',
  'Hoa',
  'Huyền',
  'Lan',
  'Linh',
  'Loan',
  'Mai',
  'Nga',
  'Ngân',
  'Nhung',
  'Oanh',
  'Phương',
  'Thảo',
  'Trang',
  'Yến',
];
const POSITIONS = [
  'Công nhân',
  'Công nhân sản xuất',
  'Nhân viên kho',
  'Lái xe',
  'Kỹ thuật viên',
  'Nhân viên kinh doanh',
  'Tổ trưởng',
  'Kế toán',
  'Bảo vệ',
  'Quản đốc',
  'Nhân viên giao hàng',
];
const MOBILE_PREFIXES = [
  '090',
  '091',
  '093',
  '094',
  '096',
  '097',
  '098',
  '086',
  '088',
  '032',
  '035',
  '039',
  '070',
  '079',
  '083',
  '085',
];

/** Long Biên's wards (GSO codes) where the demo's workers live. */
export const LONG_BIEN_WARDS: ReadonlyArray<{ code: string; name: string }> = [
  { code: '00115', name: 'Thượng Thanh' },
  { code: '00118', name: 'Ngọc Thụy' },
  { code: '00121', name: 'Giang Biên' },
  { code: '00124', name: 'Đức Giang' },
  { code: '00127', name: 'Việt Hưng' },
  { code: '00130', name: 'Gia Thụy' },
  { code: '00133', name: 'Ngọc Lâm' },
  { code: '00136', name: 'Phúc Lợi' },
  { code: '00139', name: 'Bồ Đề' },
  { code: '00142', name: 'Sài Đồng' },
  { code: '00145', name: 'Long Biên' },
  { code: '00148', name: 'Thạch Bàn' },
  { code: '00151', name: 'Phúc Đồng' },
  { code: '00154', name: 'Cự Khối' },
];
/** Streets of the kind found in Đức Giang (for addresses; plausible, not a survey). */
export const DUC_GIANG_STREETS = [
  'phố Đức Giang',
  'đường Ngô Gia Tự',
  'phố Trường Lâm',
  'phố Hoa Lâm',
  'phố Đông Trù',
  'phố Thượng Thanh',
];
const OTHER_STREETS = [
  'phố Nguyễn Văn Cừ',
  'phố Ngọc Lâm',
  'phố Sài Đồng',
  'phố Phúc Lợi',
  'phố Gia Thụy',
  'phố Bồ Đề',
  'phố Thạch Bàn',
  'phố Cổ Linh',
];

const SCHEDULES = [
  { days: [1, 2, 3, 4, 5, 6], start: '07:30', end: '17:00' },
  { days: [1, 2, 3, 4, 5], start: '08:00', end: '17:30' },
  { days: [1, 2, 3, 4, 5, 6, 7], start: '06:00', end: '14:00' },
  { days: [1, 2, 3, 4, 5, 6, 7], start: '14:00', end: '22:00' },
  { days: [1, 3, 5], start: '07:00', end: '16:00' },
];

export interface DemoWorkplace {
  name: string;
  /** Short address of the workplace, e.g. `Số 12 phố Đức Giang`. */
  street: string;
  wardCode: string;
}

const clip = (s: string, max: number) => ([...s].length <= max ? s : [...s].slice(0, max).join('').trimEnd());
const pad = (n: number, w: number) => String(n).padStart(w, '0');

/**
 * One worker (a valid staff list entry): a CCCD of Hà Nội (province code 001) whose
 * century/gender digit and year match the birth date; routes from home through Long Biên
 * ward codes to the workplace. `used` keeps the numbers unique.
 */
export function demoPerson(rng: Rng, used: Set<string>, work: DemoWorkplace, row = 0): StaffEntry {
  const female = rng.chance(0.45);
  const fullName = `${rng.pick(FAMILY)} ${rng.pick(female ? MIDDLE_FEMALE : MIDDLE_MALE)} ${rng.pick(female ? GIVEN_FEMALE : GIVEN_MALE)}`;
  const year = rng.int(1965, 2003);
  const dateOfBirth = `${year}-${pad(rng.int(1, 12), 2)}-${pad(rng.int(1, 28), 2)}`;
  let idNumber: string;
  do {
    idNumber = `001${(year >= 2000 ? 2 : 0) + (female ? 1 : 0)}${pad(year % 100, 2)}${pad(rng.int(0, 999_999), 6)}`;
  } while (used.has(idNumber));
  used.add(idNumber);
  const home = rng.chance(0.4) ? (LONG_BIEN_WARDS[3] as (typeof LONG_BIEN_WARDS)[number]) : rng.pick(LONG_BIEN_WARDS);
  const street = home.code === '00124' ? rng.pick(DUC_GIANG_STREETS) : rng.pick(OTHER_STREETS);
  const house = `Số ${rng.int(1, 250)} ngõ ${rng.int(1, 120)} ${street}`;
  const wards = [...new Set([home.code, ...(rng.chance(0.3) ? ['00127'] : []), work.wardCode])];
  return {
    row,
    fullName,
    idType: 'CCCD',
    idNumber,
    dateOfBirth,
    position: rng.pick(POSITIONS),
    phone: `${rng.pick(MOBILE_PREFIXES)}${pad(rng.int(0, 9_999_999), 7)}`,
    residenceAddress: `${house}, phường ${home.name}, quận Long Biên, Hà Nội`,
    residenceWard: home.code,
    workplace: clip(`${work.name}, ${work.street}, phường Đức Giang`, 120),
    routeFrom: clip(`${house}, phường ${home.name}`, 80),
    routeTo: clip(`${work.street}, phường Đức Giang`, 80),
    routeWards: wards,
    schedule: { ...rng.pick(SCHEDULES) },
  };
}

const FORMS = [
  'Công ty TNHH',
  'Công ty TNHH',
  'Công ty Cổ phần',
  'Công ty TNHH MTV',
  'Hợp tác xã',
  'Doanh nghiệp tư nhân',
];
const TRADES: ReadonlyArray<[string, string]> = [
  ['Thực phẩm', 'Sản xuất, chế biến thực phẩm'],
  ['Cơ khí', 'Gia công cơ khí'],
  ['May mặc', 'May trang phục'],
  ['Dược phẩm', 'Sản xuất, phân phối thuốc'],
  ['Vận tải', 'Vận tải hàng hóa bằng đường bộ'],
  ['Bao bì', 'Sản xuất bao bì'],
  ['Điện tử', 'Lắp ráp linh kiện điện tử'],
  ['Thương mại', 'Bán buôn hàng thiết yếu'],
  ['Chế biến nông sản', 'Chế biến, bảo quản rau quả'],
  ['In ấn', 'In và dịch vụ liên quan đến in'],
  ['Nhựa', 'Sản xuất sản phẩm từ plastic'],
  ['Đồ gỗ', 'Sản xuất đồ gỗ'],
  ['Thiết bị y tế', 'Bán buôn thiết bị y tế'],
  ['Logistics', 'Kho bãi và lưu giữ hàng hóa'],
  ['Nước giải khát', 'Sản xuất đồ uống không cồn'],
  ['Xây dựng', 'Xây dựng công trình'],
];
const NAMES = [
  'Hoàng Long',
  'Minh Phát',
  'Thành Công',
  'An Khang',
  'Việt Tiến',
  'Hưng Thịnh',
  'Phú Gia',
  'Trường Lâm',
  'Sao Mai',
  'Bình Minh',
  'Tân Phát',
  'Hòa Bình',
  'Kim Long',
  'Đông Á',
  'Thăng Long',
  'Hồng Hà',
  'Ngọc Thụy',
  'Quang Minh',
  'Phúc Hưng',
  'Đại Việt',
  'Hải Nam',
  'Thái Sơn',
  'Nam Hà',
  'Gia Bảo',
];

export interface DemoCompany {
  name: string;
  lineOfBusiness: string;
  taxCode: string;
}

/** A company name and its trade, unique within `usedNames`; a Hà Nội tax code (01…) unique within `usedCodes`. */
export function demoCompany(rng: Rng, usedNames: Set<string>, usedCodes: Set<string>): DemoCompany {
  let name: string;
  let trade: [string, string];
  do {
    trade = rng.pick(TRADES);
    const form = rng.pick(FORMS);
    name = `${form} ${trade[0]} ${rng.pick(NAMES)}`;
  } while (usedNames.has(name));
  usedNames.add(name);
  return { name, lineOfBusiness: trade[1], taxCode: demoTaxCode(rng, usedCodes) };
}

/** 10 digits starting `01` (Hà Nội) with a valid check digit. */
export function demoTaxCode(rng: Rng, used: Set<string>): string {
  for (;;) {
    const first9 = `01${pad(rng.int(0, 9_999_999), 7)}`;
    const check = taxCodeCheckDigit(first9);
    if (check === null) continue;
    const code = `${first9}${check}`;
    if (used.has(code)) continue;
    used.add(code);
    return code;
  }
}

/** A Vietnamese mobile number (for contacts). */
export const demoMobile = (rng: Rng): string => `${rng.pick(MOBILE_PREFIXES)}${pad(rng.int(0, 9_999_999), 7)}`;

/** A contact person's name. */
export const demoContactName = (rng: Rng): string => {
  const female = rng.chance(0.5);
  return `${rng.pick(FAMILY)} ${rng.pick(female ? MIDDLE_FEMALE : MIDDLE_MALE)} ${rng.pick(female ? GIVEN_FEMALE : GIVEN_MALE)}`;
};
