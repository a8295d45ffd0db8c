import { describe, expect, it } from 'vitest';
import { ROLE_CODES } from '../authz/index.js';
import type { DossierKind } from '../db/schema.js';
import { availableActions, checkTransition, DOSSIER_STATES, TRANSITION_ACTIONS, TRANSITIONS } from './transitions.js';

/**
 * Every legal move, written out: action, from → to, who, on which channel (`intake` = e-mail,
 * post or in person, kept by the desk), for which kinds. Everything not listed is refused.
 */
const LEGAL = [
  'submit draft→submitted business_rep online initial,amendment',
  'submit draft→submitted ward_officer intake initial,amendment',
  'submit returned→submitted business_rep online initial,amendment',
  'submit returned→submitted ward_officer intake initial,amendment',
  'confirm_health submitted→health_confirmed health_officer any initial,amendment',
  'return submitted→returned health_officer any initial,amendment',
  'return submitted→returned ward_officer any initial,amendment',
  'return health_confirmed→returned ward_officer any initial,amendment',
  'approve health_confirmed→approved ward_officer any initial,amendment',
  'reject submitted→rejected ward_officer any initial,amendment',
  'reject health_confirmed→rejected ward_officer any initial,amendment',
  'suspend approved→suspended ward_officer any initial',
  'reinstate suspended→approved ward_officer any initial',
  'reopen rejected→submitted ward_officer any initial,amendment',
  'reopen rejected→submitted ward_admin any initial,amendment',
];
const REASON_REQUIRED = new Set(['return', 'reject', 'suspend', 'reinstate', 'reopen']);

function expected(action: string, from: string, role: string, channel: string, kind: DossierKind) {
  for (const line of LEGAL) {
    const [a, move, r, ch, kinds] = line.split(' ') as [string, string, string, string, string];
    const [f, to] = move.split('→');
    const channelOk = ch === 'any' || (ch === 'online') === (channel === 'online');
    if (a === action && f === from && r === role && channelOk && kinds.split(',').includes(kind)) return to;
  }
  return null;
}

describe('dossier state machine', () => {
  const channels = ['online', 'email', 'post', 'in_person'];
  const kinds: DossierKind[] = ['initial', 'amendment'];

  it('allows exactly the listed moves, for exactly the listed roles and channels', () => {
    let legal = 0;
    for (const action of TRANSITION_ACTIONS) {
      for (const state of DOSSIER_STATES) {
        for (const role of ROLE_CODES) {
          for (const channel of channels) {
            for (const kind of kinds) {
              const to = expected(action, state, role, channel, kind);
              const check = checkTransition(action, { state, kind, channel }, role, 'lý do');
              if (to) {
                legal++;
                expect(check, `${action} ${state} ${role} ${channel} ${kind}`).toMatchObject({
                  ok: true,
                  transition: { to },
                });
              } else {
                expect(check.ok, `${action} ${state} ${role} ${channel} ${kind}`).toBe(false);
              }
            }
          }
        }
      }
    }
    expect(legal).toBeGreaterThan(0);
  });

  it('calls a move from a state with no row illegal (409), and a row done by the wrong person not allowed (403)', () => {
    for (const action of TRANSITION_ACTIONS) {
      for (const state of DOSSIER_STATES) {
        const hasRow = TRANSITIONS.some((t) => t.action === action && t.from === state);
        const check = checkTransition(action, { state, kind: 'initial', channel: 'online' }, 'supervisor', 'x');
        expect(check, `${action} from ${state}`).toEqual({ ok: false, reason: hasRow ? 'not_allowed' : 'illegal' });
      }
    }
  });

  it('requires a reason to return, reject, suspend, reinstate and reopen', () => {
    for (const t of TRANSITIONS) {
      const role = t.by[0] === 'health' ? 'health_officer' : 'ward_officer';
      const dossier = { state: t.from, kind: 'initial' as const, channel: 'email' };
      const blank = checkTransition(t.action, dossier, role, '  ');
      if (REASON_REQUIRED.has(t.action)) expect(blank).toEqual({ ok: false, reason: 'note_required' });
      else expect(blank.ok).toBe(true);
    }
  });

  it('lists what each person may do now', () => {
    const submitted = { state: 'submitted' as const, kind: 'initial' as const, channel: 'online' };
    expect(availableActions(submitted, 'health_officer').sort()).toEqual(['confirm_health', 'return']);
    expect(availableActions(submitted, 'ward_officer').sort()).toEqual(['reject', 'return']);
    expect(availableActions(submitted, 'business_rep')).toEqual([]);
    expect(availableActions({ ...submitted, state: 'draft' }, 'business_rep')).toEqual(['submit']);
    expect(availableActions({ ...submitted, state: 'approved', kind: 'amendment' }, 'ward_officer')).toEqual([]);
  });
});
