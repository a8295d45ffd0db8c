import type { FastifyInstance, FastifyServerFactory } from 'fastify';
import { buildApp } from './app.js';
import { auditAnchorer } from './audit/audit-anchorer.js';
import { type Clock, systemClock } from './clock.js';
import type { Config } from './config.js';
import type { Db } from './db/schema.js';
import type { FileStorage } from './dossiers/attachments/file-storage.js';
import type { EarlyServer } from './http/http-server.js';
import { createLogger, type Logger } from './log.js';
import { logMailer, smtpMailer } from './mail/mailer.js';
import { scheduleDeadlineReminders } from './notifications/deadline-reminders.js';
import { boxed, publicUrlWarning } from './public-url-warning.js';

export interface StartedApp {
  app: FastifyInstance;
  /** Stops the timers, closes the app (the batch in progress finishes its chunk), anchors the audit log. */
  close(): Promise<void>;
}

/**
 * What server.ts loads once its socket listens: the logger, Fastify with every route, the
 * audit anchorer, the mailer and the deadline reminders; then hands the socket's requests
 * to the app and resumes the permit batches a stop left half-done.
 */
export async function startApp(args: {
  db: Db;
  config: Config;
  storage: FileStorage;
  early: EarlyServer;
  demo: boolean;
  clock?: Clock;
  logger?: Logger;
  warn?: (text: string) => void;
}): Promise<StartedApp> {
  const { db, config, early } = args;
  const clock = args.clock ?? systemClock;
  const logger = args.logger ?? createLogger({ level: config.logLevel });
  const mailer = config.smtpUrl ? smtpMailer(config.smtpUrl, logger) : logMailer(logger);
  const anchorer = auditAnchorer(db, {
    keys: config,
    file: config.auditAnchorsFile,
    clock,
    log: (level, message, extra) => logger[level](extra, message),
  });
  let handler: Parameters<FastifyServerFactory>[0] | undefined;
  let app: FastifyInstance;
  try {
    app = await buildApp({
      db,
      config,
      storage: args.storage,
      auditAnchorer: anchorer,
      logger,
      mailer,
      ...(args.clock ? { clock: args.clock } : {}),
      // Fastify runs in the socket that already listens; it gets the requests once ready.
      serverFactory: (h) => {
        handler = h;
        return early.server;
      },
    });
    await app.ready();
  } catch (e) {
    await anchorer.stop();
    throw e;
  }
  if (!handler) throw new Error('Fastify did not ask for its server');
  early.ready(handler);
  // Anchor what start-up wrote (jurisdictions, the demo) and, now and then, what no request did (reminders).
  await anchorer.flush();
  const anchorTimer = setInterval(() => anchorer.request(), 60_000);
  anchorTimer.unref();
  // The ward desk's 24-hour deadline reminders, every few minutes.
  const reminders = scheduleDeadlineReminders(db, {
    mailer,
    publicUrl: config.publicUrl,
    clock,
    log: (err) => logger.error({ err }, 'deadline reminders failed'),
  });
  const warning = publicUrlWarning(config, args.demo);
  if (warning) {
    (args.warn ?? ((text) => process.stderr.write(text)))(boxed(warning));
    app.log.warn({ publicUrl: config.publicUrl }, warning.slice(0, 3).join(' '));
  }
  // Batches a stopped or killed server left half-done go on from their last whole chunk.
  await app.permitBatches.resumePending();
  return {
    app,
    close: async () => {
      reminders.stop();
      clearInterval(anchorTimer);
      // No new connections; idle keep-alive ones close, requests in progress finish.
      const closed = new Promise<void>((resolve) => early.server.close(() => resolve()));
      early.server.closeIdleConnections();
      await app.close();
      await closed;
      await anchorer.flush();
      await anchorer.stop();
    },
  };
}
