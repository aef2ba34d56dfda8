import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Viewer } from '../access/index.ts';
import { DomainError } from '../errors/index.ts';
import { accrueCost, decideOffer, decideRequestStep, type RequestState } from './decide-request.ts';
import {
  type RequestAction,
  type RequestStatus,
  requestActions,
  requestStatuses,
  requestTransitions,
} from './resource-request.ts';

const viewer = (agencyId: string): Viewer => ({
  userId: `u-${agencyId}`,
  agencyId,
  agencyAncestorIds: [],
  roles: ['logistics'],
  attributes: [],
});
const state = (status: RequestStatus, supplier: string | null = 'b'): RequestState => ({
  number: 'RR-3',
  status,
  quantity: 2,
  resourceType: 'ambulance-strike-team/type-2',
  requesterAgencyId: 'a',
  supplierAgencyId: supplier,
});

describe('the ICS 213RR state machine', () => {
  for (const action of requestActions) {
    const transition = requestTransitions[action];
    const actor = viewer(transition.side === 'requester' ? 'a' : 'b');
    for (const from of requestStatuses) {
      if (transition.from.includes(from)) {
        it(`${action}: ${from} → ${transition.to}`, () => {
          assert.equal(decideRequestStep(actor, state(from), action), transition.to);
        });
      } else {
        it(`${action} from ${from} is refused, naming from and to`, () => {
          assert.throws(
            () => decideRequestStep(actor, state(from), action),
            (error: unknown) =>
              error instanceof DomainError &&
              error.code === 'INVALID_STATE' &&
              error.message.includes(`from ${from} to ${transition.to}`),
          );
        });
      }
    }
  }

  const cases: [RequestAction, RequestStatus, string][] = [
    ['accept', 'mutual-aid-requested', 'a'],
    ['approve', 'requested', 'b'],
    ['approve', 'requested', 'c'],
    ['decline', 'mutual-aid-requested', 'c'],
  ];
  for (const [action, from, agency] of cases) {
    it(`refuses ${action} by agency ${agency}, which is not the acting side`, () => {
      assert.throws(
        () => decideRequestStep(viewer(agency), state(from), action),
        (error: unknown) => error instanceof DomainError && error.code === 'PERMISSION_DENIED',
      );
    });
  }
});

describe('decideOffer', () => {
  const resource = (
    id: string,
    agencyId = 'a',
    resourceType = 'ambulance-strike-team/type-2',
    status = 'available',
  ) => ({ id, agencyId, resourceType, status });

  it('fills from own inventory, accepting a more capable type', () => {
    assert.deepEqual(
      decideOffer(state('approved', null), [
        resource('r1'),
        resource('r2', 'a', 'ambulance-strike-team/type-1'),
      ]),
      {
        agencyId: 'a',
        ownInventory: true,
      },
    );
  });
  it("turns another agency's resources into mutual aid", () => {
    assert.deepEqual(decideOffer(state('approved', null), [resource('r1', 'b'), resource('r2', 'b')]), {
      agencyId: 'b',
      ownInventory: false,
    });
  });
  it('refuses a less capable type, naming the entry', () => {
    assert.throws(
      () =>
        decideOffer(state('approved'), [resource('r1'), resource('r2', 'a', 'ambulance-strike-team/type-3')]),
      (error: unknown) => error instanceof DomainError && error.field === 'resourceIds[1]',
    );
  });
  it('refuses a wrong quantity, an unavailable resource, two agencies and a repeat', () => {
    const refused = (offer: ReturnType<typeof resource>[], code: string) =>
      assert.throws(
        () => decideOffer(state('approved'), offer),
        (error: unknown) => error instanceof DomainError && error.code === code,
      );
    refused([resource('r1')], 'VALIDATION_FAILED');
    refused(
      [resource('r1'), resource('r2', 'a', 'ambulance-strike-team/type-2', 'assigned')],
      'INVALID_STATE',
    );
    refused([resource('r1'), resource('r2', 'b')], 'VALIDATION_FAILED');
    refused([resource('r1'), resource('r1')], 'VALIDATION_FAILED');
  });
});

describe('accrueCost', () => {
  it('bills whole hours started, up to release or now', () => {
    assert.equal(
      accrueCost('2026-09-15T12:00:00Z', '2026-09-15T14:10:00Z', '2026-09-16T00:00:00Z', 950),
      2850,
    );
    assert.equal(accrueCost('2026-09-15T12:00:00Z', null, '2026-09-15T12:30:00Z', 100), 100);
    assert.equal(accrueCost('2026-09-15T12:00:00Z', null, '2026-09-15T12:00:00Z', 100), 0);
  });
});
