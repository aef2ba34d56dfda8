import { userCreateSchema, userSchema, userUpdateSchema } from '@vigil/core';
import { z } from 'zod';
import type { AppDeps } from '../platform/deps.ts';
import type { App } from '../platform/http/app-type.ts';
import { principalOf } from '../platform/http/route-config.ts';
import { addUser, changeUser, issueApiToken } from './users.actions.ts';
import { listUsers } from './users.store.ts';

const tags = ['users'];
const idParams = z.strictObject({ id: z.string().min(1).max(64) });

export function registerUserRoutes(app: App, deps: AppDeps): void {
  app.get(
    '/api/v1/users',
    {
      config: { permission: 'user.read' },
      schema: {
        tags,
        summary: 'The people directory (for TLP:RED share lists)',
        querystring: z.strictObject({ agencyId: z.string().min(1).max(64).optional() }),
        response: { 200: z.object({ items: z.array(userSchema) }) },
      },
    },
    async (request) => ({ items: await listUsers(deps.database.db, request.query.agencyId) }),
  );
  app.post(
    '/api/v1/users',
    {
      config: { permission: 'user.admin' },
      schema: { tags, summary: 'Add a user', body: userCreateSchema, response: { 201: userSchema } },
    },
    async (request, reply) =>
      reply.code(201).send(await addUser(deps, principalOf(request).viewer, request.body)),
  );
  app.patch(
    '/api/v1/users/:id',
    {
      config: { permission: 'user.admin' },
      schema: {
        tags,
        summary: 'Change roles, attributes, or deactivate',
        params: idParams,
        body: userUpdateSchema,
        response: { 200: userSchema },
      },
    },
    (request) => changeUser(deps, principalOf(request).viewer, request.params.id, request.body),
  );
  app.post(
    '/api/v1/users/:id/tokens',
    {
      config: { permission: 'user.admin' },
      schema: {
        tags,
        summary: 'Issue an API token for a machine partner (shown once)',
        params: idParams,
        body: z.strictObject({ name: z.string().trim().min(1).max(200) }),
        response: { 201: z.object({ id: z.string(), token: z.string() }) },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await issueApiToken(deps, principalOf(request).viewer, request.params.id, request.body.name)),
  );
}
