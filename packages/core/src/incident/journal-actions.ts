import { requestActions } from '../resources/resource-request.ts';
import { incidentCollections } from './incident-items.ts';

/**
 * Every journal action the incident and resources modules write: the live-event stream
 * names events after them, and the browser subscribes to each by name.
 */
export const incidentJournalActions: readonly string[] = [
  'incident.created',
  'incident.updated',
  'incident.status-changed',
  ...incidentCollections.flatMap((collection) => [
    `incident.${collection}.added`,
    `incident.${collection}.updated`,
  ]),
  'resource.created',
  'resource.updated',
  'resource.assigned',
  'resource.checked-in',
  'resource.released',
  'resource-request.created',
  ...requestActions.map((action) => `resource-request.${action}`),
];

/** Which cached queries (TanStack Query keys) a journal entry of these modules makes stale. */
export function incidentQueryKeys(entityType: string, entityId: string): string[][] {
  switch (entityType) {
    case 'incident':
      return [['incidents'], ['incident', entityId], ['incident-items', entityId]];
    case 'resource':
      return [['resources']];
    case 'resource-request':
      return [['resource-requests'], ['resources']];
    default:
      return [];
  }
}
