import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildApp } from '../app.js';
import type { BusinessRecord } from '../businesses/business-presenter.js';
import { scanBatchRoute } from '../scans/routes.js';
import { type Agent, forEachApp, signIn, testConfig } from '../test/app.js';
import { forEachDatabase } from '../test/databases.js';
import { makeBusiness, makeUser } from '../test/factories.js';
import { findBadCharacters } from './input-characters.js';
import { defineRoute } from './route.js';

describe('findBadCharacters', () => {
  it('refuses NUL and the other C0 controls and DEL, naming the field and the character', () => {
    for (const c of ['\u0000', '\u0001', '\u0008', '\u000B', '\u000C', '\u000E', '\u001F', '\u007F']) {
      expect(findBadCharacters({ q: `a${c}b` }, 'query')).toEqual([
        {
          path: 'query.q',
          code: 'control_character',
          message: `Có ký tự điều khiển U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}, không được phép.`,
        },
      ]);
    }
  });

  it('allows tab, line feed and carriage return only in the multi-line fields named', () => {
    const body = { name: 'Một\ndòng', note: 'Dòng 1\r\nDòng 2\tcột', people: [{ reason: 'a\nb' }, { reason: 'c\nd' }] };
    expect(findBadCharacters(body, 'body', ['note', 'people.*.reason'])).toEqual([
      { path: 'body.name', code: 'line_break', message: expect.stringContaining('một dòng') },
    ]);
    expect(findBadCharacters(body, 'body', ['name', 'note']).map((i) => i.path)).toEqual([
      'body.people.0.reason',
      'body.people.1.reason',
    ]);
    expect(findBadCharacters({ note: 'a\u0000\nb' }, 'body', ['note'])[0]?.code).toBe('control_character');
  });

  it('refuses unpaired UTF-16 surrogates but not whole characters outside the BMP', () => {
    expect(findBadCharacters(JSON.parse('{"a":"x\\ud800y","b":"\\udc00","c":"𠀀 😀"}'), 'body')).toEqual([
      { path: 'body.a', code: 'lone_surrogate', message: expect.any(String) },
      { path: 'body.b', code: 'lone_surrogate', message: expect.any(String) },
    ]);
  });

  it('checks object keys, array items and nested values; Vietnamese text passes', () => {
    expect(findBadCharacters({ 'a\u0000': 1, list: ['ok', ['x\u0007']] }, 'body').map((i) => i.path)).toEqual([
      'body',
      'body.list.1.0',
    ]);
    expect(findBadCharacters({ name: 'Công ty TNHH Thực phẩm Đức Giang — “Số 1”' }, 'body')).toEqual([]);
    expect(findBadCharacters(undefined, 'body')).toEqual([]);
  });

  it('walks a very deep body without overflowing the stack, and stops at 20 issues', () => {
    let deep: unknown = 'x\u0000';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(findBadCharacters(deep, 'body')).toHaveLength(1);
    expect(
      findBadCharacters(
        Array.from({ length: 500 }, () => '\u0000'),
        'body',
      ),
    ).toHaveLength(20);
  });
});

describe('bad characters at the HTTP layer', () => {
  forEachApp((t) => {
    let desk: Agent;
    let business: BusinessRecord;
    const counts = async () => ({
      audit: (await t.db.selectFrom('audit_log').select('seq').execute()).length,
      limits: (await t.db.selectFrom('rate_limits').select('key').execute()).length,
      businesses: (await t.db.selectFrom('businesses').select('id').where('status', '=', 'active').execute()).length,
    });
    beforeAll(async () => {
      desk = await signIn(t.app, await makeUser(t.db, { role: 'ward_officer' }));
      business = await makeBusiness(t.db, { status: 'pending' });
    });

    it('answers a NUL in a search, a login, a note and a path param with 400 invalid_characters, writing nothing', async () => {
      const before = await counts();
      const answers = [
        ['query.q', await desk.get('/api/v1/businesses?q=C%C3%B4ng%00ty')],
        [
          'body.username',
          await t.app.inject({
            method: 'POST',
            url: '/api/v1/auth/login',
            payload: { username: 'motcua\u0000', password: 'x' },
          }),
        ],
        ['body.note', await desk.post(`/api/v1/businesses/${business.id}/accept`, { note: 'Đã kiểm tra\u0000' })],
        ['params.id', await desk.get(`/api/v1/businesses/${business.id.slice(0, 8)}%00`)],
      ] as const;
      for (const [path, res] of answers) {
        expect([res.statusCode, res.json().error.code], path).toEqual([400, 'invalid_characters']);
        expect(res.json().error.issues.map((i: { path: string }) => i.path)).toEqual([path]);
      }
      expect(await counts()).toEqual(before);
    });

    it('refuses a line break in a one-line field and a lone surrogate anywhere; takes a multi-line note', async () => {
      const name = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'mot\ncua', password: 'x' },
      });
      expect(name.json().error).toMatchObject({ code: 'invalid_characters', issues: [{ code: 'line_break' }] });
      const surrogate = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { 'content-type': 'application/json' },
        payload: '{"username":"motcua","password":"\\ud83d"}',
      });
      expect(surrogate.json().error).toMatchObject({
        code: 'invalid_characters',
        issues: [{ path: 'body.password', code: 'lone_surrogate' }],
      });
      const accepted = await desk.post(`/api/v1/businesses/${business.id}/accept`, {
        note: 'Đã đối chiếu giấy phép.\r\nHồ sơ đầy đủ.',
      });
      expect(accepted.statusCode, accepted.body).toBe(200);
    });

    it('answers a path that is not valid UTF-8 with 400 bad_request; a broken query byte is only a search', async () => {
      for (const url of ['/api/v1/businesses/%FF', '/api/v1/businesses/%ED%A0%80']) {
        const res = await desk.get(url);
        expect([res.statusCode, res.json().error.code]).toEqual([400, 'bad_request']);
      }
      // The query parser turns broken bytes into U+FFFD: a search that finds nothing.
      expect((await desk.get('/api/v1/businesses?q=%FF%ED%A0%80')).statusCode).toBe(200);
    });

    it('answers a body nested 100,000 deep with 400, not a crash', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { 'content-type': 'application/json' },
        payload: `{"username":${'['.repeat(100_000)}${']'.repeat(100_000)},"password":"x"}`,
      });
      expect(res.statusCode).toBe(400);
    });
  });
});

describe('a route that checks its body item by item', () => {
  forEachDatabase((t) => {
    it('gets the body as sent, while its query is still checked', async () => {
      const batch = defineRoute({
        method: 'POST',
        path: '/api/v1/batch',
        summary: 'takes items one by one',
        tags: [],
        access: { public: true },
        bodyCheckedPerItem: true,
        body: z.object({ items: z.array(z.string()) }),
        response: z.object({ bad: z.array(z.number()) }),
        handler: async ({ body }) => ({ bad: body.items.flatMap((s, i) => (s.includes('\u0000') ? [i] : [])) }),
      });
      const app = await buildApp({ db: t.db, config: testConfig(t), routes: [batch] });
      const ok = await app.inject({ method: 'POST', url: '/api/v1/batch', payload: { items: ['a', 'b\u0000', 'c'] } });
      expect([ok.statusCode, ok.json()]).toEqual([200, { bad: [1] }]);
      const query = await app.inject({ method: 'POST', url: '/api/v1/batch?x=%00', payload: { items: [] } });
      expect(query.json().error.code).toBe('invalid_characters');
      await app.close();
    });

    it('is how the scan sync is declared (one bad scan must not refuse the batch)', () => {
      expect(scanBatchRoute.bodyCheckedPerItem).toBe(true);
    });
  });
});
