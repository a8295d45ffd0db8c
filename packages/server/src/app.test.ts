import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildApp } from './app.js';
import { defineRoute } from './http/route.js';
import { forEachApp, testConfig } from './test/app.js';
import { forEachDatabase } from './test/databases.js';

describe('the app', () => {
  forEachApp((t) => {
    it('answers /healthz after checking the database', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/healthz' });
      expect([res.statusCode, res.json()]).toEqual([200, { status: 'ok', database: t.kind }]);
    });

    it('answers an unknown API path with a JSON 404', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/khong-co' });
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('not_found');
    });

    it('sends security headers, and no-store on the API', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/admin-units' });
      expect(res.headers).toMatchObject({
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'DENY',
        'cache-control': 'no-store',
      });
    });

    it('sends a content security policy that allows only this origin, and the decoder its wasm', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/healthz' });
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain("'unsafe-eval'");
    });
  });
});

describe('the app without a web build', () => {
  forEachDatabase((t) => {
    it('serves a Vietnamese page saying the web app is not built', async () => {
      const config = { ...testConfig(t), webDistDir: join(t.dir, 'no-dist') };
      const app = await buildApp({ db: t.db, config });
      const res = await app.inject({ method: 'GET', url: '/' });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/text\/html/);
      expect(res.body).toContain('ứng dụng web chưa được xây dựng');
      await app.close();
    });
  });
});

describe('the app with a web build', () => {
  forEachDatabase((t) => {
    it('serves files, falls back to index.html for app paths, never for /api', async () => {
      const dist = mkdtempSync(join(tmpdir(), 'thonghanh-dist-'));
      mkdirSync(join(dist, 'assets'));
      writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Thông hành</title><div id="root"></div>');
      writeFileSync(join(dist, 'assets', 'app-1234.js'), 'console.log(1)');
      const app = await buildApp({ db: t.db, config: { ...testConfig(t), webDistDir: dist } });
      const index = await app.inject({ method: 'GET', url: '/' });
      expect(index.body).toContain('id="root"');
      const asset = await app.inject({ method: 'GET', url: '/assets/app-1234.js' });
      expect([asset.statusCode, asset.headers['cache-control']]).toEqual([200, 'public, max-age=31536000, immutable']);
      const deep = await app.inject({ method: 'GET', url: '/ho-so/123', headers: { accept: 'text/html' } });
      expect([deep.statusCode, deep.body.includes('id="root"')]).toEqual([200, true]);
      const api = await app.inject({ method: 'GET', url: '/api/v1/khong-co', headers: { accept: 'text/html' } });
      expect([api.statusCode, api.json().error.code]).toEqual([404, 'not_found']);
      await app.close();
    });
  });
});

describe('the error handler', () => {
  forEachDatabase((t) => {
    it('turns an unexpected error into 500 internal_error without details', async () => {
      const boom = defineRoute({
        method: 'GET',
        path: '/api/v1/boom',
        summary: 'boom',
        tags: [],
        access: { public: true },
        response: z.object({}),
        handler: async () => {
          throw new Error('secret detail');
        },
      });
      const drift = defineRoute({
        method: 'GET',
        path: '/api/v1/drift',
        summary: 'a response that does not match its schema',
        tags: [],
        access: { public: true },
        response: z.object({ n: z.number() }),
        handler: async () => ({ n: 'one' }) as unknown as { n: number },
      });
      const app = await buildApp({ db: t.db, config: testConfig(t), routes: [boom, drift] });
      for (const url of ['/api/v1/boom', '/api/v1/drift']) {
        const res = await app.inject({ method: 'GET', url });
        expect(res.statusCode).toBe(500);
        expect(res.json()).toEqual({
          error: { code: 'internal_error', message: 'Đã có lỗi hệ thống. Vui lòng thử lại sau.' },
        });
      }
      await app.close();
    });

    it('rolls back a write route whose handler fails after writing', async () => {
      const half = defineRoute({
        method: 'POST',
        path: '/api/v1/half',
        summary: 'writes, then fails',
        tags: [],
        access: { public: true },
        response: z.object({}),
        handler: async ({ db }) => {
          await db.updateTable('audit_head').set({ hash: 'x' }).execute();
          throw new Error('after the write');
        },
      });
      const app = await buildApp({ db: t.db, config: testConfig(t), routes: [half] });
      expect((await app.inject({ method: 'POST', url: '/api/v1/half' })).statusCode).toBe(500);
      expect((await t.db.selectFrom('audit_head').select('hash').executeTakeFirstOrThrow()).hash).not.toBe('x');
      await app.close();
    });
  });
});

describe('after-commit tasks', () => {
  forEachDatabase((t) => {
    it('run after a write commits, never after a rollback, and a failing task does not fail the request', async () => {
      const ran: string[] = [];
      const route = (path: string, fail: boolean) =>
        defineRoute({
          method: 'POST',
          path,
          summary: path,
          tags: [],
          access: { public: true },
          response: z.object({ ok: z.boolean() }),
          handler: async ({ afterCommit }) => {
            afterCommit(async () => {
              ran.push(path);
            });
            afterCommit(async () => {
              throw new Error('mail server down');
            });
            if (fail) throw new Error('rolled back');
            return { ok: true };
          },
        });
      const app = await buildApp({
        db: t.db,
        config: testConfig(t),
        routes: [route('/api/v1/commits', false), route('/api/v1/rolls-back', true)],
      });
      expect((await app.inject({ method: 'POST', url: '/api/v1/commits' })).statusCode).toBe(200);
      expect((await app.inject({ method: 'POST', url: '/api/v1/rolls-back' })).statusCode).toBe(500);
      expect(ran).toEqual(['/api/v1/commits']);
      await app.close();
    });
  });
});
