import { fail, ok, type Result } from '../result.js';
import { codePointLength, trimWhiteSpace, WHITE_SPACE_RUN } from '../text-rules.js';

export type PersonNameError = 'name_empty' | 'name_too_long' | 'name_characters';

/** Letters and marks of any script, space, hyphen, apostrophe (' or the ’ phones type), dot. */
const NAME_CHARACTERS = /^[\p{L}\p{M} .'’-]+$/u;
const MAX_LENGTH = 64;

/**
 * A person's full name as typed, in the form the permit stores (holder ≤ 64 code points):
 * NFC, every run of white space one space, trimmed. Vietnamese and foreign names alike;
 * digits, symbols and markup are refused.
 */
export function validatePersonName(text: string): Result<string, PersonNameError> {
  const name = trimWhiteSpace(text.normalize('NFC').replace(WHITE_SPACE_RUN, ' '));
  if (name === '') return fail('name_empty', 'Nhập họ và tên');
  if (!NAME_CHARACTERS.test(name) || !/\p{L}/u.test(name)) {
    return fail('name_characters', 'Họ tên chỉ gồm chữ cái, dấu cách, dấu gạch nối, dấu nháy và dấu chấm');
  }
  const length = codePointLength(name);
  if (length > MAX_LENGTH) return fail('name_too_long', `Họ tên dài tối đa ${MAX_LENGTH} ký tự (hiện có ${length})`);
  return ok(name);
}
