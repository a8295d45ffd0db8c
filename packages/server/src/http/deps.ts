import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { Db } from '../db/schema.js';
import type { Mailer } from '../mail/mailer.js';

/** What every route handler can reach, besides its request: passed in, never imported. */
export interface AppDeps {
  db: Db;
  config: Config;
  clock: Clock;
  mailer: Mailer;
}
