import type { Marking, ResourceRequest } from '@vigil/core';
import { loadMarkings } from '../platform/access/marking.store.ts';
import type { AppDeps } from '../platform/deps.ts';
import { toRequestView } from './resource-view.ts';
import { listAssignments, type RequestRow } from './resources.store.ts';

/** Requests as clients get them: marking, cost accrued so far and the requester's name, in three queries. */
export async function presentRequests(
  deps: AppDeps,
  rows: Omit<RequestRow, 'tlp'>[],
): Promise<ResourceRequest[]> {
  const { db } = deps.database;
  const [markings, assignments, users] = await Promise.all([
    loadMarkings(
      db,
      rows.map((row) => row.marking_id),
    ),
    listAssignments(
      db,
      rows.map((row) => row.id),
    ),
    rows.length
      ? db
          .selectFrom('users')
          .select(['id', 'display_name'])
          .where('id', 'in', [...new Set(rows.map((row) => row.requested_by))])
          .execute()
      : Promise.resolve([]),
  ]);
  const names = new Map(users.map((user) => [user.id, user.display_name]));
  const now = deps.now().toISOString();
  return rows.map((row) =>
    toRequestView(row, markings.get(row.marking_id) as Marking, {
      assignments,
      requesterName: names.get(row.requested_by) ?? row.requested_by,
      now,
    }),
  );
}
