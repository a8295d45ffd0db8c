import { type Config, ConfigError, loadConfig } from '../config.js';
import { createDatabase } from '../db/database.js';
import type { Db } from '../db/schema.js';
import type { CliIo } from './io.js';
import { UsageError } from './io.js';

/** Runs `work` on the database named by the environment, closing it afterwards. */
export async function withDatabase<T>(io: CliIo, work: (db: Db, config: Config) => Promise<T>): Promise<T> {
  let config: Config;
  try {
    config = loadConfig(process.env, io.cwd);
  } catch (e) {
    if (e instanceof ConfigError) throw new UsageError(e.message);
    throw e;
  }
  const db = createDatabase(config.database);
  try {
    return await work(db, config);
  } finally {
    await db.destroy();
  }
}
