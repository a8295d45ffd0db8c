import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import Fastify, { type FastifyInstance, type FastifyServerFactory } from 'fastify';
import type { AuditAnchorer } from './audit/audit-anchorer.js';
import { type Clock, systemClock } from './clock.js';
import type { Config } from './config.js';
import type { Db } from './db/schema.js';
import { type FileStorage, localDiskStorage } from './dossiers/attachments/file-storage.js';
import { MAX_UPLOAD_BYTES } from './dossiers/attachments/read-uploaded-file.js';
import type { AppDeps } from './http/deps.js';
import { clientErrorHandler, frameworkErrorHandler, registerErrorHandler } from './http/error-handler.js';
import { REQUEST_TIMEOUT_MS } from './http/http-server.js';
import { lazySchemaCompilers } from './http/lazy-schema-compilers.js';
import { registerRoutes } from './http/register-routes.js';
import { registerRequestAuth } from './http/request-auth.js';
import type { AnyRoute } from './http/route.js';
import { securityHeaders } from './http/security-headers.js';
import { registerWebApp } from './http/web-app.js';
import { createLogger, type Logger } from './log.js';
import { logMailer, type Mailer, smtpMailer } from './mail/mailer.js';
import { type BatchRunner, batchRunner } from './permits/batches/batch-runner.js';
import { permitWorkflowHooks } from './permits/workflow-hooks.js';
import { ALL_ROUTES } from './routes.js';
import type { WorkflowHooks } from './workflow/hooks.js';

export { CONTENT_SECURITY_POLICY, STRICT_TRANSPORT_SECURITY } from './http/security-headers.js';

export interface BuildAppOptions {
  db: Db;
  config: Config;
  clock?: Clock;
  mailer?: Mailer;
  /** In-transaction hooks of the dossier workflow (default: permits' — unit QR, revocations). */
  hooks?: WorkflowHooks;
  /** Uploaded files (default: the local disk under `config.uploadsDir`). */
  storage?: FileStorage;
  /** Default: every route (routes.ts). */
  routes?: AnyRoute[];
  /** Anchors the audit chain after each API response (server.ts makes one; tests usually don't). */
  auditAnchorer?: AuditAnchorer;
  /** The server's logger (default: a new one at `config.logLevel`); requests log through its children. */
  logger?: Logger;
  /** People per background chunk of a permit batch (tests; default BACKGROUND_CHUNK). */
  permitChunkSize?: number;
  /**
   * The HTTP server, already listening, that hands requests to the app once it is ready
   * (server.ts: early-listener.ts). Default: Fastify's own, started by `app.listen()`.
   */
  serverFactory?: FastifyServerFactory;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The background worker of permit batches (server start resumes what a kill left running). */
    permitBatches: BatchRunner;
  }
}

/**
 * The HTTP application on a migrated database: cookies, session resolution, the API routes,
 * the error handler, security headers and the web app. Does not listen (see server.ts);
 * tests call `app.inject()`.
 */
export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const { db, config } = options;
  const logger = options.logger ?? createLogger({ level: config.logLevel });
  const app = Fastify({
    loggerInstance: logger,
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    // A client that stops sending mid-request (a cut upload, a slow-loris) is answered 408
    // after 5 minutes (Fastify's default is never): room for 10 MB over a slow mobile link.
    requestTimeout: REQUEST_TIMEOUT_MS,
    clientErrorHandler,
    frameworkErrors: frameworkErrorHandler,
    schemaController: { compilersFactory: lazySchemaCompilers },
    ...(options.serverFactory ? { serverFactory: options.serverFactory } : {}),
  });
  const clock = options.clock ?? systemClock;
  const permitBatches = batchRunner({
    db,
    config,
    clock,
    log: app.log,
    ...(options.permitChunkSize ? { chunkSize: options.permitChunkSize } : {}),
  });
  app.decorate('permitBatches', permitBatches);
  // Closing waits for the chunk in progress; the batch stays `running` for the next start.
  app.addHook('onClose', async () => permitBatches.stop());
  const deps: AppDeps = {
    db,
    config,
    clock,
    mailer: options.mailer ?? (config.smtpUrl ? smtpMailer(config.smtpUrl, logger) : logMailer(logger)),
    hooks: options.hooks ?? permitWorkflowHooks(config),
    storage: options.storage ?? localDiskStorage(config.uploadsDir),
    permitBatches,
  };
  await app.register(fastifyCookie);
  await app.register(fastifyMultipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 10, parts: 11 } });
  registerErrorHandler(app);
  registerRequestAuth(app, deps);
  app.addHook('onSend', async (req, reply) => {
    for (const [name, value] of securityHeaders(config, req.url)) reply.header(name, value);
  });
  const anchorer = options.auditAnchorer;
  if (anchorer) {
    // After the response: the request's transaction has committed (or rolled back) by then.
    app.addHook('onResponse', async (req) => {
      if (req.url.startsWith('/api/')) anchorer.request();
    });
  }
  registerRoutes(app, options.routes ?? ALL_ROUTES, deps);
  await registerWebApp(app, config.webDistDir);
  return app;
}
