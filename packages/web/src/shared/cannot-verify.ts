import type { VerifyResult } from '@thonghanh/core';
import { formatAge, formatDateTime } from './format.js';

/**
 * "Cannot verify": the device lacks the list a verdict depends on, so the verdict would say
 * something about the device, not about the permit. A valid permit must never be called
 * forged because the trust list never loaded, nor called valid when nobody could check
 * whether it was revoked. It is a state of its own (neutral, never the red of an invalid
 * verdict), logged as `cannot_verify` and counted apart.
 *
 * - `no_trust_list`: no trust list on the device; the code's key is unknown to it.
 * - `trust_list_stale`: the trust list is older than the limit and does not know the key:
 *   a ward's new key may simply be missing from it.
 * - `no_revocation_list`: the signature is genuine, but no revocation list was ever loaded.
 * - `device_clock`: the signature is genuine and the permit "not yet valid", but the device's
 *   clock is behind the time the permit was signed (a phone whose clock was reset): its
 *   validity cannot be judged. (A clock running ahead cannot be told from an expired permit.)
 *
 * A fresh trust list that does not know the key still gives `unknown_key` (KHÔNG RÕ NƠI
 * CẤP); a stale revocation list gives `valid` with the `lists_stale` warning.
 */
export type CannotVerifyReason = 'no_trust_list' | 'trust_list_stale' | 'no_revocation_list' | 'device_clock';

export interface CannotVerify {
  reason: CannotVerifyReason;
  /** For `trust_list_stale`: how old the list is ("30 giờ"). */
  age?: string;
  /** For `device_clock`: when the permit was signed ("09:00 14/08/2021"). */
  signed?: string;
}

/** A signing time this far after the device's clock means the clock is wrong, not the permit. */
const CLOCK_SLACK_MS = 10 * 60_000;

export interface ListTimes {
  /** When each list was last fetched from the server (ms), null if never. */
  trustFetchedAt: number | null | undefined;
  revokedFetchedAt: number | null | undefined;
}

const known = (at: number | null | undefined): at is number => typeof at === 'number' && Number.isFinite(at);

/** Whether `result`, obtained with lists fetched at `lists`, says nothing about the permit. */
export function cannotVerify(
  result: VerifyResult,
  lists: ListTimes,
  now: number,
  staleAfterMs: number,
): CannotVerify | null {
  if (result.verdict === 'unknown_key') {
    if (!known(lists.trustFetchedAt)) return { reason: 'no_trust_list' };
    const age = now - lists.trustFetchedAt;
    if (age > staleAfterMs) return { reason: 'trust_list_stale', age: formatAge(age) };
    return null;
  }
  if (result.verdict === 'valid' && !known(lists.revokedFetchedAt)) return { reason: 'no_revocation_list' };
  // The signature checked out, so the signing time is the ward's: a device before it is wrong.
  const signedAt = result.claims ? Date.parse(result.claims.iat) : Number.NaN;
  if (result.verdict === 'not_yet_valid' && signedAt > now + CLOCK_SLACK_MS) {
    return { reason: 'device_clock', signed: formatDateTime(new Date(signedAt)) };
  }
  return null;
}

/** The headline of the state, as the verdicts' headlines are written. */
export const CANNOT_VERIFY_HEADLINE = 'KHÔNG THỂ XÁC MINH';

export const CANNOT_VERIFY_TEXT: Readonly<Record<CannotVerifyReason, { reason: string; explanation: string }>> = {
  no_trust_list: {
    reason: 'CHƯA CÓ DANH SÁCH TIN CẬY',
    explanation:
      'Máy chưa tải được danh sách tin cậy nên không thể xác minh mã này. Đây không phải kết luận giấy giả: chưa biết giấy thật hay giả.',
  },
  trust_list_stale: {
    reason: 'DANH SÁCH TIN CẬY CÓ THỂ ĐÃ CŨ',
    explanation:
      'Khóa ký của mã này không có trong danh sách tin cậy trên máy, nhưng danh sách đã cũ {age}: có thể phường vừa có khóa mới. Chưa kết luận được giấy thật hay giả.',
  },
  no_revocation_list: {
    reason: 'CHƯA KIỂM TRA ĐƯỢC THU HỒI',
    explanation: 'Chữ ký số hợp lệ, nhưng máy chưa có danh sách thu hồi nên chưa biết giấy đã bị thu hồi hay chưa.',
  },
  device_clock: {
    reason: 'ĐỒNG HỒ CỦA MÁY ĐANG SAI',
    explanation:
      'Chữ ký số hợp lệ, nhưng ngày giờ trên máy sớm hơn lúc giấy được ký ({signed}): không đánh giá được thời hạn của giấy. Đặt ngày giờ của máy theo mạng rồi quét lại.',
  },
};

/** The scan record's warning for the state: which list was lacking (none for the clock). */
export function cannotVerifyWarning(c: CannotVerify): 'lists_missing' | 'lists_stale' | null {
  if (c.reason === 'device_clock') return null;
  return c.reason === 'trust_list_stale' ? 'lists_stale' : 'lists_missing';
}
