import { type IncidentFile, type IncidentItem, icsPositionTitles, type Viewer } from '@vigil/core';
import type { AppDeps } from '../platform/deps.ts';
import { listRequests, listResources, readResourcesByIds } from '../resources/index.ts';
import { listIncidentItems, readIncident } from './incident.actions.ts';
import { agencyNames, agencyOfUsers, displayNameOf } from './incident.store.ts';

/**
 * What the ICS forms draw on, each part read through the caller's visibility: a request or
 * resource the reader may not see is not on the reader's printout either.
 */
export async function loadIncidentFile(deps: AppDeps, viewer: Viewer, id: string): Promise<IncidentFile> {
  const incident = await readIncident(deps, viewer, id);
  const [items, requests, assigned, agencies, user] = await Promise.all([
    listIncidentItems(deps, viewer, id),
    listRequests(deps, viewer, { incidentId: id }),
    listResources(deps, viewer, { incidentId: id, limit: 5000, offset: 0 }),
    agencyNames(deps.database.db),
    displayNameOf(deps.database.db, viewer.userId),
  ]);
  const named = requests.items.flatMap((request) => request.resourceIds);
  const extra = await readResourcesByIds(
    deps,
    viewer,
    named.filter((rid) => !assigned.items.some((resource) => resource.id === rid)),
  );
  const positions = items.filter(
    (item): item is IncidentItem<'positions'> => item.collection === 'positions',
  );
  // A position names its holder's agency when recorded; for one recorded without, the holder's own
  // agency (never the incident's owner, which under unified command is often another agency).
  const holders = [
    ...new Set(
      positions.flatMap((item) => (item.body.userId && !item.body.agencyId ? [item.body.userId] : [])),
    ),
  ];
  const holderAgencies = await agencyOfUsers(deps.database.db, holders);
  const held = positions.find((item) => item.body.userId === viewer.userId && item.body.relievedAt === null);
  const position = held ? icsPositionTitles[held.body.position] : (viewer.roles[0] ?? '');
  return {
    incident,
    items,
    requests: requests.items,
    resources: [...assigned.items, ...extra],
    agencyNames: agencies,
    userAgencyIds: Object.fromEntries(holderAgencies.map((holder) => [holder.id, holder.agency_id])),
    preparedBy: { name: user ?? viewer.userId, position, agencyId: viewer.agencyId },
    generatedAt: deps.now().toISOString(),
  };
}
