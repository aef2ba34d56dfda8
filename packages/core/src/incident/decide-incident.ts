import { isLowering, type Marking, type Viewer } from '../access/index.ts';
import { DomainError } from '../errors/index.ts';
import type { IncidentStatus } from './incident.ts';
import type { IncidentCollection, ItemBodies } from './incident-items.ts';

/**
 * The incident life cycle. A contained incident may flare up again and a demobilizing one
 * may re-escalate; a report may be closed unfounded; nothing leaves `closed` (open a new
 * incident and link it: closed records are what the after-action review reads).
 */
export const incidentTransitions: Record<IncidentStatus, readonly IncidentStatus[]> = {
  reported: ['active', 'closed'],
  active: ['contained', 'demobilizing'],
  contained: ['active', 'demobilizing'],
  demobilizing: ['active', 'closed'],
  closed: [],
};

export function decideIncidentTransition(
  name: string,
  from: IncidentStatus,
  to: IncidentStatus,
): IncidentStatus {
  if (!incidentTransitions[from].includes(to)) {
    throw new DomainError('INVALID_STATE', `incident ${name}: cannot go from ${from} to ${to}`, {
      field: 'status',
    });
  }
  return to;
}

/**
 * Who runs an incident: its owning agency and the agencies it is shared with (a unified
 * command works in one record). Only the owner may lower the marking.
 */
export function decideIncidentEdit(
  viewer: Viewer,
  state: { name: string; status: IncidentStatus; marking: Marking },
  proposed?: Marking,
): void {
  const isOwner = viewer.agencyId === state.marking.ownerAgencyId;
  const isPartner =
    state.marking.shareAgencyIds.includes(viewer.agencyId) ||
    state.marking.shareUserIds.includes(viewer.userId);
  if (!isOwner && !isPartner) {
    throw new DomainError(
      'PERMISSION_DENIED',
      `only the agencies running incident ${state.name} may change it`,
    );
  }
  if (state.status === 'closed') {
    throw new DomainError('INVALID_STATE', `incident ${state.name} is closed`, { field: 'status' });
  }
  if (proposed && !isOwner && isLowering(state.marking, proposed)) {
    throw new DomainError('MARKING_LOWER_FORBIDDEN', 'only the owning agency may lower a marking', {
      field: 'marking',
    });
  }
}

/** Applies an allowed after-the-fact change to an item body, refusing the ones the record forbids. */
export function decideItemUpdate<C extends IncidentCollection>(
  collection: C,
  body: ItemBodies[C],
  change: Record<string, unknown>,
  now: string,
): ItemBodies[C] {
  if (collection === 'positions') {
    const position = body as ItemBodies['positions'];
    if (position.relievedAt !== null) {
      throw new DomainError('INVALID_STATE', `${position.personName} was already relieved`, {
        field: 'relieved',
      });
    }
    return { ...position, relievedAt: now } as ItemBodies[C];
  }
  if (collection === 'decisions') {
    const decision = body as ItemBodies['decisions'];
    if (decision.outcome !== null) {
      throw new DomainError('INVALID_STATE', 'the outcome of this decision is already recorded', {
        field: 'outcome',
      });
    }
    return { ...decision, outcome: String(change.outcome), outcomeRecordedAt: now } as ItemBodies[C];
  }
  if (collection === 'log' || collection === 'sitreps') {
    // ICS 214 entries and submitted 209s are records of what was said when: correct them with a new entry.
    throw new DomainError('INVALID_STATE', `${collection} entries cannot be edited; add a new one`);
  }
  const defined = Object.fromEntries(Object.entries(change).filter(([, value]) => value !== undefined));
  return { ...body, ...defined };
}
