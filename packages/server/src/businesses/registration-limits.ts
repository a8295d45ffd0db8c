import type { FixedWindowLimit } from '../rate-limits/fixed-window.js';

const HOUR = 3_600_000;

/**
 * How many self-registrations are taken in: 10 an hour from one address (an office or a
 * service bureau registering its several units), 30 an hour for one ward (Đức Giang's 85
 * businesses registered over days; a flood of made-up ones cannot bury the desk's queue, and
 * a real business refused waits an hour at most). Counted before the registration is checked,
 * so refused and duplicate ones count too.
 */
export const REGISTRATION_LIMITS = {
  perIp: { limit: 10, windowMs: HOUR },
  perWard: { limit: 30, windowMs: HOUR },
} as const;

export function registrationLimits(ip: string, wardCode: string): FixedWindowLimit[] {
  return [
    {
      key: `register:ip:${ip.slice(0, 100)}`,
      ...REGISTRATION_LIMITS.perIp,
      message: 'Địa chỉ mạng này đã gửi quá nhiều đăng ký doanh nghiệp trong một giờ. Vui lòng thử lại sau {wait}.',
    },
    {
      key: `register:ward:${wardCode}`,
      ...REGISTRATION_LIMITS.perWard,
      message:
        'Phường này đang nhận quá nhiều đăng ký doanh nghiệp trong một giờ. Vui lòng thử lại sau {wait} ' +
        'hoặc liên hệ Bộ phận Một cửa của phường.',
    },
  ];
}
