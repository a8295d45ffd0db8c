/** The lists of spec §4: formats, unreadable entries, which of two lists wins. */
import { describe, expect, it } from 'vitest';
import { b64u, CTI, entryFor, KEYS, trustJson } from '../test/helpers/permit-factory.js';
import { PROVIDERS } from '../test/helpers/providers.js';
import { loadRevocationList, newerRevocationList } from './revocation-list.js';
import { parseIsoSeconds } from './time.js';
import { loadTrustList, newerTrustList } from './trust-list.js';

const revocation = (over: Record<string, unknown>) => ({
  format: 'thonghanh-revoked/1',
  updated: '2021-08-16T09:30:00Z',
  version: 42,
  revoked: [b64u(CTI)],
  ...over,
});

describe.each(PROVIDERS)('trust list with $name', (crypto) => {
  it('reads the entries, times in seconds, issuer name kept', async () => {
    const loaded = await loadTrustList(trustJson(entryFor(KEYS.ed), entryFor(KEYS.es)), crypto);
    if (!loaded.ok) throw new Error(loaded.message);
    expect(loaded.value.updated).toBe(Date.parse('2021-08-15T00:00:00Z') / 1000);
    expect(loaded.value.keys.map((k) => [k.alg, b64u(k.kid), k.issuerName, k.notBefore])).toEqual([
      ['EdDSA', b64u(KEYS.ed.kid), 'UBND phường Đức Giang', Date.parse('2021-08-01T00:00:00Z') / 1000],
      ['ES256', b64u(KEYS.es.kid), 'UBND phường Đức Giang', Date.parse('2021-08-01T00:00:00Z') / 1000],
    ]);
  });

  it('an unknown format is refused whole, whatever its entries', async () => {
    for (const format of ['thonghanh-trust/2', 'thonghanh-revoked/1', undefined]) {
      const loaded = await loadTrustList({ ...trustJson(entryFor(KEYS.ed)), format }, crypto);
      expect(loaded.ok ? 'ok' : loaded.code).toBe('trust_list_format');
    }
  });

  it('an entry whose time is not a calendar date cannot be read and is ignored', async () => {
    const loaded = await loadTrustList(trustJson(entryFor(KEYS.ed, { notAfter: '2022-02-30T00:00:00Z' })), crypto);
    if (!loaded.ok) throw new Error(loaded.message);
    expect(loaded.value.keys).toEqual([]);
    expect(loaded.value.ignored).toHaveLength(1);
  });
});

describe('revocation list', () => {
  it('reads 16-byte ctis and skips anything else', () => {
    const loaded = loadRevocationList(
      revocation({ revoked: [b64u(CTI), b64u(new Uint8Array(15)), 'not base64url!', 7] }),
    );
    if (!loaded.ok) throw new Error(loaded.message);
    expect([...loaded.value.revoked]).toEqual([b64u(CTI)]);
    expect(loaded.value.version).toBe(42);
  });

  it('an unknown format is refused whole', () => {
    const loaded = loadRevocationList(revocation({ format: 'thonghanh-revoked/2' }));
    expect(loaded.ok ? 'ok' : loaded.code).toBe('revocation_list_format');
  });

  it('a list without a version cannot be read', () => {
    const loaded = loadRevocationList(revocation({ version: '42' }));
    expect(loaded.ok ? 'ok' : loaded.code).toBe('revocation_list_invalid');
  });
});

describe('of two lists', () => {
  it('the trust list with the later updated wins', () => {
    const a = { updated: 100, name: 'a' };
    const b = { updated: 200, name: 'b' };
    expect(newerTrustList(a, b).name).toBe('b');
    expect(newerTrustList(b, a).name).toBe('b');
  });

  it('the revocation list with the higher version wins, whatever its date', () => {
    const a = { version: 43, updated: 100, name: 'a' };
    const b = { version: 42, updated: 200, name: 'b' };
    expect(newerRevocationList(a, b).name).toBe('a');
    expect(newerRevocationList(b, a).name).toBe('a');
  });
});

describe('times of the lists and the JSON shape', () => {
  it.each([
    ['2021-08-15T00:00:00Z', 1628985600],
    ['2021-08-15T07:00:00+07:00', 1628985600],
    ['2021-08-15T00:00:00.999Z', 1628985600],
    ['2021-08-15T00:00Z', 1628985600],
    ['2024-02-29T00:00:00Z', 1709164800],
  ])('%s is %d', (text, seconds) => {
    expect(parseIsoSeconds(text)).toBe(seconds);
  });

  it.each([
    '2021-08-15',
    '2021-08-15T00:00:00',
    '2021-02-30T00:00:00Z',
    '2021-02-29T00:00:00Z',
    '2021-04-31T00:00:00+07:00',
    '2021-13-01T00:00:00Z',
    '2021-00-10T00:00:00Z',
    '2021-08-00T00:00:00Z',
    'hôm nay',
  ])('%s is not a date-time with a zone', (text) => {
    expect(parseIsoSeconds(text)).toBeNull();
  });
});
