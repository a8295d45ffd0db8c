import { trimWhiteSpace, WHITE_SPACE_RUN } from '../text-rules.js';

/**
 * The form in which two Vietnamese names compare equal: NFC, full Unicode lower case
 * (no locale), every run of white space one space, trimmed. Diacritics are kept:
 * "Nguyễn Văn An" and "Nguyen Van An" are different people.
 */
export function normalizeName(name: string): string {
  return trimWhiteSpace(name.normalize('NFC').toLowerCase().replace(WHITE_SPACE_RUN, ' '));
}

export function namesEqual(a: string, b: string): boolean {
  return normalizeName(a) === normalizeName(b);
}

/**
 * A key for searching without diacritics ("nguyen van an" finds "Nguyễn Văn An"):
 * the normalized name with marks removed and đ written d.
 */
export function nameSearchKey(name: string): string {
  return normalizeName(name)
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/đ/g, 'd')
    .normalize('NFC');
}

/**
 * The name written as people write it: NFC, white space collapsed, each word with a
 * capital initial ("nguyễn  văn AN" → "Nguyễn Văn An").
 */
export function displayName(name: string): string {
  return normalizeName(name)
    .split(' ')
    .map((w) => (w ? (w[0] as string).toUpperCase() + w.slice(1) : w))
    .join(' ');
}
