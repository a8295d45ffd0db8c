import { ok, type Result } from '../result.js';
import { type CccdError, validateCccd } from './cccd.js';
import { type CmndError, validateCmnd } from './cmnd.js';
import { type PassportError, validatePassport } from './passport.js';

export type IdDocumentType = 'CCCD' | 'CMND' | 'PASSPORT';
export type IdDocumentError = CccdError | CmndError | PassportError;

export interface IdDocumentOptions {
  /** `YYYY-MM-DD`; checked against a CCCD number's year of birth. */
  dateOfBirth?: string;
  /** A foreign passport (PASSPORT only). */
  foreign?: boolean;
}

/** What people type inside card numbers: spaces, dots and hyphens ("001 190 012 345"). */
const CARD_NUMBER_SEPARATORS = /[\p{White_Space}.-]/gu;
const WHITE_SPACE = /\p{White_Space}/gu;

/**
 * The number of an identity document as typed, checked for its type and returned in the
 * form the permit stores: card numbers as bare digits, passports upper-case without spaces.
 */
export function validateIdDocument(
  type: IdDocumentType,
  number: string,
  opts: IdDocumentOptions = {},
): Result<string, IdDocumentError> {
  switch (type) {
    case 'CCCD': {
      const digits = number.replace(CARD_NUMBER_SEPARATORS, '');
      const r = validateCccd(digits, opts.dateOfBirth === undefined ? {} : { dateOfBirth: opts.dateOfBirth });
      return r.ok ? ok(digits) : r;
    }
    case 'CMND':
      return validateCmnd(number.replace(CARD_NUMBER_SEPARATORS, ''));
    case 'PASSPORT':
      return validatePassport(number.replace(WHITE_SPACE, ''), { foreign: opts.foreign === true });
  }
}
