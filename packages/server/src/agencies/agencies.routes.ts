import { agencyCreateSchema, agencySchema, agencyUpdateSchema } from '@vigil/core';
import { z } from 'zod';
import type { AppDeps } from '../platform/deps.ts';
import type { App } from '../platform/http/app-type.ts';
import { principalOf } from '../platform/http/route-config.ts';
import { addAgency, changeAgency } from './agencies.actions.ts';
import { listAgencies } from './agencies.store.ts';

const tags = ['agencies'];

export function registerAgencyRoutes(app: App, deps: AppDeps): void {
  app.get(
    '/api/v1/agencies',
    {
      config: { permission: 'agency.read' },
      schema: {
        tags,
        summary: 'Agencies of the platform (the share-list directory)',
        response: { 200: z.object({ items: z.array(agencySchema) }) },
      },
    },
    async () => ({ items: await listAgencies(deps.database.db) }),
  );
  app.post(
    '/api/v1/agencies',
    {
      config: { permission: 'agency.admin' },
      schema: { tags, summary: 'Add an agency', body: agencyCreateSchema, response: { 201: agencySchema } },
    },
    async (request, reply) =>
      reply.code(201).send(await addAgency(deps, principalOf(request).viewer, request.body)),
  );
  app.patch(
    '/api/v1/agencies/:id',
    {
      config: { permission: 'agency.admin' },
      schema: {
        tags,
        summary: 'Rename, deactivate or re-scope an agency',
        params: z.strictObject({ id: z.string().min(1).max(64) }),
        body: agencyUpdateSchema,
        response: { 200: agencySchema },
      },
    },
    (request) => changeAgency(deps, principalOf(request).viewer, request.params.id, request.body),
  );
}
