import { MAX_VALIDITY_AFTER_SIGNING } from '@thonghanh/core';
import { AppError } from '../errors.js';
import type { ApprovedPlan } from './issuing-business.js';
import { lastDayEndingBy, maxDate, minDate, vnDateOf, vnDayEnd, vnDayStart } from './vn-dates.js';

/** A credential's validity: whole days in Việt Nam time, as instants (nbf, exp) and as printed dates. */
export interface Validity {
  /** nbf: 00:00 of `fromDate`, Việt Nam time. */
  notBefore: Date;
  /** exp: 24:00 of `toDate`, Việt Nam time. */
  notAfter: Date;
  fromDate: string;
  toDate: string;
}

const MAX_MS = MAX_VALIDITY_AFTER_SIGNING * 1000;

/** The last day a credential signed at `iat` may cover: exp − iat ≤ 92 days (spec §1). */
export const lastCoverableDay = (iatMs: number): string => lastDayEndingBy(iatMs + MAX_MS);

/** iat as the claims carry it: whole seconds. */
export const iatMs = (now: Date): number => Math.floor(now.getTime() / 1000) * 1000;

/** `YYYY-MM-DD` naming a day that exists (no 31/13, no 29/02 outside leap years). */
export function isRealDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

/**
 * The dates a request asked for, before anything else: each a day that exists, and the first
 * not after the last (422 `date_invalid`, one issue per bad field). A bad date is refused,
 * never replaced by the default validity.
 */
export function checkAskedDates(asked: { validFrom?: string | undefined; validTo?: string | undefined }): void {
  const issues = (['validFrom', 'validTo'] as const)
    .filter((f) => asked[f] !== undefined && !isRealDate(asked[f] as string))
    .map((f) => ({
      path: `body.${f}`,
      code: 'date_invalid',
      message: `Ngày "${asked[f]}" không tồn tại (ngày phải có thật, dạng YYYY-MM-DD).`,
    }));
  if (issues.length === 0 && asked.validFrom && asked.validTo && asked.validFrom > asked.validTo) {
    issues.push({
      path: 'body.validTo',
      code: 'date_invalid',
      message: 'Ngày kết thúc phải bằng hoặc sau ngày bắt đầu.',
    });
  }
  if (issues.length > 0) throw new AppError('date_invalid', undefined, { issues });
}

const fail = (code: 'validity_outside_plan' | 'validity_too_long', path: string, message: string) =>
  new AppError(code, undefined, { issues: [{ path, code, message }] });

/**
 * The validity of permits issued now under a plan. Default: from today (or the plan's first
 * day) to the plan's last day, cut to the 92 days a signature may cover. Dates asked for
 * must lie inside the plan (422 `validity_outside_plan`) and end within 92 days of signing
 * (422 `validity_too_long`).
 */
export function permitValidity(
  plan: Pick<ApprovedPlan, 'planFrom' | 'planTo'>,
  now: Date,
  asked: { validFrom?: string | undefined; validTo?: string | undefined } = {},
): Validity {
  const today = vnDateOf(now);
  const cap = lastCoverableDay(iatMs(now));
  const from = asked.validFrom ?? maxDate(today, plan.planFrom);
  const to = asked.validTo ?? minDate(plan.planTo, cap);
  const period = `${plan.planFrom} – ${plan.planTo}`;
  if (from < plan.planFrom || from > plan.planTo) {
    throw fail(
      'validity_outside_plan',
      'body.validFrom',
      `Ngày bắt đầu phải trong thời gian của kế hoạch (${period}).`,
    );
  }
  if (to > plan.planTo || to < today) {
    throw fail(
      'validity_outside_plan',
      'body.validTo',
      to < today
        ? `Kế hoạch đã phê duyệt (${period}) không còn ngày nào từ hôm nay để cấp giấy.`
        : `Ngày kết thúc phải trong thời gian của kế hoạch (${period}).`,
    );
  }
  if (to > cap) {
    throw fail('validity_too_long', 'body.validTo', `Giấy cấp hôm nay có hiệu lực đến muộn nhất là ngày ${cap}.`);
  }
  if (from > to) {
    throw fail('validity_outside_plan', 'body.validFrom', 'Ngày bắt đầu phải trước hoặc bằng ngày kết thúc.');
  }
  return { notBefore: new Date(vnDayStart(from)), notAfter: new Date(vnDayEnd(to)), fromDate: from, toDate: to };
}

/** The unit credential's validity: the plan's period, cut to 92 days after signing. */
export function unitValidity(plan: Pick<ApprovedPlan, 'planFrom' | 'planTo'>, now: Date): Validity {
  const today = vnDateOf(now);
  let to = minDate(plan.planTo, lastCoverableDay(iatMs(now)));
  // A plan that is over (approved late, or dates in the past) still gets a credential for today.
  if (to < today) to = today;
  // A plan starting more than 92 days ahead: the credential covers what a signature may.
  const from = minDate(plan.planFrom, to);
  return {
    notBefore: new Date(vnDayStart(from)),
    notAfter: new Date(Math.min(vnDayEnd(to), iatMs(now) + MAX_MS)),
    fromDate: from,
    toDate: to,
  };
}
