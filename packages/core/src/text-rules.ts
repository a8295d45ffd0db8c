/**
 * Text rules of the spec. "White space" always means the Unicode White_Space property,
 * which is not JavaScript's \s (\s includes U+FEFF and misses U+0085).
 */
export const WHITE_SPACE_RUN = /\p{White_Space}+/gu;
const EDGE_WHITE_SPACE = /^\p{White_Space}+|\p{White_Space}+$/gu;

export function trimWhiteSpace(text: string): string {
  return text.replace(EDGE_WHITE_SPACE, '');
}

/** Length in Unicode code points, as the spec counts. */
export function codePointLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

/**
 * Below U+0300 and in Latin Extended Additional (U+1E00–U+1EFF, the precomposed Vietnamese
 * letters) every character is NFC_Quick_Check=Yes and none composes with another: such text
 * is NFC without asking ICU.
 */
const SURELY_NFC = /^[\u0000-\u02ff\u1e00-\u1eff]*$/;

export function isNfc(text: string): boolean {
  return SURELY_NFC.test(text) || text.normalize('NFC') === text;
}

/** Five ASCII digits: the form of a GSO ward code. */
export function isWardCode(text: unknown): text is string {
  return typeof text === 'string' && /^[0-9]{5}$/.test(text);
}
