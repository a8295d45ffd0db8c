/**
 * Warnings of spec §5: only with `valid`, never changing it, in the order off_route,
 * outside_schedule, untrusted_origin, identity_mismatch. One suite, every provider.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Item } from '../test/helpers/cbor-writer.js';
import {
  type Build,
  b64u,
  type Check,
  CTI,
  checker,
  defaultTrust,
  ORIGIN,
  PERMIT,
  permitText,
  sec,
  TIMES,
} from '../test/helpers/permit-factory.js';
import { PROVIDERS } from '../test/helpers/providers.js';
import { loadRevocationList } from './revocation-list.js';
import { WARNINGS } from './verdicts.js';

const withFields =
  (entries: Array<[number, Item]>): Build['fields'] =>
  (f) => {
    for (const [k, v] of entries) f.set(k, v);
  };

/** Mon–Sat 07:00–17:30 in Việt Nam. */
const WORKDAYS = permitText({ fields: withFields([[PERMIT.schedule, [63, 420, 1050]]]) });
/** Mondays only, all day. */
const MONDAYS = permitText({ fields: withFields([[PERMIT.schedule, [1, 0, 1440]]]) });
/** Sundays only, all day. */
const SUNDAYS = permitText({ fields: withFields([[PERMIT.schedule, [64, 0, 1440]]]) });
const EVERY_MINUTE = permitText({ fields: withFields([[PERMIT.schedule, [127, 0, 1440]]]) });
const NO_ROUTE = permitText({ fields: withFields([[PERMIT.routeWards, []]]) });
const UNIT = permitText({ kind: 'unit' });
const PERMIT_TEXT = permitText();
const CMND = permitText({
  fields: withFields([
    [PERMIT.idType, 2],
    [PERMIT.idNumber, '012345678'],
  ]),
});
const CMND_12 = permitText({ fields: withFields([[PERMIT.idType, 2]]) });
const PASSPORT = permitText({ fields: withFields([[PERMIT.idType, 3]]) });
const DUC = permitText({ fields: withFields([[PERMIT.holder, 'Đỗ Văn Đạt']]) });

/** The QR of a chip CCCD card: số CCCD|số CMND cũ|họ và tên|ngày sinh|giới tính|nơi thường trú|ngày cấp. */
const card = (cccd = '001190012345', oldId = '012345678', name = 'Nguyễn Thị Quỳnh Anh') =>
  `${cccd}|${oldId}|${name}|01011990|Nữ|Số 12 ngõ 45 phố Ngọc Lâm, Long Biên, Hà Nội|15042021`;

/** A Việt Nam wall-clock time (UTC+7) as verification milliseconds. */
const vn = (local: string) => sec(`${local}+07:00`) * 1000;

describe.each(PROVIDERS)('warnings with $name', (crypto) => {
  let check: Check;
  beforeAll(async () => {
    check = checker(crypto, await defaultTrust(crypto));
  });
  const warningsOf = async (text: string, options = {}) => {
    const result = await check(text, options);
    expect(result.verdict).toBe('valid');
    return result.warnings;
  };

  describe('off_route', () => {
    it('a checkpoint ward not on the route', async () => {
      expect(await warningsOf(PERMIT_TEXT, { checkpointWard: '00999' })).toEqual(['off_route']);
    });

    it('a checkpoint ward on the route', async () => {
      expect(await warningsOf(PERMIT_TEXT, { checkpointWard: '00142' })).toEqual([]);
    });

    it('an empty routeWards is never off route', async () => {
      expect(await warningsOf(NO_ROUTE, { checkpointWard: '00999' })).toEqual([]);
    });

    it.each(['142', '001420', '0099a', '００９９９', '', ' 00999', '00999\n'])(
      'a checkpoint %j that is not 5 ASCII digits counts as none',
      async (checkpointWard) => {
        expect(await warningsOf(PERMIT_TEXT, { checkpointWard })).toEqual([]);
      },
    );

    it('never for a unit credential', async () => {
      expect(await warningsOf(UNIT, { checkpointWard: '00999' })).toEqual([]);
    });
  });

  describe('outside_schedule: Việt Nam time, start inclusive, end exclusive', () => {
    it('the calendar the cases rely on: 2021-08-16 is a Monday, 2021-08-22 a Sunday', () => {
      expect(new Date('2021-08-16T12:00:00Z').getUTCDay()).toBe(1);
      expect(new Date('2021-08-22T12:00:00Z').getUTCDay()).toBe(0);
    });

    it.each([
      ['Tuesday 07:00:00 (start)', '2021-08-17T07:00:00', []],
      ['Tuesday 06:59:59', '2021-08-17T06:59:59', ['outside_schedule']],
      ['Tuesday 17:29:59', '2021-08-17T17:29:59', []],
      ['Tuesday 17:30:00 (end)', '2021-08-17T17:30:00', ['outside_schedule']],
      ['Saturday 10:00', '2021-08-21T10:00:00', []],
      ['Sunday 10:00 (bit 6 clear)', '2021-08-22T10:00:00', ['outside_schedule']],
    ])('Mon–Sat 07:00–17:30 at %s', async (_, local, expected) => {
      expect(await warningsOf(WORKDAYS, { at: vn(local) })).toEqual(expected);
    });

    it('the weekday is that of Việt Nam, not of UTC', async () => {
      // Monday 00:30 in Việt Nam is still Sunday in UTC.
      expect(await warningsOf(MONDAYS, { at: vn('2021-08-23T00:30:00') })).toEqual([]);
      expect(await warningsOf(MONDAYS, { at: vn('2021-08-22T23:59:59') })).toEqual(['outside_schedule']);
      // Monday 23:59 in Việt Nam is 16:59 UTC; 00:00 Tuesday is 17:00 UTC Monday.
      expect(await warningsOf(MONDAYS, { at: vn('2021-08-23T23:59:59') })).toEqual([]);
      expect(await warningsOf(MONDAYS, { at: vn('2021-08-24T00:00:00') })).toEqual(['outside_schedule']);
    });

    it('Sunday is bit 6', async () => {
      expect(await warningsOf(SUNDAYS, { at: vn('2021-08-22T12:00:00') })).toEqual([]);
      expect(await warningsOf(SUNDAYS, { at: vn('2021-08-21T12:00:00') })).toEqual(['outside_schedule']);
    });

    it('every day 00:00–24:00 is never outside', async () => {
      for (let t = TIMES.nbf; t < TIMES.exp; t += 3607) {
        expect(await warningsOf(EVERY_MINUTE, { at: t * 1000 })).toEqual([]);
      }
    });

    it('no schedule, no warning; a unit has none', async () => {
      expect(await warningsOf(PERMIT_TEXT, { at: vn('2021-08-22T03:00:00') })).toEqual([]);
      expect(await warningsOf(UNIT, { at: vn('2021-08-22T03:00:00') })).toEqual([]);
    });
  });

  describe('untrusted_origin', () => {
    it('only when an official origin is configured', async () => {
      expect(await warningsOf(permitText({ origin: 'https://gia-mao.example' }))).toEqual([]);
    });

    it('the official origin itself', async () => {
      expect(await warningsOf(PERMIT_TEXT, { officialOrigin: ORIGIN })).toEqual([]);
    });

    it.each(['https://giaydiduong.example', 'HTTPS://GIAYDIDUONG.LONGBIEN.EXAMPLE', `${ORIGIN}/`, `${ORIGIN}:443`])(
      'an official origin %s differs as a string',
      async (officialOrigin) => {
        expect(await warningsOf(PERMIT_TEXT, { officialOrigin })).toEqual(['untrusted_origin']);
      },
    );

    it('for unit credentials too', async () => {
      expect(
        await warningsOf(permitText({ kind: 'unit', origin: 'https://x.example' }), { officialOrigin: ORIGIN }),
      ).toEqual(['untrusted_origin']);
    });
  });

  describe('identity_mismatch', () => {
    it.each([
      ['the same card', card()],
      ['the name in capitals', card(undefined, undefined, 'NGUYỄN THỊ QUỲNH ANH')],
      ['runs of white space in the name', card(undefined, undefined, ' Nguyễn  Thị\u3000Quỳnh\tAnh\u00a0')],
      ['the name in NFD', card(undefined, undefined, 'Nguyễn Thị Quỳnh Anh'.normalize('NFD'))],
      ['surrounding white space of the card text', `\n ${card()} \u3000`],
      ['an eighth field', `${card()}|thêm`],
      ['an empty old number', card('001190012345', '')],
    ])('matching: %s', async (_, cccdQr) => {
      expect(await warningsOf(PERMIT_TEXT, { cccdQr })).toEqual([]);
    });

    it.each([
      ['another number', card('001190012346')],
      ['the permit number only as the old number of a CCCD permit', card('001190099999', '001190012345')],
      ['another name', card(undefined, undefined, 'Nguyễn Thị Quỳnh Anh Thư')],
      ['diacritics missing', card(undefined, undefined, 'Nguyen Thi Quynh Anh')],
      ['one diacritic differs', card(undefined, undefined, 'Nguyễn Thị Quynh Anh')],
      ['six fields', '001190012345|012345678|Nguyễn Thị Quỳnh Anh|01011990|Nữ|Hà Nội'],
      ['a first field of 11 digits', card('00119001234')],
      ['a first field with a letter', card('00119001234A')],
      ['an empty text', ''],
      ['another QR', 'https://dichvucong.gov.vn'],
    ])('mismatch: %s', async (_, cccdQr) => {
      expect(await warningsOf(PERMIT_TEXT, { cccdQr })).toEqual(['identity_mismatch']);
    });

    it('a CMND permit matches the old-number field, or field 1', async () => {
      expect(await warningsOf(CMND, { cccdQr: card('001190099999', '012345678') })).toEqual([]);
      expect(await warningsOf(CMND_12, { cccdQr: card('001190012345', '') })).toEqual([]);
    });

    it('a CMND permit and a card with an empty old number and another CCCD', async () => {
      expect(await warningsOf(CMND, { cccdQr: card('001190099999', '') })).toEqual(['identity_mismatch']);
    });

    it('a passport permit never matches, even with the same number and name', async () => {
      expect(await warningsOf(PASSPORT, { cccdQr: card() })).toEqual(['identity_mismatch']);
    });

    it('Đ lower-cases to đ; without it the name differs', async () => {
      expect(await warningsOf(DUC, { cccdQr: card(undefined, undefined, 'ĐỖ VĂN ĐẠT') })).toEqual([]);
      expect(await warningsOf(DUC, { cccdQr: card(undefined, undefined, 'DO VAN DAT') })).toEqual([
        'identity_mismatch',
      ]);
    });

    it('never for a unit credential', async () => {
      expect(await warningsOf(UNIT, { cccdQr: 'not a card' })).toEqual([]);
    });
  });

  describe('order, and only with valid', () => {
    const all = { checkpointWard: '00999', officialOrigin: 'https://other.example', cccdQr: card('001190099999') };

    it('all four, in the spec order', async () => {
      expect(await warningsOf(WORKDAYS, { ...all, at: vn('2021-08-22T10:00:00') })).toEqual([
        'off_route',
        'outside_schedule',
        'untrusted_origin',
        'identity_mismatch',
      ]);
      expect(WARNINGS).toEqual(['off_route', 'outside_schedule', 'untrusted_origin', 'identity_mismatch']);
    });

    it('none with any other verdict', async () => {
      const expired = await check(WORKDAYS, { ...all, at: TIMES.exp * 1000 });
      expect(expired).toMatchObject({ verdict: 'expired', warnings: [] });
      const notYet = await check(WORKDAYS, { ...all, at: (TIMES.nbf - 1) * 1000 });
      expect(notYet).toMatchObject({ verdict: 'not_yet_valid', warnings: [] });
      const list = loadRevocationList({
        format: 'thonghanh-revoked/1',
        updated: '2021-08-16T00:00:00Z',
        version: 1,
        revoked: [b64u(CTI)],
      });
      if (!list.ok) throw new Error(list.message);
      const revoked = await check(WORKDAYS, { ...all, revoked: list.value, at: vn('2021-08-22T10:00:00') });
      expect(revoked).toMatchObject({ verdict: 'revoked', warnings: [] });
    });
  });
});
