import type { AuditActor } from '../audit/append-audit.js';
import type { Executor } from '../db/schema.js';

/**
 * What the dossier workflow tells the rest of the system, inside the transaction of the
 * change (so a permit revocation or a unit credential commits or rolls back with it).
 * Every hook receives the request's transaction as `tx` (on SQLite never use the root
 * handle inside it) and must do its own audit rows. A hook that throws rolls the whole
 * request back: throw an `AppError` to refuse with a stable code.
 *
 * The app takes them as `buildApp({ hooks })` (default: `noopWorkflowHooks`); route
 * handlers reach them as `ctx.deps.hooks`. Combine several with `combineWorkflowHooks`.
 */
export interface WorkflowHooks {
  /**
   * A dossier reached `approved` (the ward desk's approval, after the Health Station).
   * For `initial`: the business is now approved to operate (issue the unit credential).
   * For `amendment`: `staffIds` are the people just added to the approved list.
   */
  dossierApproved(tx: Executor, e: DossierApprovedEvent): Promise<void>;
  /** Approved people were taken off the list (effective at once): end their permits. */
  staffRemoved(tx: Executor, e: StaffRemovedEvent): Promise<void>;
  /** The ward suspended an approved business: its permits must stop being valid. */
  businessSuspended(tx: Executor, e: BusinessStatusEvent): Promise<void>;
  /** The ward reinstated a suspended business. */
  businessReinstated(tx: Executor, e: BusinessStatusEvent): Promise<void>;
  /**
   * The desk approved a change of what the ward vouches for (name, address, line of
   * business): the business row already holds the new values.
   */
  businessDetailsChanged(tx: Executor, e: BusinessDetailsChangedEvent): Promise<void>;
}

interface WorkflowEventBase {
  businessId: string;
  /** The ward that approves the business (where it operates). */
  wardCode: string;
  actor: AuditActor;
  now: Date;
}

export interface DossierApprovedEvent extends WorkflowEventBase {
  dossierId: string;
  kind: 'initial' | 'amendment';
  /** The reference number the ward gave the approval, e.g. `12/UBND-ĐG`. */
  referenceNumber: string;
  /** The plan's period, `YYYY-MM-DD`: permits must fall inside it. */
  planFrom: string;
  planTo: string;
  /** `staff_members.id` of the people whose entries became `approved` with this dossier. */
  staffIds: string[];
}

export interface StaffRemovedEvent extends WorkflowEventBase {
  /** `staff_members.id`, now `removed`. */
  staffIds: string[];
  reason: string;
}

export interface BusinessStatusEvent extends WorkflowEventBase {
  /** The approved initial dossier that was suspended / reinstated. */
  dossierId: string;
  reason: string;
}

export interface BusinessDetailsChangedEvent extends WorkflowEventBase {
  /** The `business_changes` row approved. */
  changeId: string;
  /** The fields changed, by their API names (`name`, `address`, `lineOfBusiness`). */
  fields: string[];
}

/** The default: nothing else to do. */
export const noopWorkflowHooks: WorkflowHooks = {
  dossierApproved: async () => {},
  staffRemoved: async () => {},
  businessSuspended: async () => {},
  businessReinstated: async () => {},
  businessDetailsChanged: async () => {},
};

/** Runs each hook of every set, in order (e.g. permits first, then anything else). */
export function combineWorkflowHooks(...sets: Partial<WorkflowHooks>[]): WorkflowHooks {
  return {
    dossierApproved: async (tx, e) => {
      for (const s of sets) await s.dossierApproved?.(tx, e);
    },
    staffRemoved: async (tx, e) => {
      for (const s of sets) await s.staffRemoved?.(tx, e);
    },
    businessSuspended: async (tx, e) => {
      for (const s of sets) await s.businessSuspended?.(tx, e);
    },
    businessReinstated: async (tx, e) => {
      for (const s of sets) await s.businessReinstated?.(tx, e);
    },
    businessDetailsChanged: async (tx, e) => {
      for (const s of sets) await s.businessDetailsChanged?.(tx, e);
    },
  };
}
