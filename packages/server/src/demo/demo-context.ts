import type { Executor, UserRow } from '../db/schema.js';
import type { FileStorage } from '../dossiers/attachments/file-storage.js';

/** What demo steps share: the transaction, the time, and what earlier steps made. */
export interface DemoContext {
  db: Executor;
  now: Date;
  /** One password for every demo account, printed at start-up. */
  password: string;
  /** Its hash, computed once (scrypt is slow on purpose). */
  passwordHash: string;
  /** Demo accounts by username (a businesses step sets `doanhnghiep.demo`'s business_id). */
  users: Map<string, UserRow>;
  /** One line per account to print: username, role label, what it is for. */
  logins: DemoLogin[];
  /** Where demo files go (the plans' scans); absent: the demo has no files. */
  storage?: FileStorage;
}

export interface DemoLogin {
  username: string;
  role: string;
  note: string;
}

/** One part of the demo. Steps run in order, in one transaction. */
export interface DemoStep {
  name: string;
  run(ctx: DemoContext): Promise<void>;
}

/** The demo jurisdiction: Hà Nội → Long Biên → Đức Giang. */
export const DEMO = { province: '01', district: '004', ward: '00124' } as const;
export const DEMO_PASSWORD = 'ducgiang2021';
