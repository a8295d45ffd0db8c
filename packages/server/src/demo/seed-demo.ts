import { hashPassword } from '../auth/password.js';
import { ROLES } from '../authz/index.js';
import { type Clock, systemClock } from '../clock.js';
import type { Config } from '../config.js';
import type { Db } from '../db/schema.js';
import type { FileStorage } from '../dossiers/attachments/file-storage.js';
import { demoInspectionStep } from '../inspection/demo-inspection.js';
import { demoPermitsStep } from '../permits/demo-permits.js';
import { countUsers } from '../users/user-query.js';
import { demoBusinessesStep } from './demo-businesses.js';
import { demoCheckpointsStep } from './demo-checkpoints.js';
import { DEMO_PASSWORD, type DemoContext, type DemoLogin, type DemoStep } from './demo-context.js';
import { DEMO_ACCOUNTS, demoUsersStep } from './demo-users.js';

/**
 * The demo, in order. Later parts (businesses, dossiers, staff lists, keys) add their step
 * here; a step finds the accounts made before it in `ctx.users`.
 */
export const DEMO_STEPS: DemoStep[] = [
  demoUsersStep,
  demoCheckpointsStep,
  demoBusinessesStep,
  demoPermitsStep,
  demoInspectionStep,
];

export interface SeedDemoResult {
  /** True when this call seeded; false when the database already had users. */
  seeded: boolean;
  password: string;
  logins: DemoLogin[];
}

/**
 * Seeds the demo on a database without users (jurisdictions must be loaded). All steps run
 * in one transaction: a failure leaves the database empty for the next try.
 */
export async function seedDemo(
  db: Db,
  options: {
    clock?: Clock;
    steps?: DemoStep[];
    passwordHash?: string;
    storage?: FileStorage;
    /** Master key and ORIGIN for the steps that sign (ward key, unit QR codes, permits); without it they are skipped. */
    config?: Pick<Config, 'masterKey' | 'keysDir' | 'publicUrl'>;
  } = {},
): Promise<SeedDemoResult> {
  if ((await countUsers(db)) > 0) {
    // Already seeded earlier: list the demo accounts still there, so a restart prints them again.
    const names = DEMO_ACCOUNTS.map((a) => a.username);
    const present = await db.selectFrom('users').select('username').where('username', 'in', names).execute();
    const have = new Set(present.map((r) => r.username));
    const logins = DEMO_ACCOUNTS.filter((a) => have.has(a.username)).map((a) => ({
      username: a.username,
      role: ROLES[a.role],
      note: a.note,
    }));
    return { seeded: false, password: DEMO_PASSWORD, logins };
  }
  const passwordHash = options.passwordHash ?? (await hashPassword(DEMO_PASSWORD));
  const now = (options.clock ?? systemClock).now();
  const logins: DemoLogin[] = [];
  await db.transaction().execute(async (tx) => {
    const ctx: DemoContext = { db: tx, now, password: DEMO_PASSWORD, passwordHash, users: new Map(), logins };
    if (options.storage) ctx.storage = options.storage;
    if (options.config) ctx.config = options.config;
    for (const step of options.steps ?? DEMO_STEPS) await step.run(ctx);
  });
  return { seeded: true, password: DEMO_PASSWORD, logins };
}
