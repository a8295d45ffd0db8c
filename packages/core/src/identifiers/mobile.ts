import { fail, ok, type Result } from '../result.js';

export type MobileError = 'phone_format' | 'phone_prefix';

export interface MobileNumber {
  /** `0xxxxxxxxx`, as written in Việt Nam. */
  national: string;
  /** `+84xxxxxxxxx`, for SMS gateways. */
  e164: string;
}

/** What people type inside phone numbers: spaces, dots, hyphens, brackets. */
const SEPARATORS = /[\p{White_Space}.\-()]/gu;

/**
 * Mobile network codes (mã mạng) after the 2018 conversion: 032–039, 052/055/056/058/059,
 * 070/076–079, 081–089, 090–099. 095 (S-Fone, closed) is kept: refusing a number that
 * turns out to be real stops a worker; accepting one only lets a typo through.
 */
const MOBILE_CODE = /^(?:3[2-9]|5[25689]|7[06-9]|8[1-9]|9[0-9])/;

/** The old 11-digit codes and their 2018 replacements (Viettel, MobiFone, VinaPhone, Vietnamobile, Gmobile). */
const CONVERTED: Readonly<Record<string, string>> = {
  '162': '32',
  '163': '33',
  '164': '34',
  '165': '35',
  '166': '36',
  '167': '37',
  '168': '38',
  '169': '39',
  '120': '70',
  '121': '79',
  '122': '77',
  '126': '76',
  '128': '78',
  '123': '83',
  '124': '84',
  '125': '85',
  '127': '81',
  '129': '82',
  '186': '56',
  '188': '58',
  '199': '59',
};

/**
 * Số điện thoại di động Việt Nam, as typed (`0912 345 678`, `0912.345.678`, `+84912345678`,
 * `84912345678`, `+84 (0) 912…`): 10 digits with a mobile network code.
 */
export function validateMobile(text: string): Result<MobileNumber, MobileError> {
  const compact = text.replace(SEPARATORS, '');
  const m = /^(?:\+84|0084|84(?=[0-9]{9,11}$))0?([0-9]*)$/.exec(compact) ?? /^0([0-9]*)$/.exec(compact);
  const subscriber = m?.[1] ?? '';
  if (subscriber.length === 10 && subscriber.startsWith('1')) {
    const code = CONVERTED[subscriber.slice(0, 3)];
    const hint = code === undefined ? '' : `: 0${code}${subscriber.slice(3)}`;
    return fail('phone_prefix', `Số 11 chữ số đầu 01 đã chuyển sang 10 chữ số từ năm 2018; nhập số mới${hint}`);
  }
  if (subscriber.length === 10 && subscriber.startsWith('2')) {
    return fail('phone_prefix', 'Đây là số máy bàn; hãy nhập số điện thoại di động');
  }
  if (!m || subscriber.length !== 9) {
    return fail('phone_format', 'Số di động phải gồm 10 chữ số, bắt đầu bằng 0 hoặc +84, ví dụ 0912 345 678');
  }
  if (!MOBILE_CODE.test(subscriber)) {
    return fail(
      'phone_prefix',
      `Đầu số 0${subscriber.slice(0, 2)} không phải đầu số di động Việt Nam; kiểm tra lại số`,
    );
  }
  return ok({ national: `0${subscriber}`, e164: `+84${subscriber}` });
}
