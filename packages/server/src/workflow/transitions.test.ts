import { DOSSIER_ACTIONS } from '@thonghanh/contract';
import { describe, expect, it } from 'vitest';
import { ROLE_CODES } from '../authz/index.js';
import type { DossierKind } from '../db/schema.js';
import { availableActions, checkTransition, DOSSIER_STATES, TRANSITION_ACTIONS, TRANSITIONS } from './transitions.js';

/**
 * Every legal move, written out: action, from → to, who, on which channel (`intake` = e-mail,
 * post or in person, kept by the desk), for which kinds, in which wards (`leader`: the leader
 * signs, the default; `desk`: the ward kept the desk's approval; `both`). Everything not
 * listed is refused.
 */
const LEGAL = [
  'submit draft→submitted business_rep online initial,amendment both',
  'submit draft→submitted ward_officer intake initial,amendment both',
  'submit returned→submitted business_rep online initial,amendment both',
  'submit returned→submitted ward_officer intake initial,amendment both',
  'confirm_health submitted→health_confirmed health_officer any initial,amendment both',
  'return submitted→returned health_officer any initial,amendment both',
  'return submitted→returned ward_officer any initial,amendment both',
  'return health_confirmed→returned ward_officer any initial,amendment both',
  'approve health_confirmed→approved ward_officer any initial,amendment desk',
  'send_for_signature health_confirmed→awaiting_leader ward_officer any initial,amendment leader',
  'approve awaiting_leader→approved ward_leader any initial,amendment both',
  'return_to_desk awaiting_leader→health_confirmed ward_leader any initial,amendment both',
  'reject submitted→rejected ward_officer any initial,amendment both',
  'reject health_confirmed→rejected ward_officer any initial,amendment both',
  'suspend approved→suspended ward_officer any initial both',
  'reinstate suspended→approved ward_officer any initial both',
  'reopen rejected→submitted ward_officer any initial,amendment both',
  'reopen rejected→submitted ward_admin any initial,amendment both',
];
const REASON_REQUIRED = new Set(['return', 'return_to_desk', 'reject', 'suspend', 'reinstate', 'reopen']);

function expected(action: string, from: string, role: string, channel: string, kind: DossierKind, approval: string) {
  for (const line of LEGAL) {
    const [a, move, r, ch, kinds, wards] = line.split(' ') as [string, string, string, string, string, string];
    const [f, to] = move.split('→');
    const channelOk = ch === 'any' || (ch === 'online') === (channel === 'online');
    const wardOk = wards === 'both' || wards === approval;
    if (a === action && f === from && r === role && channelOk && wardOk && kinds.split(',').includes(kind)) return to;
  }
  return null;
}

describe('dossier state machine', () => {
  const channels = ['online', 'email', 'post', 'in_person'];
  const kinds: DossierKind[] = ['initial', 'amendment'];
  const approvals = ['leader', 'desk'] as const;

  it('allows exactly the listed moves, for exactly the listed roles, channels and wards', () => {
    let legal = 0;
    for (const action of TRANSITION_ACTIONS) {
      for (const state of DOSSIER_STATES) {
        for (const role of ROLE_CODES) {
          for (const channel of channels) {
            for (const kind of kinds) {
              for (const approval of approvals) {
                const to = expected(action, state, role, channel, kind, approval);
                const check = checkTransition(action, { state, kind, channel, approval }, role, 'lý do');
                const what = `${action} ${state} ${role} ${channel} ${kind} ${approval}`;
                if (to) {
                  legal++;
                  expect(check, what).toMatchObject({ ok: true, transition: { to } });
                } else {
                  expect(check.ok, what).toBe(false);
                }
              }
            }
          }
        }
      }
    }
    expect(legal).toBeGreaterThan(0);
  });

  it('lets the desk approve only where the ward turned the leader’s signature off', () => {
    const ready = { state: 'health_confirmed' as const, kind: 'initial' as const, channel: 'online' };
    expect(availableActions({ ...ready, approval: 'leader' }, 'ward_officer').sort()).toEqual([
      'reject',
      'return',
      'send_for_signature',
    ]);
    expect(availableActions({ ...ready, approval: 'desk' }, 'ward_officer').sort()).toEqual([
      'approve',
      'reject',
      'return',
    ]);
    const waiting = { ...ready, state: 'awaiting_leader' as const, approval: 'leader' as const };
    expect(availableActions(waiting, 'ward_leader').sort()).toEqual(['approve', 'return_to_desk']);
    expect(availableActions(waiting, 'ward_officer')).toEqual([]);
    // Turned off while a dossier waits: the leader still signs it.
    expect(availableActions({ ...waiting, approval: 'desk' }, 'ward_leader').sort()).toEqual([
      'approve',
      'return_to_desk',
    ]);
  });

  it('calls a move from a state with no row illegal (409), and a row done by the wrong person not allowed (403)', () => {
    for (const action of TRANSITION_ACTIONS) {
      for (const state of DOSSIER_STATES) {
        const hasRow = TRANSITIONS.some(
          (t) => t.action === action && t.from === state && (!t.approval || t.approval === 'leader'),
        );
        const subject = { state, kind: 'initial' as const, channel: 'online', approval: 'leader' as const };
        const check = checkTransition(action, subject, 'supervisor', 'x');
        expect(check, `${action} from ${state}`).toEqual({ ok: false, reason: hasRow ? 'not_allowed' : 'illegal' });
      }
    }
  });

  it('requires a reason to return, reject, suspend, reinstate and reopen', () => {
    for (const t of TRANSITIONS) {
      const role = t.by[0] === 'health' ? 'health_officer' : t.by[0] === 'leader' ? 'ward_leader' : 'ward_officer';
      const dossier = { state: t.from, kind: 'initial' as const, channel: 'email', approval: t.approval ?? 'leader' };
      const blank = checkTransition(t.action, dossier, role, '  ');
      if (REASON_REQUIRED.has(t.action)) expect(blank).toEqual({ ok: false, reason: 'note_required' });
      else expect(blank.ok).toBe(true);
    }
  });

  it('lists what each person may do now', () => {
    const submitted = {
      state: 'submitted' as const,
      kind: 'initial' as const,
      channel: 'online',
      approval: 'leader' as const,
    };
    expect(availableActions(submitted, 'health_officer').sort()).toEqual(['confirm_health', 'return']);
    expect(availableActions(submitted, 'ward_officer').sort()).toEqual(['reject', 'return']);
    expect(availableActions(submitted, 'business_rep')).toEqual([]);
    expect(availableActions({ ...submitted, state: 'draft' }, 'business_rep')).toEqual(['submit']);
    expect(availableActions({ ...submitted, state: 'approved', kind: 'amendment' }, 'ward_officer')).toEqual([]);
  });
});

describe('the contract names the table’s actions', () => {
  it('lists every action of the table once, in the table’s order (the OpenAPI enum’s order)', () => {
    expect([...DOSSIER_ACTIONS]).toEqual([...TRANSITION_ACTIONS]);
  });
});
