import { mkdirSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { bindAuditKey } from './audit/audit-key.js';
import type { Clock } from './clock.js';
import type { Config } from './config.js';
import { createDatabase } from './db/database.js';
import { prepareDatabase } from './db/prepare-database.js';
import type { Db } from './db/schema.js';
import type { SeedDemoResult } from './demo/seed-demo.js';
import { localDiskStorage } from './dossiers/attachments/file-storage.js';
import { earlyServer } from './http/http-server.js';
import type { Logger } from './log.js';

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

/**
 * Opens the database, migrates, checks the keys, loads jurisdictions, seeds the demo if
 * asked, listens — answering /healthz from then on — and only then loads the application
 * (start-app.ts), which takes most of a start (docs/runtime.md "Start-up"). Resolves once
 * the application serves every route; requests that came before waited for it.
 */
export async function startServer(config: Config, options: StartOptions): Promise<RunningServer> {
  for (const dir of [config.dataDir, config.uploadsDir, config.keysDir]) mkdirSync(dir, { recursive: true });
  const db = createDatabase(config.database);
  bindAuditKey(db, config);
  const early = earlyServer(db, config);
  try {
    // Refuses to go on (DeploymentKeyError) when the master or audit key is not the data's.
    await prepareDatabase(db, options.clock, config);
    const storage = localDiskStorage(config.uploadsDir);
    const demo = options.demo
      ? await (await import('./demo/seed-demo.js')).seedDemo(db, {
          storage,
          config,
          ...(options.clock ? { clock: options.clock } : {}),
        })
      : null;
    await early.listen(config.port, config.host);
    // Node ≥ 22 loads an import()'s whole module graph without returning to the event loop:
    // the big packages first, one by one, so that /healthz gets through between them.
    for (const load of [() => import('pino'), () => import('fastify'), () => import('@fastify/multipart')]) {
      await load();
      await new Promise((resolve) => setImmediate(resolve));
    }
    const { startApp } = await import('./start-app.js');
    const started = await startApp({
      db,
      config,
      storage,
      early,
      demo: options.demo,
      ...(options.clock ? { clock: options.clock } : {}),
      ...(options.logger ? { logger: options.logger } : {}),
      ...(options.warn ? { warn: options.warn } : {}),
    });
    const address = early.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
    return {
      app: started.app,
      db,
      listenUrl: `http://${host}:${port}`,
      demo,
      close: async () => {
        await started.close();
        await db.destroy();
      },
    };
  } catch (e) {
    await early.fail();
    await db.destroy();
    throw e;
  }
}
