import {
  DOSSIER_ACTION_LABELS,
  DOSSIER_STATE_LABELS,
  DOSSIER_STATES,
  type DossierAction,
  type DossierApproval,
} from '@thonghanh/contract/dossier-states';
import type { Role } from '../authz/index.js';
import type { DossierKind, DossierState } from '../db/schema.js';

/**
 * The dossier's state machine, in one place. A dossier moves only along a row of
 * `TRANSITIONS`: (action, from) → to, done by one of `by`, with a note when `note` is
 * `required`. Anything else is impossible: no row for (action, from) → 409
 * `illegal_transition`; a row, but not for this user → 403 `forbidden`.
 *
 *   draft ──submit──► submitted ──confirm_health──► health_confirmed ──approve (desk)*──► approved
 *                        │  ▲                            │   │  ▲                               │  ▲
 *                 return │  │ submit (fixed)      return │   │  │ return_to_desk        suspend │  │ reinstate
 *                 reject ▼  │                            ▼   │  │ (leader)                      ▼  │
 *              rejected   returned ◄─────────────────────┘   ▼  │                            suspended
 *                                     send_for_signature (desk)  awaiting_leader ──approve (leader)──► approved
 *
 * Who: `keeper` is whoever keeps the dossier: the business for one sent online, the ward's
 * one-stop desk for one it took in by e-mail, post or in person. `health` the ward Health
 * Station, `desk` the one-stop desk (ward_officer), `leader` the ward's Chairman or
 * Vice-Chairman (ward_leader), who signs ("ký, đóng dấu").
 *
 * `approval`: rows that hold only in wards where the leader signs (`leader`, the ward setting
 * `leaderApprovalRequired`, the default) or only where the desk keeps the approval (`desk`,
 * a small ward that turned it off). (*) the desk's approve is the latter.
 * `admin` the ward admin (only to take back a rejection: `reopen` puts a rejected dossier back
 * in the ward's queue, with the reason).
 */
export type TransitionAction = DossierAction;

export type Party = 'keeper' | 'health' | 'desk' | 'leader' | 'admin';

/** Who approves in the dossier's ward: the leader (the default) or the desk. */
export type Approval = DossierApproval;

export interface Transition {
  action: TransitionAction;
  from: DossierState;
  to: DossierState;
  by: readonly Party[];
  /** `required`: a non-empty reason (it is what the business reads). */
  note: 'optional' | 'required';
  /** Only dossiers of these kinds (default: both). */
  kinds?: readonly DossierKind[];
  /** Only in wards where this is who approves (default: every ward). */
  approval?: Approval;
}

export const TRANSITIONS: readonly Transition[] = [
  { action: 'submit', from: 'draft', to: 'submitted', by: ['keeper'], note: 'optional' },
  { action: 'submit', from: 'returned', to: 'submitted', by: ['keeper'], note: 'optional' },
  { action: 'confirm_health', from: 'submitted', to: 'health_confirmed', by: ['health'], note: 'optional' },
  { action: 'return', from: 'submitted', to: 'returned', by: ['health', 'desk'], note: 'required' },
  { action: 'return', from: 'health_confirmed', to: 'returned', by: ['desk'], note: 'required' },
  { action: 'approve', from: 'health_confirmed', to: 'approved', by: ['desk'], note: 'optional', approval: 'desk' },
  {
    action: 'send_for_signature',
    from: 'health_confirmed',
    to: 'awaiting_leader',
    by: ['desk'],
    note: 'optional',
    approval: 'leader',
  },
  { action: 'approve', from: 'awaiting_leader', to: 'approved', by: ['leader'], note: 'optional' },
  { action: 'return_to_desk', from: 'awaiting_leader', to: 'health_confirmed', by: ['leader'], note: 'required' },
  { action: 'reject', from: 'submitted', to: 'rejected', by: ['desk'], note: 'required' },
  { action: 'reject', from: 'health_confirmed', to: 'rejected', by: ['desk'], note: 'required' },
  { action: 'suspend', from: 'approved', to: 'suspended', by: ['desk'], note: 'required', kinds: ['initial'] },
  { action: 'reinstate', from: 'suspended', to: 'approved', by: ['desk'], note: 'required', kinds: ['initial'] },
  { action: 'reopen', from: 'rejected', to: 'submitted', by: ['desk', 'admin'], note: 'required' },
];

export const TRANSITION_ACTIONS: readonly TransitionAction[] = [...new Set(TRANSITIONS.map((t) => t.action))];

/** Vietnamese names of the actions and states (the contract's: packages/contract/src/dossier-states.ts). */
export const ACTION_LABELS = DOSSIER_ACTION_LABELS;
export const STATE_LABELS: Record<DossierState, string> = DOSSIER_STATE_LABELS;
export { DOSSIER_STATES };

/** States in which the dossier waits for the ward, and its deadline runs. */
export const OPEN_STATES: readonly DossierState[] = ['submitted', 'health_confirmed', 'awaiting_leader'];
/** States in which its keeper may change it (plan, attachments, staff). */
export const EDITABLE_STATES: readonly DossierState[] = ['draft', 'returned'];

/** The roles that may ever do an action: the route's `access.roles`. */
export function rolesFor(action: TransitionAction): Role[] {
  const roles = new Set<Role>();
  for (const t of TRANSITIONS) {
    if (t.action !== action) continue;
    for (const p of t.by) {
      if (p === 'keeper') {
        roles.add('business_rep');
        roles.add('ward_officer');
      } else
        roles.add(
          p === 'health'
            ? 'health_officer'
            : p === 'leader'
              ? 'ward_leader'
              : p === 'admin'
                ? 'ward_admin'
                : 'ward_officer',
        );
    }
  }
  return [...roles];
}

/** Is `role` this party for a dossier sent on `channel`? */
export function isParty(role: Role, party: Party, channel: string): boolean {
  switch (party) {
    case 'keeper':
      return channel === 'online' ? role === 'business_rep' : role === 'ward_officer';
    case 'health':
      return role === 'health_officer';
    case 'desk':
      return role === 'ward_officer';
    case 'leader':
      return role === 'ward_leader';
    case 'admin':
      return role === 'ward_admin';
  }
}

export type TransitionCheck =
  | { ok: true; transition: Transition }
  | { ok: false; reason: 'illegal' | 'not_allowed' | 'note_required' };

/** What the table needs to know of a dossier: its state, kind, channel and who approves in its ward. */
export interface TransitionSubject {
  state: DossierState;
  kind: DossierKind;
  channel: string;
  approval: Approval;
}

/**
 * Whether `role` may do `action` on a dossier in `from` (of `kind`, sent on `channel`, in a
 * ward where `approval` approves) with `note`. Scope (own ward, own business) is the
 * policy's job, not this table's.
 */
export function checkTransition(
  action: TransitionAction,
  dossier: TransitionSubject,
  role: Role,
  note: string | null | undefined,
): TransitionCheck {
  const t = TRANSITIONS.find(
    (x) =>
      x.action === action &&
      x.from === dossier.state &&
      (!x.kinds || x.kinds.includes(dossier.kind)) &&
      (!x.approval || x.approval === dossier.approval),
  );
  if (!t) return { ok: false, reason: 'illegal' };
  if (!t.by.some((p) => isParty(role, p, dossier.channel))) return { ok: false, reason: 'not_allowed' };
  if (t.note === 'required' && !note?.trim()) return { ok: false, reason: 'note_required' };
  return { ok: true, transition: t };
}

/** The actions `role` could do now: the buttons a screen shows. */
export function availableActions(dossier: TransitionSubject, role: Role): TransitionAction[] {
  return TRANSITION_ACTIONS.filter((a) => {
    const c = checkTransition(a, dossier, role, 'x');
    return c.ok;
  });
}
