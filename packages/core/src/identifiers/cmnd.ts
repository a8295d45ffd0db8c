import { fail, ok, type Result } from '../result.js';

export type CmndError = 'cmnd_format';

/**
 * Số chứng minh nhân dân: 9 digits (the old card) or 12 (the 2012 card). The digits carry
 * no checkable structure, so the form is all that can be checked.
 */
export function validateCmnd(number: string): Result<string, CmndError> {
  if (!/^(?:[0-9]{9}|[0-9]{12})$/.test(number)) return fail('cmnd_format', 'Số CMND phải gồm 9 hoặc 12 chữ số');
  return ok(number);
}
