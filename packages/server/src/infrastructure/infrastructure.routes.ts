import {
  type Asset,
  assetCreateSchema,
  assetImportSchema,
  assetListQuerySchema,
  assetListSchema,
  assetSchema,
  assetUpdateSchema,
  cascadeRequestSchema,
  cascadeResponseSchema,
  type Edge,
  edgeCreateSchema,
  edgeListQuerySchema,
  edgeListSchema,
  edgeSchema,
  edgeUpdateSchema,
  formatAssetCsv,
  formatAssetGeoJson,
  mostRestrictiveTlp,
  parseAssetCsv,
  parseAssetGeoJson,
  rankingQuerySchema,
  rankingSchema,
} from '@vigil/core';
import { z } from 'zod';
import type { AppDeps } from '../platform/deps.ts';
import type { App } from '../platform/http/app-type.ts';
import { principalOf } from '../platform/http/route-config.ts';
import { createEdges, deleteEdge, listEdges, updateEdgeK } from './dependency.actions.ts';
import { createAssets, listAssets, readAsset, updateAsset } from './infrastructure.actions.ts';
import { rankAssets, simulateCascade } from './infrastructure-analysis.ts';

const base = '/api/v1/infrastructure';
const idParams = z.strictObject({ id: z.string().min(1).max(64) });
const tags = ['infrastructure'];
const exportLimit = 100_000;

/** Critical infrastructure: assets, dependencies, cascades, rankings. Parse → authorize → act → present. */
export function registerInfrastructureRoutes(app: App, deps: AppDeps): void {
  const viewerOf = (request: Parameters<typeof principalOf>[0]) => principalOf(request).viewer;

  app.get(
    `${base}/assets`,
    {
      config: { permission: 'infrastructure.read' },
      schema: {
        tags,
        summary: 'Assets the caller may see',
        querystring: assetListQuerySchema,
        response: { 200: assetListSchema },
      },
    },
    (request) => listAssets(deps, viewerOf(request), request.query),
  );

  app.post(
    `${base}/assets`,
    {
      config: { permission: 'infrastructure.write' },
      schema: {
        tags,
        summary: 'Register a marked asset',
        body: assetCreateSchema,
        response: { 201: assetSchema },
      },
    },
    async (request, reply) => {
      const { marking, ...fields } = request.body;
      const [asset] = (await createAssets(deps, viewerOf(request), [fields], marking, 'api')) as [Asset];
      return reply.code(201).header('location', `${base}/assets/${asset.id}`).send(asset);
    },
  );

  app.get(
    `${base}/assets/:id`,
    {
      config: { permission: 'infrastructure.read' },
      schema: {
        tags,
        summary: 'One asset (404 when absent or not visible)',
        params: idParams,
        response: { 200: assetSchema },
      },
    },
    (request) => readAsset(deps, viewerOf(request), request.params.id),
  );

  app.patch(
    `${base}/assets/:id`,
    {
      config: { permission: 'infrastructure.write' },
      schema: {
        tags,
        summary: 'Edit an asset or its marking',
        params: idParams,
        body: assetUpdateSchema,
        response: { 200: assetSchema },
      },
    },
    (request) => updateAsset(deps, viewerOf(request), request.params.id, request.body),
  );

  app.get(
    `${base}/assets.geojson`,
    {
      config: { permission: 'infrastructure.read' },
      schema: { tags, summary: 'Every visible asset as a GeoJSON FeatureCollection (the map, exports)' },
    },
    async (request, reply) => {
      const list = await listAssets(deps, viewerOf(request), { limit: exportLimit, offset: 0 });
      return reply
        .header('content-type', 'application/geo+json')
        .header('x-vigil-marking', list.marking)
        .send({ ...formatAssetGeoJson(list.items), marking: list.marking });
    },
  );

  app.get(
    `${base}/assets.csv`,
    {
      config: { permission: 'infrastructure.read' },
      schema: { tags, summary: 'Every visible asset as CSV (formulas neutralized; a tlp column per row)' },
    },
    async (request, reply) => {
      const list = await listAssets(deps, viewerOf(request), { limit: exportLimit, offset: 0 });
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="infrastructure-assets.csv"')
        .header('x-vigil-marking', mostRestrictiveTlp(list.items.map((item) => item.marking.tlp)))
        .send(formatAssetCsv(list.items));
    },
  );

  app.post(
    `${base}/import`,
    {
      config: { permission: 'infrastructure.write' },
      schema: {
        tags,
        summary: 'Import assets from CSV or GeoJSON under one marking (all or nothing)',
        body: assetImportSchema,
        response: { 201: z.object({ imported: z.number().int(), ids: z.array(z.string()) }) },
      },
    },
    async (request, reply) => {
      const { format, content, marking } = request.body;
      const parsed = format === 'csv' ? parseAssetCsv(content) : parseAssetGeoJson(content);
      const created = await createAssets(deps, viewerOf(request), parsed, marking, 'import');
      return reply.code(201).send({ imported: created.length, ids: created.map((asset) => asset.id) });
    },
  );

  app.get(
    `${base}/edges`,
    {
      config: { permission: 'infrastructure.read' },
      schema: {
        tags,
        summary: 'Dependencies whose two assets the caller may see',
        querystring: edgeListQuerySchema,
        response: { 200: edgeListSchema },
      },
    },
    (request) => listEdges(deps, viewerOf(request), request.query),
  );

  app.post(
    `${base}/edges`,
    {
      config: { permission: 'infrastructure.write' },
      schema: {
        tags,
        summary: 'Add a dependency supplier → dependent',
        body: edgeCreateSchema,
        response: { 201: edgeSchema },
      },
    },
    async (request, reply) => {
      const [edge] = (await createEdges(deps, viewerOf(request), [request.body])) as [Edge];
      return reply.code(201).send(edge);
    },
  );

  app.patch(
    `${base}/edges/:id`,
    {
      config: { permission: 'infrastructure.write' },
      schema: {
        tags,
        summary: 'Set k for the requirement this dependency belongs to',
        params: idParams,
        body: edgeUpdateSchema,
        response: { 200: edgeSchema },
      },
    },
    (request) => updateEdgeK(deps, viewerOf(request), request.params.id, request.body.k),
  );

  app.delete(
    `${base}/edges/:id`,
    {
      config: { permission: 'infrastructure.write' },
      schema: {
        tags,
        summary: 'Remove a dependency (k is lowered when it would exceed the suppliers left)',
        params: idParams,
        response: { 200: z.object({ kLoweredTo: z.number().int().nullable() }) },
      },
    },
    (request) => deleteEdge(deps, viewerOf(request), request.params.id),
  );

  app.post(
    `${base}/cascade`,
    {
      config: { permission: 'infrastructure.read' },
      schema: {
        tags,
        summary: 'What fails, and when, if these assets or this footprint fail',
        body: cascadeRequestSchema,
        response: { 200: cascadeResponseSchema },
      },
    },
    (request) => simulateCascade(deps, viewerOf(request), request.body),
  );

  app.get(
    `${base}/ranking`,
    {
      config: { permission: 'infrastructure.read' },
      schema: {
        tags,
        summary: 'Single points of failure: the impact of losing each asset alone, largest first',
        querystring: rankingQuerySchema,
        response: { 200: rankingSchema },
      },
    },
    (request) => rankAssets(deps, viewerOf(request), request.query),
  );
}
