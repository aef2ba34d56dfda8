import {
  bulletinCreateSchema,
  bulletinListQuerySchema,
  bulletinListSchema,
  bulletinRetractSchema,
  bulletinSchema,
  bulletinUpdateSchema,
  DomainError,
} from '@vigil/core';
import { z } from 'zod';
import type { AppDeps } from '../platform/deps.ts';
import type { App } from '../platform/http/app-type.ts';
import { principalOf } from '../platform/http/route-config.ts';
import { listVisibleHistory } from '../platform/journal/history.store.ts';
import { historyEntrySchema, toHistoryEntry } from '../platform/journal/history-view.ts';
import {
  createBulletin,
  listBulletins,
  readBulletin,
  retractBulletin,
  updateBulletin,
} from './bulletins.actions.ts';
import { findVisibleBulletin } from './bulletins.store.ts';

const idParams = z.strictObject({ id: z.string().min(1).max(64) });
const tags = ['bulletins'];

/** Inter-agency bulletins: parse → authorize (hook + markings) → act → present. */
export function registerBulletinRoutes(app: App, deps: AppDeps): void {
  app.get(
    '/api/v1/bulletins',
    {
      config: { permission: 'bulletin.read' },
      schema: {
        tags,
        summary: 'Bulletins the caller may see',
        querystring: bulletinListQuerySchema,
        response: { 200: bulletinListSchema },
      },
    },
    (request) => listBulletins(deps, principalOf(request).viewer, request.query),
  );

  app.post(
    '/api/v1/bulletins',
    {
      config: { permission: 'bulletin.write' },
      schema: {
        tags,
        summary: 'Post a marked bulletin',
        body: bulletinCreateSchema,
        response: { 201: bulletinSchema },
      },
    },
    async (request, reply) => {
      const bulletin = await createBulletin(deps, principalOf(request).viewer, request.body);
      return reply.code(201).header('location', `/api/v1/bulletins/${bulletin.id}`).send(bulletin);
    },
  );

  app.get(
    '/api/v1/bulletins/:id',
    {
      config: { permission: 'bulletin.read' },
      schema: {
        tags,
        summary: 'One bulletin (404 when absent or not visible)',
        params: idParams,
        response: { 200: bulletinSchema },
      },
    },
    (request) => readBulletin(deps, principalOf(request).viewer, request.params.id),
  );

  app.patch(
    '/api/v1/bulletins/:id',
    {
      config: { permission: 'bulletin.write' },
      schema: {
        tags,
        summary: 'Edit title, body or marking',
        params: idParams,
        body: bulletinUpdateSchema,
        response: { 200: bulletinSchema },
      },
    },
    (request) => updateBulletin(deps, principalOf(request).viewer, request.params.id, request.body),
  );

  app.post(
    '/api/v1/bulletins/:id/retract',
    {
      config: { permission: 'bulletin.retract' },
      schema: {
        tags,
        summary: 'Withdraw a bulletin',
        params: idParams,
        body: bulletinRetractSchema,
        response: { 200: bulletinSchema },
      },
    },
    (request) => retractBulletin(deps, principalOf(request).viewer, request.params.id, request.body.reason),
  );

  app.get(
    '/api/v1/bulletins/:id/history',
    {
      config: { permission: 'bulletin.read' },
      schema: {
        tags,
        summary: 'Journal entries of a bulletin the caller may see',
        params: idParams,
        response: { 200: z.object({ items: z.array(historyEntrySchema) }) },
      },
    },
    async (request) => {
      const viewer = principalOf(request).viewer;
      if (!(await findVisibleBulletin(deps.database.db, viewer, request.params.id))) {
        throw new DomainError('NOT_FOUND', `no bulletin ${request.params.id}`);
      }
      const entries = await listVisibleHistory(deps.database.db, viewer, 'bulletin', request.params.id);
      return { items: entries.map(toHistoryEntry) };
    },
  );
}
