import type { AppWarning } from '@thonghanh/core';
import { formatAge } from '../shared/format.js';

/** Lists older than this get the `lists_stale` warning unless the officer sets another limit. */
export const DEFAULT_STALE_AFTER_MS = 24 * 3600_000;

export type Freshness = 'missing' | 'fresh' | 'stale';

/** How a list fetched at `fetchedAt` (ms, null if never) stands at `now`. */
export function freshness(fetchedAt: number | null | undefined, now: number, staleAfterMs: number): Freshness {
  if (fetchedAt === null || fetchedAt === undefined || !Number.isFinite(fetchedAt)) return 'missing';
  return now - fetchedAt > staleAfterMs ? 'stale' : 'fresh';
}

/** "chưa tải", "vừa xong", "5 phút", "3 giờ", "2 ngày". */
export function ageLabel(fetchedAt: number | null | undefined, now: number): string {
  if (fetchedAt === null || fetchedAt === undefined || !Number.isFinite(fetchedAt)) return 'chưa tải';
  return formatAge(Math.max(0, now - fetchedAt));
}

/**
 * The `lists_stale` warning of a verdict: shown when the older of the trust and revocation
 * lists is past the limit, or when either was never fetched. `age` fills the glossary text.
 */
export function listsStaleWarning(
  trustFetchedAt: number | null | undefined,
  revokedFetchedAt: number | null | undefined,
  now: number,
  staleAfterMs: number,
): { code: AppWarning; values: Record<string, string> } | null {
  const states = [freshness(trustFetchedAt, now, staleAfterMs), freshness(revokedFetchedAt, now, staleAfterMs)];
  if (states.every((s) => s === 'fresh')) return null;
  if (states.includes('missing')) return { code: 'lists_stale', values: { age: '(chưa tải lần nào)' } };
  const oldest = Math.min(trustFetchedAt as number, revokedFetchedAt as number);
  return { code: 'lists_stale', values: { age: formatAge(now - oldest) } };
}

/** Parses the officer's limit in hours (1–720); anything else gives the default. */
export function staleLimitMs(hours: unknown): number {
  const h = typeof hours === 'string' ? Number(hours.replace(',', '.')) : hours;
  if (typeof h !== 'number' || !Number.isFinite(h) || h < 1 || h > 720) return DEFAULT_STALE_AFTER_MS;
  return Math.round(h * 3600_000);
}
