import { mkdirSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import { type AuditAnchorer, auditAnchorer } from './audit/audit-anchorer.js';
import { bindAuditKey } from './audit/audit-key.js';
import { type Clock, systemClock } from './clock.js';
import type { Config } from './config.js';
import { createDatabase } from './db/database.js';
import { prepareDatabase } from './db/prepare-database.js';
import type { Db } from './db/schema.js';
import { type SeedDemoResult, seedDemo } from './demo/seed-demo.js';
import { localDiskStorage } from './dossiers/attachments/file-storage.js';
import { createLogger, type Logger } from './log.js';
import { logMailer, smtpMailer } from './mail/mailer.js';
import { scheduleDeadlineReminders } from './notifications/deadline-reminders.js';
import { boxed, publicUrlWarning } from './public-url-warning.js';

export interface StartOptions {
  /** Seed the demo on an empty database (default: outside production). */
  demo: boolean;
  clock?: Clock;
  /** The server's logger (default: JSON on stdout, pino-pretty on a terminal; docs/runtime.md). */
  logger?: Logger;
  /** Where start-up warnings go (default: stderr). */
  warn?: (text: string) => void;
}

export interface RunningServer {
  app: FastifyInstance;
  db: Db;
  /** Where it actually listens (PORT=0 picks a free port). */
  listenUrl: string;
  demo: SeedDemoResult | null;
  close(): Promise<void>;
}

/** Opens the database, migrates, loads jurisdictions, seeds the demo if asked, listens. */
export async function startServer(config: Config, options: StartOptions): Promise<RunningServer> {
  for (const dir of [config.dataDir, config.uploadsDir, config.keysDir]) mkdirSync(dir, { recursive: true });
  const logger = options.logger ?? createLogger({ level: config.logLevel });
  const db = createDatabase(config.database);
  bindAuditKey(db, config);
  let anchorer: AuditAnchorer | null = null;
  try {
    // Refuses to go on (DeploymentKeyError) when the master or audit key is not the data's.
    await prepareDatabase(db, options.clock, config);
    const storage = localDiskStorage(config.uploadsDir);
    const demo = options.demo
      ? await seedDemo(db, { storage, config, ...(options.clock ? { clock: options.clock } : {}) })
      : null;
    const mailer = config.smtpUrl ? smtpMailer(config.smtpUrl, logger) : logMailer(logger);
    anchorer = auditAnchorer(db, {
      keys: config,
      file: config.auditAnchorsFile,
      clock: options.clock ?? systemClock,
      log: (level, message, extra) => logger[level](extra, message),
    });
    const app = await buildApp({
      db,
      config,
      storage,
      auditAnchorer: anchorer,
      logger,
      mailer,
      ...(options.clock ? { clock: options.clock } : {}),
    });
    // Anchor what start-up wrote (jurisdictions, the demo) and, now and then, what no request did (reminders).
    await anchorer.flush();
    const anchorTimer = setInterval(() => anchorer?.request(), 60_000);
    anchorTimer.unref();
    // The ward desk's 24-hour deadline reminders, every few minutes.
    const reminders = scheduleDeadlineReminders(db, {
      mailer,
      publicUrl: config.publicUrl,
      clock: options.clock ?? systemClock,
      log: (err) => logger.error({ err }, 'deadline reminders failed'),
    });
    const warning = publicUrlWarning(config, options.demo);
    if (warning) {
      (options.warn ?? ((text) => process.stderr.write(text)))(boxed(warning));
      app.log.warn({ publicUrl: config.publicUrl }, warning.slice(0, 3).join(' '));
    }
    await app.listen({ port: config.port, host: config.host });
    // Batches a stopped or killed server left half-done go on from their last whole chunk.
    await app.permitBatches.resumePending();
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
    return {
      app,
      db,
      listenUrl: `http://${host}:${port}`,
      demo,
      close: async () => {
        reminders.stop();
        clearInterval(anchorTimer);
        await app.close();
        await anchorer?.flush();
        await anchorer?.stop();
        await db.destroy();
      },
    };
  } catch (e) {
    await anchorer?.stop();
    await db.destroy();
    throw e;
  }
}
