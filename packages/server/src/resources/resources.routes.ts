import {
  listResourceTypes,
  nearestQuerySchema,
  nearestResultSchema,
  requestActionSchema,
  requestCreateSchema,
  requestListQuerySchema,
  resourceCreateSchema,
  resourceListQuerySchema,
  resourceListSchema,
  resourceRequestListSchema,
  resourceRequestSchema,
  resourceSchema,
  resourceUpdateSchema,
  substitutableTypes,
  suggestionQuerySchema,
} from '@vigil/core';
import { z } from 'zod';
import type { AppDeps } from '../platform/deps.ts';
import type { App } from '../platform/http/app-type.ts';
import { principalOf } from '../platform/http/route-config.ts';
import { actOnRequest, createRequest, listRequests, readRequest } from './requests.actions.ts';
import {
  createResource,
  findNearestResources,
  listResources,
  readResource,
  updateResource,
} from './resources.actions.ts';

const idParams = z.strictObject({ id: z.string().min(1).max(64) });
const tags = ['resources'];

/** NIMS-typed resources, nearest-available dispatch and ICS 213RR requests. */
export function registerResourceRoutes(app: App, deps: AppDeps): void {
  app.get(
    '/api/v1/resources',
    {
      config: { permission: 'resource.read' },
      schema: {
        tags,
        summary: 'Resources the caller may see',
        querystring: resourceListQuerySchema,
        response: { 200: resourceListSchema },
      },
    },
    (request) => listResources(deps, principalOf(request).viewer, request.query),
  );

  app.post(
    '/api/v1/resources',
    {
      config: { permission: 'resource.write' },
      schema: {
        tags,
        summary: 'Register a typed resource',
        body: resourceCreateSchema,
        response: { 201: resourceSchema },
      },
    },
    async (request, reply) => {
      const resource = await createResource(deps, principalOf(request).viewer, request.body);
      return reply.code(201).header('location', `/api/v1/resources/${resource.id}`).send(resource);
    },
  );

  app.get(
    '/api/v1/resources/nearest',
    {
      config: { permission: 'resource.read' },
      schema: {
        tags,
        summary: 'The k nearest available resources of a type, with distance and estimated arrival',
        querystring: nearestQuerySchema,
        response: { 200: nearestResultSchema },
      },
    },
    (request) => findNearestResources(deps, principalOf(request).viewer, request.query),
  );

  app.get(
    '/api/v1/resources/types',
    {
      config: { permission: 'resource.read' },
      schema: { tags, summary: 'The NIMS typed-resource catalog (RTLT)' },
    },
    async () => ({
      items: listResourceTypes().map((type) => ({
        key: type.key,
        label: type.label,
        category: type.definition?.category ?? null,
        kind: type.definition?.kind ?? null,
        rtltId: type.definition?.rtltId ?? null,
        substitutes: substitutableTypes(type.key).slice(1),
      })),
    }),
  );

  app.get(
    '/api/v1/resources/:id',
    {
      config: { permission: 'resource.read' },
      schema: {
        tags,
        summary: 'One resource (404 when absent or not visible)',
        params: idParams,
        response: { 200: resourceSchema },
      },
    },
    (request) => readResource(deps, principalOf(request).viewer, request.params.id),
  );

  app.patch(
    '/api/v1/resources/:id',
    {
      config: { permission: 'resource.write' },
      schema: {
        tags,
        summary: 'Report status or position',
        params: idParams,
        body: resourceUpdateSchema,
        response: { 200: resourceSchema },
      },
    },
    (request) => updateResource(deps, principalOf(request).viewer, request.params.id, request.body),
  );

  app.get(
    '/api/v1/resource-requests',
    {
      config: { permission: 'resource.read' },
      schema: {
        tags,
        summary: 'Resource requests the caller may see',
        querystring: requestListQuerySchema,
        response: { 200: resourceRequestListSchema },
      },
    },
    (request) => listRequests(deps, principalOf(request).viewer, request.query),
  );

  app.post(
    '/api/v1/incidents/:id/resource-requests',
    {
      config: { permission: 'resource.request' },
      schema: {
        tags,
        summary: 'Order a resource (ICS 213RR)',
        params: idParams,
        body: requestCreateSchema,
        response: { 201: resourceRequestSchema },
      },
    },
    async (request, reply) => {
      const created = await createRequest(deps, principalOf(request).viewer, request.params.id, request.body);
      return reply.code(201).header('location', `/api/v1/resource-requests/${created.id}`).send(created);
    },
  );

  app.get(
    '/api/v1/resource-requests/:id',
    {
      config: { permission: 'resource.read' },
      schema: {
        tags,
        summary: 'One resource request',
        params: idParams,
        response: { 200: resourceRequestSchema },
      },
    },
    (request) => readRequest(deps, principalOf(request).viewer, request.params.id),
  );

  app.post(
    '/api/v1/resource-requests/:id/actions',
    {
      config: { permission: 'resource.request' },
      schema: {
        tags,
        summary: 'Approve, fill, answer mutual aid, mobilize, check in, demobilize or cancel',
        params: idParams,
        body: requestActionSchema,
        response: { 200: resourceRequestSchema },
      },
    },
    (request) => actOnRequest(deps, principalOf(request).viewer, request.params.id, request.body),
  );

  app.get(
    '/api/v1/resource-requests/:id/suggestions',
    {
      config: { permission: 'resource.read' },
      schema: {
        tags,
        summary: 'Nearest available resources for a request (its type and more capable substitutes)',
        params: idParams,
        querystring: suggestionQuerySchema,
        response: { 200: nearestResultSchema },
      },
    },
    async (request) => {
      const viewer = principalOf(request).viewer;
      const order = await readRequest(deps, viewer, request.params.id);
      return findNearestResources(deps, viewer, {
        type: order.resourceType,
        lat: request.query.lat ?? order.deliveryLat,
        lon: request.query.lon ?? order.deliveryLon,
        k: request.query.k ?? Math.max(5, order.quantity * 3),
        substitutes: true,
      });
    },
  );
}
