import { SYSTEM_ACTOR } from '../audit/append-audit.js';
import { hashPassword } from '../auth/password.js';
import type { Role } from '../authz/index.js';
import type { CheckpointRecord } from '../checkpoints/checkpoint-query.js';
import { createCheckpoint } from '../checkpoints/save-checkpoint.js';
import type { Db, UserRow } from '../db/schema.js';
import { createUser } from '../users/create-user.js';
import type { ScopeInput } from '../users/resolve-user-scope.js';
import { TEST_CLOCK_START, WARDS } from './constants.js';

/** The password of every factory-made user. */
export const TEST_PASSWORD = 'mat-khau-thu-nghiem';

/** Its hash with a cheap scrypt cost (the stored string carries the cost, so login checks it as usual). */
let cheapHash: Promise<string> | undefined;
export const testPasswordHash = (): Promise<string> => {
  cheapHash ??= hashPassword(TEST_PASSWORD, { N: 1024, r: 8, p: 1 });
  return cheapHash;
};

let counter = 0;
const unique = (prefix: string) => `${prefix}${Date.now().toString(36)}${(counter++).toString(36)}`;

export interface UserOverrides {
  role?: Role;
  username?: string;
  fullName?: string;
  /** Default for ward roles and business reps: Đức Giang. */
  wardCode?: string;
  districtCode?: string;
  provinceCode?: string;
  businessId?: string | null;
  active?: boolean;
}

/** A user (audited like any other), with TEST_PASSWORD. Supervisors default to Long Biên. */
export async function makeUser(db: Db, o: UserOverrides = {}): Promise<UserRow> {
  const role = o.role ?? 'ward_officer';
  const scope: ScopeInput =
    role === 'supervisor'
      ? o.provinceCode
        ? { provinceCode: o.provinceCode }
        : { districtCode: o.districtCode ?? '004' }
      : { wardCode: o.wardCode ?? WARDS.own };
  const now = new Date(TEST_CLOCK_START);
  return db.transaction().execute(async (tx) => {
    const { user } = await createUser(
      tx,
      {
        username: o.username ?? unique(`u.${role.replace('_', '')}.`),
        fullName: o.fullName ?? 'Người dùng thử nghiệm',
        role,
        scope,
        businessId: o.businessId ?? (role === 'business_rep' ? 'business-test' : null),
        passwordHash: await testPasswordHash(),
        mustChangePassword: false,
      },
      SYSTEM_ACTOR,
      now,
    );
    if (o.active === false) {
      await tx.updateTable('users').set({ active: 0 }).where('id', '=', user.id).execute();
      return { ...user, active: 0 };
    }
    return user;
  });
}

export interface CheckpointOverrides {
  ownerWardCode?: string;
  wardCode?: string;
  name?: string;
  place?: string;
}

export async function makeCheckpoint(db: Db, o: CheckpointOverrides = {}): Promise<CheckpointRecord> {
  const owner = o.ownerWardCode ?? WARDS.own;
  return db
    .transaction()
    .execute((tx) =>
      createCheckpoint(
        tx,
        owner,
        { name: o.name ?? unique('Chốt thử '), wardCode: o.wardCode ?? owner, place: o.place ?? 'Ngã tư thử nghiệm' },
        SYSTEM_ACTOR,
        new Date(TEST_CLOCK_START),
      ),
    );
}
