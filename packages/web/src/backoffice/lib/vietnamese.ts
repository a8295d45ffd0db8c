import { nameSearchKey } from '@thonghanh/core';
/** Vietnamese ordering and search: "Đ" after "D", "Ă Â" after "A", and search without diacritics. */

export const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

export const compareVi = (a: string, b: string): number => collator.compare(a, b);

export function sortByVi<T>(items: readonly T[], key: (item: T) => string): T[] {
  return [...items].sort((a, b) => collator.compare(key(a), key(b)));
}

/** Lower case, no diacritics, "đ" → "d": "Nguyễn Văn Đức" → "nguyen van duc" (core's name search key). */
export const foldVi = (s: string): string => nameSearchKey(s);

/** True when every word of `query` appears in one of `fields`, ignoring case and diacritics. */
export function matchesVi(query: string, ...fields: Array<string | null | undefined>): boolean {
  const words = foldVi(query).split(' ').filter(Boolean);
  if (words.length === 0) return true;
  const hay = foldVi(fields.filter(Boolean).join(' '));
  return words.every((w) => hay.includes(w));
}
