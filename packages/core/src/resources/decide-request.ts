import type { Viewer } from '../access/index.ts';
import { DomainError } from '../errors/index.ts';
import { substitutableTypes } from './resource-catalog.ts';
import {
  type RequestAction,
  type RequestSide,
  type RequestStatus,
  requestTransitions,
} from './resource-request.ts';

export type RequestState = {
  number: string;
  status: RequestStatus;
  quantity: number;
  resourceType: string;
  /** The agency that ordered (owner of the request's marking). */
  requesterAgencyId: string;
  /** The agency asked for mutual aid, once there is one. */
  supplierAgencyId: string | null;
};

/** What a fill or an offer names: resources as loaded, visible to the actor. */
export type OfferedResource = { id: string; agencyId: string; resourceType: string; status: string };

/**
 * Which sides the viewer acts for. Members of the requesting agency act for the requester;
 * members of the supplier agency for the supplier (both, when a request is filled from the
 * requester's own inventory). Nobody else acts on a request they can merely read.
 */
export function sidesOf(viewer: Viewer, state: RequestState): RequestSide[] {
  const sides: RequestSide[] = [];
  if (viewer.agencyId === state.requesterAgencyId) sides.push('requester');
  if (state.supplierAgencyId !== null && viewer.agencyId === state.supplierAgencyId) sides.push('supplier');
  return sides;
}

/**
 * Decides one step of the ICS 213RR machine: the next status, or a refusal naming the
 * from and to states (INVALID_STATE) or the side that may act (PERMISSION_DENIED).
 */
export function decideRequestStep(viewer: Viewer, state: RequestState, action: RequestAction): RequestStatus {
  const transition = requestTransitions[action];
  if (!transition.from.includes(state.status)) {
    throw new DomainError(
      'INVALID_STATE',
      `resource request ${state.number}: cannot ${action} from ${state.status} to ${transition.to}`,
      { field: 'action' },
    );
  }
  if (!sidesOf(viewer, state).includes(transition.side)) {
    const who = transition.side === 'requester' ? 'the requesting agency' : 'the agency asked for mutual aid';
    throw new DomainError('PERMISSION_DENIED', `only ${who} may ${action} resource request ${state.number}`);
  }
  return transition.to;
}

/**
 * A fill or an offer: exactly the ordered quantity, each resource available and of the
 * requested type or a more capable one, all from one agency. Resources of the requester's own
 * agency fill it at once; another agency's resources turn it into a mutual-aid request that
 * agency must accept.
 */
export function decideOffer(
  state: RequestState,
  resources: readonly OfferedResource[],
  field = 'resourceIds',
): { agencyId: string; ownInventory: boolean } {
  const ids = new Set(resources.map((resource) => resource.id));
  if (ids.size !== resources.length) {
    throw new DomainError('VALIDATION_FAILED', 'a resource is named twice', { field });
  }
  if (resources.length !== state.quantity) {
    throw new DomainError(
      'VALIDATION_FAILED',
      `resource request ${state.number} orders ${state.quantity}; ${resources.length} offered`,
      { field },
    );
  }
  const accepted = substitutableTypes(state.resourceType);
  resources.forEach((resource, index) => {
    if (!accepted.includes(resource.resourceType)) {
      throw new DomainError(
        'VALIDATION_FAILED',
        `${resource.id} is ${resource.resourceType}; the request accepts ${accepted.join(', ')}`,
        { field: `${field}[${index}]` },
      );
    }
    if (resource.status !== 'available') {
      throw new DomainError('INVALID_STATE', `${resource.id} is ${resource.status}, not available`, {
        field: `${field}[${index}]`,
      });
    }
  });
  const agencyId = resources[0]?.agencyId as string;
  const other = resources.findIndex((resource) => resource.agencyId !== agencyId);
  if (other >= 0) {
    throw new DomainError('VALIDATION_FAILED', 'one fill draws on one agency; split the request', {
      field: `${field}[${other}]`,
    });
  }
  return { agencyId, ownInventory: agencyId === state.requesterAgencyId };
}

/**
 * Cost accrued by one resource on one assignment: whole hours started (the usual billing
 * unit in mutual-aid agreements) times its hourly rate; a running assignment counts to `now`.
 */
export function accrueCost(
  assignedAt: string,
  releasedAt: string | null,
  now: string,
  rateUsd: number,
): number {
  const end = Date.parse(releasedAt ?? now);
  const hours = Math.max(0, Math.ceil((end - Date.parse(assignedAt)) / 3_600_000));
  return Math.round(hours * rateUsd * 100) / 100;
}
