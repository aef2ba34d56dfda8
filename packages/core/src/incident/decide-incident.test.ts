import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Marking, Viewer } from '../access/index.ts';
import { DomainError } from '../errors/index.ts';
import {
  decideIncidentEdit,
  decideIncidentTransition,
  decideItemUpdate,
  incidentTransitions,
} from './decide-incident.ts';
import { incidentStatuses } from './incident.ts';
import { decisionInputSchema } from './incident-items.ts';

const marking: Marking = {
  ownerAgencyId: 'a',
  authorUserId: 'u',
  tlp: 'AMBER',
  caveats: [],
  shareAgencyIds: ['b'],
  shareUserIds: [],
};
const viewer = (agencyId: string): Viewer => ({
  userId: `u-${agencyId}`,
  agencyId,
  agencyAncestorIds: [],
  roles: ['operations'],
  attributes: [],
});

describe('the incident state machine', () => {
  for (const from of incidentStatuses) {
    for (const to of incidentStatuses) {
      const allowed = incidentTransitions[from].includes(to);
      it(`${from} → ${to} is ${allowed ? 'allowed' : 'refused'}`, () => {
        if (allowed) assert.equal(decideIncidentTransition('Hurricane Ida', from, to), to);
        else
          assert.throws(
            () => decideIncidentTransition('Hurricane Ida', from, to),
            (error: unknown) =>
              error instanceof DomainError &&
              error.code === 'INVALID_STATE' &&
              error.message.includes(`from ${from} to ${to}`),
          );
      });
    }
  }
});

describe('decideIncidentEdit', () => {
  const state = { name: 'Storm', status: 'active' as const, marking };
  it('lets the owner and a partner edit, nobody else', () => {
    assert.doesNotThrow(() => decideIncidentEdit(viewer('a'), state));
    assert.doesNotThrow(() => decideIncidentEdit(viewer('b'), state));
    assert.throws(
      () => decideIncidentEdit(viewer('c'), state),
      (e: unknown) => e instanceof DomainError && e.code === 'PERMISSION_DENIED',
    );
  });
  it('lets only the owner lower the marking', () => {
    const lowered = { ...marking, tlp: 'GREEN' as const };
    assert.doesNotThrow(() => decideIncidentEdit(viewer('a'), state, lowered));
    assert.throws(
      () => decideIncidentEdit(viewer('b'), state, lowered),
      (e: unknown) => e instanceof DomainError && e.code === 'MARKING_LOWER_FORBIDDEN',
    );
  });
  it('refuses to edit a closed incident', () => {
    assert.throws(
      () => decideIncidentEdit(viewer('a'), { ...state, status: 'closed' }),
      (e: unknown) => e instanceof DomainError && e.code === 'INVALID_STATE',
    );
  });
});

describe('decisions', () => {
  const input = {
    question: 'Evacuate Sentara Norfolk General before landfall?',
    options: [{ label: 'Evacuate' }, { label: 'Shelter in place' }],
    chosenOption: 'Evacuate',
    rationale: 'Generator fuel lasts 48 h; surge may cut resupply.',
    decidedByName: 'Dana Whitfield',
    confidence: 'medium',
  };
  it('requires the chosen option to be one of the options', () => {
    assert.equal(decisionInputSchema.safeParse(input).success, true);
    const wrong = decisionInputSchema.safeParse({ ...input, chosenOption: 'Wait' });
    assert.deepEqual(wrong.error?.issues[0]?.path, ['chosenOption']);
  });
  it('records the outcome once, later', () => {
    const body = {
      ...decisionInputSchema.parse(input),
      decidedAt: 't0',
      outcome: null,
      outcomeRecordedAt: null,
    };
    const updated = decideItemUpdate(
      'decisions',
      body,
      { outcome: 'All 412 patients moved by 18:00.' },
      't1',
    );
    assert.equal(updated.outcome, 'All 412 patients moved by 18:00.');
    assert.equal(updated.outcomeRecordedAt, 't1');
    assert.throws(
      () => decideItemUpdate('decisions', updated, { outcome: 'again' }, 't2'),
      (e: unknown) => e instanceof DomainError && e.code === 'INVALID_STATE',
    );
  });
  it('keeps the ICS 214 log append-only', () => {
    assert.throws(
      () => decideItemUpdate('log', { activity: 'x', at: 't', significant: false, position: '' }, {}, 't'),
      DomainError,
    );
  });
});
