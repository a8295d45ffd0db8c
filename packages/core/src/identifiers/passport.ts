import { fail, ok, type Result } from '../result.js';
import { trimWhiteSpace } from '../text-rules.js';

export type PassportError = 'passport_format';

export interface PassportOptions {
  /** A passport of another country: only the permit format's rule applies. */
  foreign?: boolean;
}

/**
 * Số hộ chiếu, trimmed and upper-cased. Vietnamese passports are one letter and 7 digits
 * (B…, C…, N…); two letters and 7 digits are also accepted, unconfirmed, because refusing
 * a real passport stops a worker while the permit format itself accepts any `[A-Z0-9]{6,12}`.
 * Foreign passports follow that rule of the format.
 */
export function validatePassport(number: string, opts: PassportOptions = {}): Result<string, PassportError> {
  const normalized = trimWhiteSpace(number).toUpperCase();
  if (opts.foreign) {
    if (/^[A-Z0-9]{6,12}$/.test(normalized)) return ok(normalized);
    return fail('passport_format', 'Số hộ chiếu nước ngoài gồm 6 đến 12 chữ cái Latinh hoặc chữ số, không dấu cách');
  }
  if (/^[A-Z]{1,2}[0-9]{7}$/.test(normalized)) return ok(normalized);
  return fail('passport_format', 'Số hộ chiếu Việt Nam gồm 1 chữ cái và 7 chữ số, ví dụ C1234567');
}
