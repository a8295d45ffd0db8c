import type { VerifyResult } from '@thonghanh/core';
import { describe, expect, it } from 'vitest';
import { cannotVerify, cannotVerifyWarning } from './cannot-verify.js';

const result = (verdict: VerifyResult['verdict']): VerifyResult => ({
  verdict,
  warnings: [],
  kind: 'permit',
  claims: null,
  origin: 'https://thonghanh.example.vn',
});
const NOW = Date.parse('2021-08-15T03:00:00Z');
const HOUR = 3600_000;
const LIMIT = 24 * HOUR;
const fresh = { trustFetchedAt: NOW - HOUR, revokedFetchedAt: NOW - HOUR };

describe('cannotVerify', () => {
  it('an unknown key without a trust list, or with one past the limit, cannot be verified', () => {
    expect(cannotVerify(result('unknown_key'), { trustFetchedAt: null, revokedFetchedAt: null }, NOW, LIMIT)).toEqual({
      reason: 'no_trust_list',
    });
    expect(
      cannotVerify(result('unknown_key'), { trustFetchedAt: NOW - 30 * HOUR, revokedFetchedAt: NOW }, NOW, LIMIT),
    ).toEqual({ reason: 'trust_list_stale', age: '30 giờ' });
  });

  it('an unknown key with a fresh trust list stays unknown_key (KHÔNG RÕ NƠI CẤP)', () => {
    expect(cannotVerify(result('unknown_key'), fresh, NOW, LIMIT)).toBeNull();
    expect(cannotVerify(result('unknown_key'), { ...fresh, trustFetchedAt: NOW - LIMIT }, NOW, LIMIT)).toBeNull();
  });

  it('a genuine signature without any revocation list is not called valid', () => {
    expect(cannotVerify(result('valid'), { ...fresh, revokedFetchedAt: null }, NOW, LIMIT)).toEqual({
      reason: 'no_revocation_list',
    });
    // An old revocation list gives valid with the lists_stale warning, not this state.
    expect(cannotVerify(result('valid'), { ...fresh, revokedFetchedAt: NOW - 40 * HOUR }, NOW, LIMIT)).toBeNull();
  });

  it('a genuine permit "not yet valid" on a device whose clock is behind its signing time: the clock, not the permit', () => {
    const signed = (iat: string): VerifyResult => ({
      ...result('not_yet_valid'),
      claims: { iat } as VerifyResult['claims'],
    });
    expect(cannotVerify(signed('2021-08-16T02:00:00Z'), fresh, NOW, LIMIT)).toEqual({
      reason: 'device_clock',
      signed: '09:00 16/08/2021',
    });
    // Signed before now, valid from tomorrow: really not yet valid.
    expect(cannotVerify(signed('2021-08-15T02:00:00Z'), fresh, NOW, LIMIT)).toBeNull();
  });

  it('verdicts that do not depend on the lists are kept', () => {
    const none = { trustFetchedAt: null, revokedFetchedAt: null };
    for (const v of ['not_permit_qr', 'malformed', 'bad_signature', 'key_not_valid', 'expired'] as const) {
      expect(cannotVerify(result(v), none, NOW, LIMIT)).toBeNull();
    }
  });

  it('names the lacking list in the scan record', () => {
    expect(cannotVerifyWarning({ reason: 'no_trust_list' })).toBe('lists_missing');
    expect(cannotVerifyWarning({ reason: 'no_revocation_list' })).toBe('lists_missing');
    expect(cannotVerifyWarning({ reason: 'trust_list_stale', age: '2 ngày' })).toBe('lists_stale');
    expect(cannotVerifyWarning({ reason: 'device_clock', signed: '09:00 16/08/2021' })).toBeNull();
  });
});
