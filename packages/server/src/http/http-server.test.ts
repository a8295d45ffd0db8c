import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createDatabase } from '../db/database.js';
import { type EarlyServer, earlyServer } from './http-server.js';
import { CONTENT_SECURITY_POLICY } from './security-headers.js';

// The socket server.ts listens on before the app is loaded: /healthz answers at once, the
// rest waits for the app and is answered by it; a failed start answers 503.
describe('the early server', () => {
  const db = createDatabase({ kind: 'sqlite', file: ':memory:' });
  let early: EarlyServer | undefined;
  afterEach(async () => {
    early?.server.closeAllConnections();
    await new Promise((r) => (early?.server.listening ? early.server.close(r) : r(null)));
  });

  async function listening(): Promise<string> {
    early = earlyServer(db, { database: { kind: 'sqlite', file: ':memory:' }, strictTransportSecurity: true });
    await early.listen(0, '127.0.0.1');
    return `http://127.0.0.1:${(early.server.address() as AddressInfo).port}`;
  }

  it('answers GET /healthz before the app is ready, with the headers of every response', async () => {
    const url = await listening();
    const res = await fetch(`${url}/healthz`);
    expect([res.status, await res.json()]).toEqual([200, { status: 'ok', database: 'sqlite' }]);
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('strict-transport-security')).toBe('max-age=31536000');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
  });

  it('holds other requests, bodies unread, until the app is ready, then hands them over', async () => {
    const url = await listening();
    const seen: string[] = [];
    const first = fetch(`${url}/api/v1/a`, { method: 'POST', body: 'một' });
    const second = fetch(`${url}/api/v1/b`);
    await new Promise((r) => setTimeout(r, 100));
    const health = await fetch(`${url}/healthz`);
    expect(health.status).toBe(200);
    early?.ready((req, res) => {
      let body = '';
      req.setEncoding('utf8').on('data', (d: string) => {
        body += d;
      });
      req.on('end', () => {
        seen.push(`${req.method} ${req.url} ${body}`);
        res.end('app');
      });
    });
    expect(await (await first).text()).toBe('app');
    expect(await (await second).text()).toBe('app');
    expect(seen.sort()).toEqual(['GET /api/v1/b ', 'POST /api/v1/a một']);
    // Once ready, /healthz is the app's too.
    expect(await (await fetch(`${url}/healthz`)).text()).toBe('app');
  });

  it('answers what waited with 503 when the app does not start, and closes', async () => {
    const url = await listening();
    const waiting = fetch(`${url}/api/v1/x`);
    await new Promise((r) => setTimeout(r, 100));
    await early?.fail();
    expect((await waiting).status).toBe(503);
    expect(early?.server.listening).toBe(false);
  });
});
