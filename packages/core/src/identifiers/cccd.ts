import { fail, ok, type Result } from '../result.js';
import { yearOfIsoDate } from './calendar-date.js';
import { CCCD_PROVINCES } from './provinces.js';

export type Gender = 'Nam' | 'Nữ';

/**
 * `cccd_century` also covers a gender that disagrees with digit 4, which encodes both:
 * the caller's union stays the four codes it was promised.
 */
export type CccdError = 'cccd_format' | 'cccd_province' | 'cccd_century' | 'cccd_birth_year';

export interface CccdInfo {
  number: string;
  /** Digits 1–3: the province where the birth was registered. */
  provinceCode: string;
  provinceName: string;
  gender: Gender;
  /** First year of the century of birth: 1900 or 2000. */
  century: number;
  /** Digits 5–6: the last two digits of the year of birth. */
  birthYear2: string;
}

export interface CccdOptions {
  /** `YYYY-MM-DD`; when given, the number's year of birth must be this one. */
  dateOfBirth?: string;
  gender?: Gender;
}

/**
 * Số căn cước công dân (Thông tư 07/2016/TT-BCA): 12 ASCII digits, no separators (clean
 * typed input with `validateIdDocument`). Digits 1–3 the province, digit 4 century and
 * gender (even Nam, odd Nữ; 0/1 1900s, 2/3 2000s, 4–9 the 22nd–24th centuries), digits 5–6
 * the year of birth. Centuries after the 21st are refused: nobody is born there yet, so
 * such a digit is a typo. Checks run in that order, then date of birth, then gender.
 */
export function validateCccd(number: string, opts: CccdOptions = {}): Result<CccdInfo, CccdError> {
  if (!/^[0-9]{12}$/.test(number)) return fail('cccd_format', 'Số CCCD phải gồm đúng 12 chữ số');
  const provinceCode = number.slice(0, 3);
  const provinceName = CCCD_PROVINCES.get(provinceCode);
  if (provinceName === undefined) {
    return fail(
      'cccd_province',
      `3 chữ số đầu của số CCCD (${provinceCode}) không phải mã tỉnh, thành phố; kiểm tra lại số`,
    );
  }
  const digit4 = number.charCodeAt(3) - 48;
  const century = 1900 + 100 * Math.floor(digit4 / 2);
  if (century > 2000) {
    return fail('cccd_century', 'Chữ số thứ 4 của số CCCD phải từ 0 đến 3 (sinh năm 1900–2099); kiểm tra lại số');
  }
  const gender: Gender = digit4 % 2 === 0 ? 'Nam' : 'Nữ';
  const birthYear2 = number.slice(4, 6);
  if (opts.dateOfBirth !== undefined) {
    const year = yearOfIsoDate(opts.dateOfBirth);
    if (year === null) return fail('cccd_birth_year', 'Ngày sinh phải là ngày có thật, viết YYYY-MM-DD');
    const numberYear = century + Number(birthYear2);
    if (year !== numberYear) {
      return fail(
        'cccd_birth_year',
        `Số CCCD ghi năm sinh ${numberYear}, khác năm sinh ${year}; kiểm tra lại số hoặc ngày sinh`,
      );
    }
  }
  if (opts.gender !== undefined && opts.gender !== gender) {
    return fail(
      'cccd_century',
      `Chữ số thứ 4 của số CCCD ghi giới tính ${gender}, khác giới tính ${opts.gender}; kiểm tra lại`,
    );
  }
  return ok({ number, provinceCode, provinceName, gender, century, birthYear2 });
}
