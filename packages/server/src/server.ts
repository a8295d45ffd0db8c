import { mkdirSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import type { Clock } from './clock.js';
import type { Config } from './config.js';
import { createDatabase } from './db/database.js';
import { prepareDatabase } from './db/prepare-database.js';
import type { Db } from './db/schema.js';
import { type SeedDemoResult, seedDemo } from './demo/seed-demo.js';

export interface StartOptions {
  /** Seed the demo on an empty database (default: outside production). */
  demo: boolean;
  clock?: Clock;
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
  const db = createDatabase(config.database);
  try {
    await prepareDatabase(db, options.clock);
    const demo = options.demo ? await seedDemo(db, options.clock ? { clock: options.clock } : {}) : null;
    const app = await buildApp({ db, config, ...(options.clock ? { clock: options.clock } : {}) });
    await app.listen({ port: config.port, host: config.host });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
    return {
      app,
      db,
      listenUrl: `http://${host}:${port}`,
      demo,
      close: async () => {
        await app.close();
        await db.destroy();
      },
    };
  } catch (e) {
    await db.destroy();
    throw e;
  }
}
