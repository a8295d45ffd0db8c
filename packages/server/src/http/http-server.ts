import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { sql } from 'kysely';
import type { Config } from '../config.js';
import type { Db } from '../db/schema.js';
import { securityHeaders } from './security-headers.js';

/**
 * A client that stops sending mid-request (a cut upload, a slow-loris) is answered 408 after
 * 5 minutes (Fastify's default is never): room for 10 MB over a slow mobile link.
 */
export const REQUEST_TIMEOUT_MS = 300_000;
/** Fastify's default, set here because Fastify leaves a server it did not make alone. */
const KEEP_ALIVE_TIMEOUT_MS = 72_000;

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export interface EarlyServer {
  server: Server;
  /** Listens; resolves once the port is bound. */
  listen(port: number, host: string): Promise<void>;
  /** From now on every request goes to the app, those that waited first, in order. */
  ready(handler: Handler): void;
  /** The app did not start: waiting requests get 503 and the server closes. */
  fail(): Promise<void>;
}

/**
 * The server's socket, listening before the application is loaded (docs/runtime.md
 * "Start-up"): Fastify, the ~90 routes and their schemas take most of a start, and a
 * supervisor or load balancer only needs to know the process is up and its database answers.
 *
 * Until `ready()`, `GET /healthz` is answered here once the database answers `select 1`
 * (the same body and headers as the route of http/system-routes.ts), and every other request —
 * or a health check the database fails — waits, unread, and goes to the app when it is ready.
 * Nothing is refused, nothing answered by a half-built app.
 */
export function earlyServer(db: Db, config: Pick<Config, 'database' | 'strictTransportSecurity'>): EarlyServer {
  let app: Handler | null = null;
  let failed = false;
  const waiting: Array<[IncomingMessage, ServerResponse]> = [];
  const wait = (req: IncomingMessage, res: ServerResponse) => {
    if (app) app(req, res);
    else if (failed) unavailable(res);
    else waiting.push([req, res]);
  };
  const server = createServer((req, res) => {
    if (app) return app(req, res);
    if (failed) return unavailable(res);
    const path = (req.url ?? '').split('?')[0];
    if (req.method !== 'GET' || path !== '/healthz') return wait(req, res);
    sql`select 1`.execute(db).then(
      () => {
        const body = JSON.stringify({ status: 'ok', database: config.database.kind });
        res.writeHead(200, [
          ['content-type', 'application/json; charset=utf-8'],
          ['content-length', String(Buffer.byteLength(body))],
          ...securityHeaders(config, path),
        ]);
        res.end(body);
      },
      // The route answers with the error the app gives (`database_unavailable`).
      () => wait(req, res),
    );
  });
  server.requestTimeout = REQUEST_TIMEOUT_MS;
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  return {
    server,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve();
        });
      }),
    ready(handler) {
      app = handler;
      for (const [req, res] of waiting.splice(0)) handler(req, res);
    },
    async fail() {
      failed = true;
      for (const [, res] of waiting.splice(0)) unavailable(res);
      server.closeIdleConnections();
      await new Promise<void>((resolve) => (server.listening ? server.close(() => resolve()) : resolve()));
    },
  };
}

function unavailable(res: ServerResponse): void {
  res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8', connection: 'close' });
  res.end('Máy chủ không khởi động được.\n');
}
