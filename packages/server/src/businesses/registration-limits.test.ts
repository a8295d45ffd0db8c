import { taxCodeCheckDigit } from '@thonghanh/core';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { createDatabase } from '../db/database.js';
import type { Db } from '../db/schema.js';
import { forEachApp } from '../test/app.js';
import { WARDS } from '../test/constants.js';
import { makeUser } from '../test/factories.js';

let seq = 3000;
function taxCode(): string {
  for (;;) {
    const first9 = `0108${String(seq++).padStart(5, '0')}`;
    const d = taxCodeCheckDigit(first9);
    if (d !== null) return `${first9}${d}`;
  }
}

const body = (wardCode: string = WARDS.own, code = taxCode()) => ({
  taxCode: code,
  name: 'Công ty TNHH Cơ khí Thử Giới Hạn',
  address: 'Số 3 phố Đức Giang',
  wardCode,
  lineOfBusiness: 'Cơ khí',
  contactName: 'Người Liên Hệ',
  contactPhone: '0912 000 111',
  account: { password: 'mat-khau-gioi-han', fullName: 'Người Đại Diện' },
});

const register = (app: FastifyInstance, remoteAddress: string, payload: object = body()) =>
  app.inject({ method: 'POST', url: '/api/v1/businesses/register', payload, remoteAddress });

describe('public registration', () => {
  forEachApp((t) => {
    it('makes the tax code the representative’s username, whatever username is sent', async () => {
      const code = taxCode();
      const res = await register(t.app, '192.0.2.200', {
        ...body(WARDS.own, code),
        account: { username: 'toi.chon', password: 'mat-khau-gioi-han', fullName: 'Người Đại Diện' },
      });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().user.username).toBe(code);
      expect(await t.db.selectFrom('users').select('id').where('username', '=', 'toi.chon').execute()).toEqual([]);
    });

    it('answers a tax code that is already someone’s username like a registered tax code, and creates nothing', async () => {
      const code = taxCode();
      await makeUser(t.db, { username: code });
      const before = await t.db.selectFrom('businesses').select('id').execute();
      const res = await register(t.app, '192.0.2.201', body(WARDS.own, code));
      expect([res.statusCode, res.json().error.code]).toEqual([409, 'tax_code_taken']);
      expect(res.json().error.issues.map((i: { path: string }) => i.path)).toEqual(['body.taxCode']);
      expect(await t.db.selectFrom('businesses').select('id').execute()).toHaveLength(before.length);
    });

    it('takes 10 registrations an hour from one address, then 429 with Retry-After until the hour is over', async () => {
      const ip = '198.51.100.40';
      const code = taxCode();
      expect((await register(t.app, ip, body(WARDS.own, code))).statusCode).toBe(201);
      for (let i = 0; i < 9; i++) expect((await register(t.app, ip, body(WARDS.own, code))).statusCode).toBe(409);
      const refused = await register(t.app, ip);
      expect(refused.statusCode).toBe(429);
      expect(refused.json().error).toEqual({
        code: 'too_many_requests',
        message: 'Địa chỉ mạng này đã gửi quá nhiều đăng ký doanh nghiệp trong một giờ. Vui lòng thử lại sau 60 phút.',
      });
      expect(refused.headers['retry-after']).toBe('3600');
      // Another address is not held back.
      expect((await register(t.app, '198.51.100.41')).statusCode).toBe(201);
      t.clock.advance(20 * 60_000);
      expect((await register(t.app, ip)).headers['retry-after']).toBe(String(40 * 60));
      t.clock.advance(40 * 60_000);
      expect((await register(t.app, ip)).statusCode).toBe(201);
    });

    it('takes 30 registrations an hour for one ward, refused ones included, whatever the address', async () => {
      const ward = WARDS.sameDistrict;
      const code = taxCode();
      expect((await register(t.app, '203.0.113.200', body(ward, code))).statusCode).toBe(201);
      // A refused registration counts too: resending a taken tax code does not get round the limit.
      for (let i = 0; i < 29; i++) {
        expect((await register(t.app, `203.0.113.${i}`, body(ward, code))).json().error.code).toBe('tax_code_taken');
      }
      const refused = await register(t.app, '203.0.113.77', body(ward));
      expect(refused.statusCode).toBe(429);
      expect(refused.json().error.message).toContain('Phường này đang nhận quá nhiều đăng ký doanh nghiệp');
      expect(Number(refused.headers['retry-after'])).toBe(3600);
      expect((await register(t.app, '203.0.113.78', body(WARDS.other))).statusCode).toBe(201);
      const wardRows = await t.db.selectFrom('businesses').select('id').where('ward_code', '=', ward).execute();
      expect(wardRows).toHaveLength(1);
    });

    describe('with a second server on the same database', () => {
      let db2: Db;
      let app2: FastifyInstance;
      beforeAll(async () => {
        db2 = createDatabase(t.config);
        app2 = await buildApp({ db: db2, config: t.appConfig, clock: t.clock });
        await app2.ready();
      });
      afterAll(async () => {
        await app2?.close();
        await db2?.destroy();
      });

      it('shares the count: 5 + 5 counted, the 11th refused by either', async () => {
        const ip = '198.51.100.90';
        const code = taxCode();
        expect((await register(t.app, ip, body(WARDS.own, code))).statusCode).toBe(201);
        for (let i = 0; i < 9; i++) {
          const res = await register(i % 2 ? t.app : app2, ip, body(WARDS.own, code));
          expect(res.json().error.code).toBe('tax_code_taken');
        }
        expect((await register(app2, ip)).statusCode).toBe(429);
        expect((await register(t.app, ip)).statusCode).toBe(429);
      });
    });
  });
});
