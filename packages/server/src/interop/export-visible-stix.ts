import { randomUUID } from 'node:crypto';
import type { AgencyKind, Viewer } from '@vigil/core';
import { agencyToStixIdentity, buildStixBundle, type JsonValue } from '@vigil/core/standards/stix';
import type { AppDeps } from '../platform/deps.ts';
import { listCollectionsFor, listVisibleStixObjects } from './interop.store.ts';

/**
 * A STIX 2.1 bundle of what the viewer may see: the agencies as identities, and the latest
 * visible version of every object in the collections they read (markings applied in SQL).
 */
export async function exportVisibleStix(
  deps: AppDeps,
  viewer: Viewer,
  types: string[],
): Promise<Record<string, JsonValue>> {
  const { db } = deps.database;
  const objects: Record<string, JsonValue>[] = [];
  if (types.length === 0 || types.includes('identity')) {
    for (const agency of await db
      .selectFrom('agencies')
      .selectAll()
      .where('active', '=', 1)
      .orderBy('name')
      .execute()) {
      objects.push(
        agencyToStixIdentity({
          id: agency.id,
          name: agency.name,
          kind: agency.kind as AgencyKind,
          createdAt: agency.created_at,
        }),
      );
    }
  }
  for (const collection of await listCollectionsFor(db, viewer)) {
    if (!collection.can_read) continue;
    const rows = await listVisibleStixObjects(db, viewer, collection.id, {
      ids: [],
      types,
      specVersions: [],
      version: { kind: 'last' },
      limit: 100_000,
    });
    for (const row of rows) objects.push(JSON.parse(row.object_json) as Record<string, JsonValue>);
  }
  return buildStixBundle(randomUUID(), objects);
}
