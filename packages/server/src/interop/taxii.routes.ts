import { DomainError, isDomainError } from '@vigil/core';
import type { StixBundleVerdict } from '@vigil/core/standards/stix';
import {
  acceptsTaxii,
  encodeTaxiiCursor,
  isTaxiiContentType,
  parseTaxiiFilters,
  taxiiError,
  taxiiMediaType,
} from '@vigil/core/standards/taxii';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../platform/deps.ts';
import type { App } from '../platform/http/app-type.ts';
import { principalOf } from '../platform/http/route-config.ts';
import { deleteStixObject } from './delete-stix-object.ts';
import { collectionFor, importStixBundle } from './interop.actions.ts';
import { findStatus, listCollectionsFor, listVisibleStixObjects } from './interop.store.ts';
import { acceptRawBodies, bodyBytes, interopBodyLimit } from './raw-body.ts';
import { standardsPool } from './standards-pool.ts';

export const taxiiRoot = '/taxii2/vigil/';
/** Routes are registered under the `/taxii2` prefix (so a 404 there answers in TAXII's format). */
const root = '/vigil/';

type Query = Record<string, unknown>;
type Params = { id: string; objectId: string; statusId: string };

function send(reply: FastifyReply, status: number, body: unknown) {
  // Serialized here: fastify would rewrite a JSON-ish media type to `version="2.1"; charset=utf-8`, which TAXII clients compare literally; bytes are sent as they are.
  return reply
    .code(status)
    .header('content-type', taxiiMediaType)
    .send(Buffer.from(JSON.stringify(body), 'utf8'));
}

function collectionView(c: Awaited<ReturnType<typeof listCollectionsFor>>[number]) {
  return {
    id: c.id,
    title: c.title,
    ...(c.description ? { description: c.description } : {}),
    ...(c.alias ? { alias: c.alias } : {}),
    can_read: c.can_read,
    can_write: c.can_write,
    media_types: ['application/stix+json;version=2.1'],
  };
}

/**
 * TAXII 2.1 under /taxii2/: discovery, one API root, collections with per-agency read/write,
 * objects (filters, pagination with `next`), POST envelopes answered by a status resource,
 * manifest and versions, DELETE of an object's versions. Markings apply on every path: what the
 * caller may not see is not there.
 */
export function registerTaxiiRoutes(app: App, deps: AppDeps): void {
  app.register(
    async (scope) => {
      acceptRawBodies(scope);
      scope.addHook('onRequest', async (request) => {
        if (!acceptsTaxii(request.headers.accept)) {
          throw new DomainError('NOT_ACCEPTABLE', `send Accept: ${taxiiMediaType}`, { field: 'Accept' });
        }
      });
      scope.setErrorHandler((error: Error & { statusCode?: number; code?: string }, request, reply) => {
        if (isDomainError(error)) {
          return send(
            reply,
            error.status,
            taxiiError(error.status, error.code, error.message, error.code, error.field),
          );
        }
        const status = error.statusCode && error.statusCode < 500 ? error.statusCode : 500;
        if (status === 500) request.log.error({ err: error }, 'unexpected error');
        const code =
          status === 413
            ? 'PAYLOAD_TOO_LARGE'
            : status === 415
              ? 'UNSUPPORTED_MEDIA_TYPE'
              : status === 500
                ? 'INTERNAL'
                : 'VALIDATION_FAILED';
        return send(
          reply,
          status,
          taxiiError(
            status,
            code,
            status === 500 ? 'an unexpected error occurred; it has been logged' : error.message,
            code,
          ),
        );
      });
      scope.setNotFoundHandler((request, reply) =>
        send(reply, 404, taxiiError(404, 'NOT_FOUND', `no TAXII resource ${request.url}`, 'NOT_FOUND')),
      );
      const api = scope as unknown as App;
      const read = { config: { permission: 'interop.read' as const }, schema: { tags: ['taxii'] } };

      api.get('/', read, async (_request, reply) =>
        send(reply, 200, {
          title: 'Vigil TAXII 2.1 server',
          description: 'Cyber threat intelligence shared between the agencies of this Vigil',
          default: taxiiRoot,
          api_roots: [taxiiRoot],
        }),
      );

      api.get(root, read, async (_request, reply) =>
        send(reply, 200, {
          title: 'Vigil',
          versions: [taxiiMediaType],
          max_content_length: interopBodyLimit,
        }),
      );

      api.get(`${root}collections/`, read, async (request, reply) => {
        const collections = await listCollectionsFor(deps.database.db, principalOf(request).viewer);
        return send(reply, 200, { collections: collections.map(collectionView) });
      });

      api.get(`${root}collections/:id/`, read, async (request, reply) => {
        const { id } = request.params as Params;
        return send(reply, 200, collectionView(await collectionFor(deps, principalOf(request).viewer, id)));
      });

      const page = async (request: FastifyRequest, objectId?: string) => {
        const viewer = principalOf(request).viewer;
        const collection = await collectionFor(deps, viewer, (request.params as Params).id);
        if (!collection.can_read)
          throw new DomainError('PERMISSION_DENIED', 'you may not read this collection');
        const query = request.query as Query;
        const filters = parseTaxiiFilters(
          objectId ? { ...query, 'match[version]': query['match[version]'] ?? 'all' } : query,
        );
        const rows = await listVisibleStixObjects(deps.database.db, viewer, collection.id, filters, objectId);
        const more = rows.length > filters.limit;
        const shown = rows.slice(0, filters.limit);
        const last = shown.at(-1);
        return {
          shown,
          more,
          next:
            more && last
              ? encodeTaxiiCursor(last.date_added, `${last.object_id} ${last.version}`)
              : undefined,
        };
      };

      const dateHeaders = (reply: FastifyReply, rows: { date_added: string }[]) => {
        if (rows.length === 0) return;
        reply.header('X-TAXII-Date-Added-First', rows[0]?.date_added);
        reply.header('X-TAXII-Date-Added-Last', rows.at(-1)?.date_added);
      };

      api.get(`${root}collections/:id/objects/`, read, async (request, reply) => {
        const { shown, more, next } = await page(request);
        dateHeaders(reply, shown);
        return send(reply, 200, {
          more,
          ...(next ? { next } : {}),
          objects: shown.map((r) => JSON.parse(r.object_json)),
        });
      });

      api.get(`${root}collections/:id/objects/:objectId/`, read, async (request, reply) => {
        const { shown, more, next } = await page(request, (request.params as Params).objectId);
        if (shown.length === 0) throw new DomainError('NOT_FOUND', 'no such object (or not yours to see)');
        dateHeaders(reply, shown);
        return send(reply, 200, {
          more,
          ...(next ? { next } : {}),
          objects: shown.map((r) => JSON.parse(r.object_json)),
        });
      });

      api.get(`${root}collections/:id/objects/:objectId/versions/`, read, async (request, reply) => {
        const { shown, more, next } = await page(request, (request.params as Params).objectId);
        if (shown.length === 0) throw new DomainError('NOT_FOUND', 'no such object (or not yours to see)');
        dateHeaders(reply, shown);
        return send(reply, 200, { more, ...(next ? { next } : {}), versions: shown.map((r) => r.version) });
      });

      api.get(`${root}collections/:id/manifest/`, read, async (request, reply) => {
        const { shown, more, next } = await page(request);
        dateHeaders(reply, shown);
        return send(reply, 200, {
          more,
          ...(next ? { next } : {}),
          objects: shown.map((r) => ({
            id: r.object_id,
            date_added: r.date_added,
            version: r.version,
            media_type: 'application/stix+json;version=2.1',
          })),
        });
      });

      api.post(
        `${root}collections/:id/objects/`,
        { config: { permission: 'interop.write' }, schema: { tags: ['taxii'] } },
        async (request, reply) => {
          if (!isTaxiiContentType(request.headers['content-type'])) {
            throw new DomainError('UNSUPPORTED_MEDIA_TYPE', `send Content-Type: ${taxiiMediaType}`, {
              field: 'Content-Type',
            });
          }
          const viewer = principalOf(request).viewer;
          const collection = await collectionFor(deps, viewer, (request.params as Params).id);
          if (!collection.can_write)
            throw new DomainError('PERMISSION_DENIED', 'you may not write to this collection');
          const verdict = await standardsPool().run<StixBundleVerdict>({
            kind: 'stix',
            bytes: bodyBytes(request.body),
          });
          return send(reply, 202, await importStixBundle(deps, viewer, collection, verdict));
        },
      );

      // TAXII 2.1 §5.7: only `match[version]` (default all) and `match[spec_version]` choose what goes;
      // any other filter is refused rather than ignored, so a client never deletes more than it asked.
      api.delete(
        `${root}collections/:id/objects/:objectId/`,
        { config: { permission: 'interop.write' }, schema: { tags: ['taxii'] } },
        async (request, reply) => {
          const query = request.query as Query;
          const other = Object.keys(query).find((k) => k !== 'match[version]' && k !== 'match[spec_version]');
          if (other) {
            throw new DomainError(
              'VALIDATION_FAILED',
              `${other} is not a parameter of DELETE (match[version], match[spec_version])`,
              { field: other },
            );
          }
          const { version, specVersions } = parseTaxiiFilters({
            'match[version]': query['match[version]'] ?? 'all',
            'match[spec_version]': query['match[spec_version]'],
          });
          const viewer = principalOf(request).viewer;
          const { id, objectId } = request.params as Params;
          await deleteStixObject(deps, viewer, await collectionFor(deps, viewer, id), objectId, {
            version,
            specVersions,
          });
          // The spec's answer has no body; the media type still says TAXII (as the reference server does).
          return reply.code(200).header('content-type', taxiiMediaType).send(Buffer.alloc(0));
        },
      );

      api.get(`${root}status/:statusId/`, read, async (request, reply) => {
        const viewer = principalOf(request).viewer;
        const row = await findStatus(deps.database.db, (request.params as Params).statusId, viewer.userId);
        if (!row) throw new DomainError('NOT_FOUND', 'no such status');
        return send(reply, 200, {
          id: row.id,
          status: 'complete',
          request_timestamp: row.request_timestamp,
          total_count: row.total_count,
          success_count: row.success_count,
          successes: JSON.parse(row.successes),
          failure_count: row.failure_count,
          failures: JSON.parse(row.failures),
          pending_count: 0,
          pendings: [],
        });
      });
    },
    { prefix: '/taxii2' },
  );
}
