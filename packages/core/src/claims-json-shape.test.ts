/** The JSON shape of claims people and tools write (the CLI's claims.json). */
import { describe, expect, it } from 'vitest';
import { permitExample } from '../test/helpers/fixtures.js';
import { claimsFromJson, claimsToJson } from './claims-json.js';

const reference = permitExample('reference-permit.json').claims;
const withPermit = (over: Record<string, unknown>) => ({ ...reference, permit: { ...reference.permit, ...over } });
const problemsOf = (input: unknown) => {
  const r = claimsFromJson(input, () => new Uint8Array(16));
  return r.ok ? [] : (r.problems ?? []).map((p) => p.path);
};

describe('claims in the JSON shape', () => {
  it('times with an offset become UTC seconds; they come back as UTC ISO', () => {
    const r = claimsFromJson({ ...reference, nbf: '2021-08-16T00:00:00+07:00' }, () => new Uint8Array(16));
    if (!r.ok) throw new Error(r.message);
    expect(r.value.nbf).toBe(Date.parse('2021-08-15T17:00:00Z') / 1000);
    expect(claimsToJson(r.value).nbf).toBe('2021-08-15T17:00:00Z');
  });

  it('a missing cti is drawn at random, once', () => {
    let calls = 0;
    const { cti: _, ...noCti } = reference;
    const r = claimsFromJson(noCti, () => {
      calls++;
      return new Uint8Array(16).fill(9);
    });
    expect(calls).toBe(1);
    expect(r.ok && r.value.cti).toEqual(new Uint8Array(16).fill(9));
  });

  it('text is brought to NFC (a keyboard writing decomposed marks types the same name)', () => {
    const r = claimsFromJson(withPermit({ holder: 'Nguyễn Thị Quỳnh Anh'.normalize('NFD') }), () => new Uint8Array(16));
    expect(r.ok && r.value.permit?.holder).toBe('Nguyễn Thị Quỳnh Anh');
  });

  it('schedule: days 1–7 without repeats, HH:MM up to 24:00', () => {
    const ok = claimsFromJson(
      withPermit({ schedule: { days: [7], start: '22:00', end: '24:00' } }),
      () => new Uint8Array(16),
    );
    expect(ok.ok && ok.value.permit?.schedule).toEqual({ mask: 64, start: 1320, end: 1440 });
    expect(problemsOf(withPermit({ schedule: { days: [1, 1], start: '07:00', end: '08:00' } }))).toEqual([
      'permit.schedule.days',
    ]);
    expect(problemsOf(withPermit({ schedule: { days: [1], start: '7:00', end: '24:01' } }))).toEqual([
      'permit.schedule.start',
      'permit.schedule.end',
    ]);
  });

  it('idType is one of its three names, and only those (not an Object member)', () => {
    for (const idType of ['cccd', 'toString', '__proto__', 'constructor', 1]) {
      expect(problemsOf(withPermit({ idType })), String(idType)).toEqual(['permit.idType']);
    }
  });

  it('every problem of the shape is listed', () => {
    expect(
      problemsOf({
        ...reference,
        iat: 'sáng nay',
        cti: 'AAAA',
        permit: { ...reference.permit, routeWards: '00133', holder: 5 },
      }),
    ).toEqual(['iat', 'cti', 'permit.routeWards', 'permit.holder']);
  });
});
