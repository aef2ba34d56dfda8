import {
  coreCapabilities,
  coreCapabilityAreas,
  DomainError,
  defaultNriRelease,
  hazardCodes,
  hazardNames,
  type MarkingInput,
  mitigationActionSchema,
  presetClimateScenarios,
  type RiskRecordKind,
  riskCountyDetailSchema,
  riskCountyListSchema,
  riskCountyQuerySchema,
  riskRecordCreateSchema,
  riskRecordKindList,
  riskRecordKinds,
  riskRecordListQuerySchema,
  riskRecordListSchema,
  riskRecordSchema,
  riskRecordUpdateSchema,
  tlpLabelSchema,
} from '@vigil/core';
import { z } from 'zod';
import type { AppDeps } from '../platform/deps.ts';
import type { App } from '../platform/http/app-type.ts';
import { principalOf } from '../platform/http/route-config.ts';
import { listVisibleHistory } from '../platform/journal/history.store.ts';
import { historyEntrySchema, toHistoryEntry } from '../platform/journal/history-view.ts';
import { estimateMitigation, listRiskCounties, readRiskCounty } from './nri.actions.ts';
import {
  createRiskRecord,
  listRiskRecords,
  readRiskRecord,
  summarizeVisibleGaps,
  updateRiskRecord,
} from './risk-records.actions.ts';
import { findVisibleRiskRecord } from './risk-records.store.ts';

const tags = ['risk'];
const idParams = z.strictObject({ id: z.string().min(1).max(64) });
const fipsParams = z.strictObject({ stcofips: z.string().regex(/^\d{5}$/, 'a 5-digit county FIPS code') });

const capabilityGapSchema = z.object({
  coreCapability: z.string(),
  missionAreas: z.array(z.string()),
  targets: z.number().int(),
  assessed: z.number().int(),
  meanMet: z.number().nullable(),
  worstMet: z.number().nullable(),
  poete: z.record(z.string(), z.number()).nullable(),
  weakestArea: z.string().nullable(),
  gaps: z.array(
    z.object({
      targetId: z.string(),
      statement: z.string(),
      tasks: z.array(
        z.object({
          metric: z.string(),
          target: z.number(),
          current: z.number(),
          gap: z.number(),
          met: z.number(),
        }),
      ),
    }),
  ),
});

/** Risk and strategic planning: NRI, what-ifs, THIRA/SPR and the threat register under /api/v1/risk. */
export function registerRiskRoutes(app: App, deps: AppDeps): void {
  app.get(
    '/api/v1/risk/reference',
    {
      config: { permission: 'risk.read' },
      schema: {
        tags,
        summary: 'NRI hazards, core capabilities by mission area, and preset climate scenarios',
        response: {
          200: z.object({
            hazards: z.array(z.object({ code: z.string(), name: z.string() })),
            coreCapabilities: z.array(z.object({ name: z.string(), missionAreas: z.array(z.string()) })),
            presetScenarios: z.array(
              z.object({ name: z.string(), multipliers: z.record(z.string(), z.number()) }),
            ),
            release: z.object({ name: z.string(), version: z.string(), valueOfStatisticalLife: z.number() }),
          }),
        },
      },
    },
    async () => ({
      hazards: hazardCodes.map((code) => ({ code, name: hazardNames[code] })),
      coreCapabilities: coreCapabilities.map((name) => ({
        name,
        missionAreas: [...coreCapabilityAreas[name]],
      })),
      presetScenarios: presetClimateScenarios.map((s) => ({
        name: s.name,
        multipliers: s.multipliers as Record<string, number>,
      })),
      release: defaultNriRelease,
    }),
  );

  app.get(
    '/api/v1/risk/counties',
    {
      config: { permission: 'risk.read' },
      schema: {
        tags,
        summary:
          'Every county: EAL, risk value and rank as Vigil computes them, FEMA’s published figures beside; projected under a climate scenario',
        querystring: riskCountyQuerySchema,
        response: { 200: riskCountyListSchema },
      },
    },
    (request) => listRiskCounties(deps, principalOf(request).viewer, request.query),
  );

  app.get(
    '/api/v1/risk/counties/:stcofips',
    {
      config: { permission: 'risk.read' },
      schema: {
        tags,
        summary: 'One county with its hazard breakdown',
        params: fipsParams,
        querystring: riskCountyQuerySchema,
        response: { 200: riskCountyDetailSchema },
      },
    },
    (request) => readRiskCounty(deps, principalOf(request).viewer, request.params.stcofips, request.query),
  );

  app.post(
    '/api/v1/risk/mitigation/estimate',
    {
      config: { permission: 'risk.read' },
      schema: {
        tags,
        summary:
          'Avoided expected annual loss per year of a mitigation action (the budget optimizer’s figure)',
        body: mitigationActionSchema,
      },
    },
    (request) => estimateMitigation(deps, request.body),
  );

  app.get(
    '/api/v1/risk/capability-gaps',
    {
      config: { permission: 'risk.read' },
      schema: {
        tags,
        summary: 'SPR capability gap summary over the targets and assessments the caller may see',
        response: { 200: z.object({ items: z.array(capabilityGapSchema), marking: tlpLabelSchema }) },
      },
    },
    (request) => summarizeVisibleGaps(deps, principalOf(request).viewer),
  );

  for (const kind of riskRecordKindList) registerRecordRoutes(app, deps, kind);
}

function registerRecordRoutes(app: App, deps: AppDeps, kind: RiskRecordKind): void {
  const base = `/api/v1/risk/${kind}`;
  const entity = riskRecordKinds[kind].entity;
  app.get(
    base,
    {
      config: { permission: 'risk.read' },
      schema: {
        tags,
        summary: `${entity} records the caller may see`,
        querystring: riskRecordListQuerySchema,
        response: { 200: riskRecordListSchema },
      },
    },
    (request) => listRiskRecords(deps, principalOf(request).viewer, kind, request.query),
  );

  app.post(
    base,
    {
      config: { permission: 'risk.write' },
      schema: {
        tags,
        summary: `Create a marked ${entity}`,
        body: riskRecordCreateSchema(kind),
        response: { 201: riskRecordSchema },
      },
    },
    async (request, reply) => {
      const body = request.body as { data: Record<string, unknown>; marking: MarkingInput };
      const record = await createRiskRecord(deps, principalOf(request).viewer, kind, body);
      return reply.code(201).header('location', `${base}/${record.id}`).send(record);
    },
  );

  app.get(
    `${base}/:id`,
    {
      config: { permission: 'risk.read' },
      schema: {
        tags,
        summary: `One ${entity} (404 when absent or not visible)`,
        params: idParams,
        response: { 200: riskRecordSchema },
      },
    },
    (request) => readRiskRecord(deps, principalOf(request).viewer, kind, request.params.id),
  );

  app.patch(
    `${base}/:id`,
    {
      config: { permission: 'risk.write' },
      schema: {
        tags,
        summary: `Edit a ${entity} (data replaced whole) or its marking`,
        params: idParams,
        body: riskRecordUpdateSchema(kind),
        response: { 200: riskRecordSchema },
      },
    },
    (request) =>
      updateRiskRecord(
        deps,
        principalOf(request).viewer,
        kind,
        request.params.id,
        request.body as { data?: Record<string, unknown>; marking?: MarkingInput; version?: number },
      ),
  );

  app.get(
    `${base}/:id/history`,
    {
      config: { permission: 'risk.read' },
      schema: {
        tags,
        summary: `Journal entries of a ${entity} the caller may see`,
        params: idParams,
        response: { 200: z.object({ items: z.array(historyEntrySchema) }) },
      },
    },
    async (request) => {
      const viewer = principalOf(request).viewer;
      if (!(await findVisibleRiskRecord(deps.database.db, viewer, kind, request.params.id))) {
        throw new DomainError('NOT_FOUND', `no ${entity} ${request.params.id}`);
      }
      const entries = await listVisibleHistory(deps.database.db, viewer, entity, request.params.id);
      return { items: entries.map(toHistoryEntry) };
    },
  );
}
