import { DomainError, formatTlp, type TlpLabel } from '@vigil/core';
import { z } from 'zod';
import type { AppDeps } from '../platform/deps.ts';
import type { App } from '../platform/http/app-type.ts';
import { principalOf } from '../platform/http/route-config.ts';
import { collectionFor } from './interop.actions.ts';
import { listCollectionsFor, listVisibleStixObjects } from './interop.store.ts';

const tags = ['interop'];

/**
 * A short human name for a STIX object: its `name`, an observable's `value`, or a relationship's
 * ends by their names when they are among the shown objects (else by id).
 */
function displayName(object: Record<string, unknown>, names: Map<string, string>): string {
  if (typeof object.name === 'string') return object.name;
  if (typeof object.value === 'string') return object.value;
  if (object.type === 'relationship') {
    const end = (ref: unknown) => names.get(String(ref)) ?? String(ref);
    return `${end(object.source_ref)} ${String(object.relationship_type)} ${end(object.target_ref)}`;
  }
  return String(object.id);
}

/**
 * REST views of the TAXII collections for Vigil's own pages (TAXII clients use /taxii2/): the
 * collections the caller's agency was granted, and the latest visible version of each object
 * with its marking, so a page can badge every row. Markings apply in SQL, as on every path.
 */
export function registerCollectionBrowseRoutes(api: App, deps: AppDeps): void {
  api.get(
    '/api/v1/interop/collections',
    { config: { permission: 'interop.read' }, schema: { tags, summary: 'TAXII collections granted to you' } },
    async (request) => {
      const collections = await listCollectionsFor(deps.database.db, principalOf(request).viewer);
      return {
        items: collections.map((c) => ({
          id: c.id,
          title: c.title,
          description: c.description,
          alias: c.alias,
          defaultTlp: c.default_tlp,
          canRead: c.can_read,
          canWrite: c.can_write,
        })),
      };
    },
  );

  api.get(
    '/api/v1/interop/collections/:id/objects',
    {
      config: { permission: 'interop.read' },
      schema: {
        tags,
        summary: 'Latest visible version of each STIX object in a collection',
        params: z.strictObject({ id: z.string().min(1).max(100) }),
        querystring: z.strictObject({
          type: z
            .string()
            .regex(/^[a-z0-9-]+(,[a-z0-9-]+)*$/)
            .max(2000)
            .optional(),
          limit: z.coerce.number().int().min(1).max(1000).default(200),
        }),
      },
    },
    async (request) => {
      const viewer = principalOf(request).viewer;
      const collection = await collectionFor(deps, viewer, request.params.id);
      if (!collection.can_read)
        throw new DomainError('PERMISSION_DENIED', 'you may not read this collection');
      const rows = await listVisibleStixObjects(deps.database.db, viewer, collection.id, {
        ids: [],
        types: request.query.type ? request.query.type.split(',') : [],
        specVersions: [],
        version: { kind: 'last' },
        limit: request.query.limit,
      });
      const shown = rows.slice(0, request.query.limit).map((row) => ({
        row,
        object: JSON.parse(row.object_json) as Record<string, unknown>,
      }));
      const names = new Map<string, string>();
      for (const { object } of shown)
        if (typeof object.name === 'string') names.set(String(object.id), object.name);
      return {
        collection: { id: collection.id, title: collection.title },
        more: rows.length > request.query.limit,
        items: shown.map(({ row, object }) => ({
          id: row.object_id,
          type: row.type,
          name: displayName(object, names),
          version: row.version,
          dateAdded: row.date_added,
          marking: { tlp: row.tlp, label: formatTlp(row.tlp as TlpLabel) },
          object,
        })),
      };
    },
  );
}
