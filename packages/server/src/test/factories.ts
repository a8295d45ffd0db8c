import { randomUUID } from 'node:crypto';
import { SYSTEM_ACTOR } from '../audit/append-audit.js';
import { hashPassword } from '../auth/password.js';
import type { Role } from '../authz/index.js';
import type { BusinessRecord } from '../businesses/business-presenter.js';
import { createBusiness } from '../businesses/create-business.js';
import type { CheckpointRecord } from '../checkpoints/checkpoint-query.js';
import { createCheckpoint } from '../checkpoints/save-checkpoint.js';
import type { Db, DossierChannel, DossierKind, DossierState, UserRow } from '../db/schema.js';
import { demoCompany, demoPerson } from '../demo/demo-people.js';
import { seededRng } from '../demo/demo-random.js';
import { addAttachment } from '../dossiers/attachments/add-attachment.js';
import { createDossier } from '../dossiers/create-dossier.js';
import type { DossierRecord } from '../dossiers/dossier-query.js';
import { transitionDossier } from '../dossiers/transition-dossier.js';
import type { StaffEntry } from '../staff/import/index.js';
import { insertStaffRows, staffRowOf } from '../staff/list/save-staff-list.js';
import { createUser } from '../users/create-user.js';
import type { ScopeInput } from '../users/resolve-user-scope.js';
import { updateWardSettings, type WardSettingsChanges } from '../ward-settings/ward-settings.js';
import { noopWorkflowHooks } from '../workflow/hooks.js';
import type { TransitionAction } from '../workflow/transitions.js';
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
  title?: string;
  email?: string;
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
        ...(o.title ? { title: o.title } : {}),
        ...(o.email ? { email: o.email } : {}),
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

// ─── The ward's workflow: businesses, dossiers, staff ────────────────────────────────────

/**
 * Generated companies and people come from a seeded generator: the same names, numbers and
 * tax codes every run (each suite has a fresh database; the sets below keep them distinct
 * within a run). TEST_SEED=N tries other ones.
 */
const TEST_SEED = Number(process.env.TEST_SEED ?? 20210816);
let rngSeed = 1;
const usedTaxCodes = new Set<string>();
const usedNumbers = new Set<string>();

export interface BusinessOverrides {
  wardCode?: string;
  status?: 'pending' | 'active' | 'refused' | 'suspended';
  name?: string;
  taxCode?: string;
  contactEmail?: string | null;
}

/** A business (active unless told), created by the ward desk (audited), without an account. */
export async function makeBusiness(db: Db, o: BusinessOverrides = {}): Promise<BusinessRecord> {
  const rng = seededRng(TEST_SEED + rngSeed++);
  const company = demoCompany(rng, new Set(), usedTaxCodes);
  return db.transaction().execute(async (tx) => {
    const { business } = await createBusiness(
      tx,
      {
        taxCode: o.taxCode ?? company.taxCode,
        name: o.name ?? unique(`${company.name} `),
        address: 'Số 1 phố Đức Giang',
        wardCode: o.wardCode ?? WARDS.own,
        lineOfBusiness: company.lineOfBusiness,
        contactName: 'Nguyễn Văn Liên Hệ',
        contactPhone: '0912345678',
        contactEmail: o.contactEmail === undefined ? 'lienhe@doanhnghiep.example.vn' : o.contactEmail,
        via: o.status === 'pending' ? 'self' : 'ward',
      },
      SYSTEM_ACTOR,
      new Date(TEST_CLOCK_START),
    );
    if (o.status && o.status !== business.status) {
      await tx.updateTable('businesses').set({ status: o.status }).where('id', '=', business.id).execute();
      return { ...business, status: o.status };
    }
    return business;
  });
}

/** The representative account of a business. */
export const makeBusinessRep = (db: Db, business: Pick<BusinessRecord, 'id' | 'ward_code'>): Promise<UserRow> =>
  makeUser(db, { role: 'business_rep', wardCode: business.ward_code, businessId: business.id });

/** `n` valid, distinct staff entries (generated people; numbers unique across the test run). */
export function makeStaffEntries(n: number): StaffEntry[] {
  const rng = seededRng(TEST_SEED + rngSeed++);
  const work = { name: 'Công ty TNHH Thử Nghiệm', street: 'Số 1 phố Đức Giang', wardCode: WARDS.own };
  return Array.from({ length: n }, (_, i) => demoPerson(rng, usedNumbers, work, i + 2));
}

export interface DossierOverrides {
  business?: BusinessRecord;
  wardCode?: string;
  /** Where to drive it, through the real transitions (default: draft). */
  state?: DossierState;
  kind?: DossierKind;
  channel?: DossierChannel;
  /** People added (pending; approved with the dossier). Default 3. */
  staff?: number;
  /** Clock of the transitions (default TEST_CLOCK_START). */
  at?: Date;
}

/** `approve` goes through the leader's signature where the ward requires it (the default). */
const PATH_TO: Record<DossierState, TransitionAction[]> = {
  draft: [],
  submitted: ['submit'],
  health_confirmed: ['submit', 'confirm_health'],
  awaiting_leader: ['submit', 'confirm_health', 'send_for_signature'],
  approved: ['submit', 'confirm_health', 'approve'],
  returned: ['submit', 'return'],
  rejected: ['submit', 'reject'],
  suspended: ['submit', 'confirm_health', 'approve', 'suspend'],
};

/** The role that does an action in the factory's paths. */
function roleFor(action: TransitionAction, channel: DossierChannel, from: DossierState): Role {
  if (action === 'submit') return channel === 'online' ? 'business_rep' : 'ward_officer';
  if (action === 'confirm_health' || action === 'return') return 'health_officer';
  if (action === 'return_to_desk' || (action === 'approve' && from === 'awaiting_leader')) return 'ward_leader';
  return 'ward_officer';
}

/** The commitment the factories' submissions carry. */
export const TEST_COMMITMENT = { accepted: true, name: 'Người Đại Diện Thử Nghiệm' } as const;
/** Who signs the factories' approvals. */
export const TEST_APPROVER = { name: 'Lãnh Đạo Thử Nghiệm', title: 'Phó Chủ tịch UBND phường' } as const;

/** A ward's settings as a test needs them, saved the way the settings screen saves them (audited). */
export async function setWardSettings(
  db: Db,
  changes: WardSettingsChanges,
  wardCode: string = WARDS.own,
): Promise<void> {
  await db
    .transaction()
    .execute((tx) => updateWardSettings(tx, wardCode, changes, SYSTEM_ACTOR, new Date(TEST_CLOCK_START)));
}

/**
 * A ward keeps the desk's approval (the setting off): for tests that are not about the
 * leader and drive the desk's approval over HTTP.
 */
export const deskApprovesIn = (db: Db, wardCode: string = WARDS.own): Promise<void> =>
  setWardSettings(db, { leaderApprovalRequired: false }, wardCode);

/**
 * A dossier with a plan attachment (metadata only) and `staff` people, driven to `state`
 * through `transitionDossier`. An amendment gets an approved initial dossier first.
 */
export async function makeDossier(db: Db, o: DossierOverrides = {}): Promise<DossierRecord> {
  const business = o.business ?? (await makeBusiness(db, { wardCode: o.wardCode ?? WARDS.own }));
  const kind = o.kind ?? 'initial';
  if (kind === 'amendment') {
    const approved = await db
      .selectFrom('dossiers')
      .select('id')
      .where('business_id', '=', business.id)
      .where('kind', '=', 'initial')
      .where('state', '=', 'approved')
      .executeTakeFirst();
    if (!approved) await makeDossier(db, { business, state: 'approved' });
  }
  const channel = o.channel ?? 'online';
  const at = o.at ?? new Date(TEST_CLOCK_START);
  const entries = makeStaffEntries(o.staff ?? 3);
  return db.transaction().execute(async (tx) => {
    let d = await createDossier(
      tx,
      { business, kind, channel, planFrom: '2021-08-15', planTo: '2021-09-30' },
      SYSTEM_ACTOR,
      at,
    );
    await addAttachment(
      tx,
      {
        dossier: d,
        storageKey: randomUUID(),
        fileName: 'ke-hoach.pdf',
        type: 'pdf',
        bytes: new TextEncoder().encode('%PDF-1.4'),
      },
      SYSTEM_ACTOR,
      at,
    );
    await insertStaffRows(
      tx,
      entries.map((e) => staffRowOf(e, d, at.toISOString(), e.row)),
    );
    for (const action of PATH_TO[o.state ?? 'draft']) {
      if (action === 'approve' && d.state === 'health_confirmed' && d.approval === 'leader') {
        const actor = { id: null, role: 'ward_officer' };
        const input = { dossier: d, action: 'send_for_signature' as const, hooks: noopWorkflowHooks };
        d = (await transitionDossier(tx, input, actor, at)).dossier;
      }
      if (action === 'send_for_signature' && d.approval === 'desk') continue;
      const note = action === 'return' || action === 'reject' || action === 'suspend' ? 'Lý do thử nghiệm' : null;
      const actor = { id: null, role: roleFor(action, channel, d.state) };
      const input = { dossier: d, action, note, hooks: noopWorkflowHooks, commitment: TEST_COMMITMENT };
      d = (await transitionDossier(tx, input, actor, at, TEST_APPROVER)).dossier;
    }
    return d;
  });
}

/** A staff entry as the manual-entry API takes it (template texts, lists allowed). */
export const staffEntryBody = (e: StaffEntry) => ({
  fullName: e.fullName,
  idType: e.idType,
  idNumber: e.idNumber,
  dateOfBirth: e.dateOfBirth,
  position: e.position,
  phone: e.phone,
  residenceAddress: e.residenceAddress,
  residenceWard: e.residenceWard,
  workplace: e.workplace,
  routeFrom: e.routeFrom,
  routeTo: e.routeTo,
  routeWards: e.routeWards,
  scheduleDays: e.schedule.days,
  scheduleStart: e.schedule.start,
  scheduleEnd: e.schedule.end,
});
