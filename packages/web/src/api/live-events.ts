import type { QueryClient } from '@tanstack/react-query';
import { incidentJournalActions, incidentQueryKeys } from '@vigil/core/incident';
import { useEffect, useState } from 'react';

/** Which cached queries a journal entry makes stale. */
export function queryKeysFor(entityType: string, entityId: string): string[][] {
  switch (entityType) {
    case 'budget-portfolio':
      return [['budget']];
    case 'bulletin':
      return [['bulletins'], ['bulletin', entityId], ['bulletin-history', entityId]];
    case 'agency':
      return [['agencies']];
    case 'user':
      return [['users']];
    case 'infrastructure-asset':
    case 'infrastructure-edge':
      return [['infrastructure']];
    case 'climate-scenario':
    case 'thira-scenario':
    case 'capability-target':
    case 'spr-assessment':
    case 'threat':
    case 'nri-table':
      return [['risk']];
    case 'cap-alert':
    case 'taxii-collection':
      return [['interop']];
    default:
      // Incidents, resources and resource requests.
      return incidentQueryKeys(entityType, entityId);
  }
}

export type LiveStatus = 'connecting' | 'live' | 'reconnecting' | 'off';

/**
 * Listens to `GET /api/v1/events` while signed in and treats each entry as an
 * invalidation: the affected queries refetch, and the server applies the markings
 * again. The browser's EventSource resumes with Last-Event-ID by itself.
 */
export function useLiveEvents(queryClient: QueryClient, enabled: boolean): LiveStatus {
  const [status, setStatus] = useState<LiveStatus>('off');
  useEffect(() => {
    if (!enabled) {
      setStatus('off');
      return;
    }
    setStatus('connecting');
    const source = new EventSource('/api/v1/events');
    const onEntry = (event: MessageEvent<string>) => {
      const entry = JSON.parse(event.data) as { entityType: string; entityId: string };
      for (const queryKey of queryKeysFor(entry.entityType, entry.entityId)) {
        void queryClient.invalidateQueries({ queryKey });
      }
    };
    source.addEventListener('ready', () => setStatus('live'));
    source.onerror = () => setStatus(source.readyState === EventSource.CLOSED ? 'off' : 'reconnecting');
    // Named events: the action is the SSE event type (bulletin.created, …).
    const actions = [
      ...incidentJournalActions,
      'bulletin.created',
      'bulletin.updated',
      'bulletin.retracted',
      'agency.created',
      'agency.updated',
      'user.created',
      'user.updated',
      'api-token.issued',
      'infrastructure-asset.created',
      'infrastructure-asset.updated',
      'infrastructure-edge.created',
      'infrastructure-edge.updated',
      'infrastructure-edge.deleted',
      'cap-alert.received',
      'stix.imported',
      'stix.deleted',
      'taxii-collection.created',
      ...['climate-scenario', 'thira-scenario', 'capability-target', 'spr-assessment', 'threat'].flatMap(
        (e) => [`${e}.created`, `${e}.updated`],
      ),
    ];
    for (const action of actions) source.addEventListener(action, onEntry);
    return () => source.close();
  }, [enabled, queryClient]);
  return status;
}
