import {
  deletedPortfolioListSchema,
  executionQuerySchema,
  executionRecordSchema,
  executionSummarySchema,
  frontierRequestSchema,
  frontierSchema,
  optimizationResultSchema,
  optimizeProgressQuerySchema,
  optimizeProgressSchema,
  optimizeRequestSchema,
  portfolioCreateSchema,
  portfolioDeleteQuerySchema,
  portfolioDetailSchema,
  portfolioListSchema,
  portfolioRestoreQuerySchema,
  portfolioUpdateSchema,
  whyNotRequestSchema,
  whyNotSchema,
} from '@vigil/core';
import { z } from 'zod';
import type { AppDeps } from '../platform/deps.ts';
import type { App } from '../platform/http/app-type.ts';
import { principalOf } from '../platform/http/route-config.ts';
import {
  createPortfolio,
  executionOf,
  explainInvestment,
  frontierOf,
  latestResult,
  listPortfolios,
  optimizeProgress,
  readPortfolio,
  recordExecution,
  runOptimizer,
} from './budget.actions.ts';
import {
  deletePortfolio,
  listDeletedPortfolios,
  restorePortfolio,
  updatePortfolio,
} from './portfolio-edit.actions.ts';

const idParams = z.strictObject({ id: z.string().min(1).max(64) });
const runSchema = optimizationResultSchema.extend({ run_id: z.string() });
const tags = ['budget'];
const base = '/api/v1/budget/portfolios';

/** Grant portfolios: parse → authorize (hook + markings) → act → present. */
/**
 * A portfolio file may hold 20,000 investments (portfolioLimits), a few hundred bytes each: more
 * than the API's 1 MiB. Only the routes that take the whole file accept up to 16 MiB; the
 * contract's own limits apply after.
 */
export const portfolioBodyLimit = 16 * 1024 * 1024;

export function registerBudgetRoutes(app: App, deps: AppDeps): void {
  app.get(
    base,
    {
      config: { permission: 'budget.read' },
      schema: { tags, summary: 'Portfolios the caller may see', response: { 200: portfolioListSchema } },
    },
    (request) => listPortfolios(deps, principalOf(request).viewer),
  );

  app.post(
    base,
    {
      bodyLimit: portfolioBodyLimit,
      config: { permission: 'budget.write' },
      schema: {
        tags,
        summary: 'Create a marked portfolio from the portfolio file',
        body: portfolioCreateSchema,
        response: { 201: portfolioDetailSchema },
      },
    },
    async (request, reply) => {
      const created = await createPortfolio(deps, principalOf(request).viewer, request.body);
      return reply.code(201).header('location', `${base}/${created.id}`).send(created);
    },
  );

  app.get(
    `${base}/:id`,
    {
      config: { permission: 'budget.read' },
      schema: {
        tags,
        summary: 'A portfolio with benefit, cost and benefit per dollar per investment',
        params: idParams,
        response: { 200: portfolioDetailSchema },
      },
    },
    (request) => readPortfolio(deps, principalOf(request).viewer, request.params.id),
  );

  app.put(
    `${base}/:id`,
    {
      bodyLimit: portfolioBodyLimit,
      config: { permission: 'budget.write' },
      schema: {
        tags,
        summary: 'Replace the portfolio file (owning agency; `version` is the one edited, else 409)',
        params: idParams,
        body: portfolioUpdateSchema,
        response: { 200: portfolioDetailSchema },
      },
    },
    (request) => updatePortfolio(deps, principalOf(request).viewer, request.params.id, request.body),
  );

  app.delete(
    `${base}/:id`,
    {
      config: { permission: 'budget.write' },
      schema: {
        tags,
        summary: 'Delete a portfolio (owning agency); its execution entries and runs stay on the record',
        params: idParams,
        querystring: portfolioDeleteQuerySchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await deletePortfolio(deps, principalOf(request).viewer, request.params.id, request.query.version);
      return reply.code(204).send(null);
    },
  );

  // The bin is for those who may delete: the owning agency's budget staff (the agency in SQL).
  app.get(
    `${base}/deleted`,
    {
      config: { permission: 'budget.write' },
      schema: {
        tags,
        summary: "The caller's agency's deleted portfolios it may see, newest deletion first",
        response: { 200: deletedPortfolioListSchema },
      },
    },
    (request) => listDeletedPortfolios(deps, principalOf(request).viewer),
  );

  app.post(
    `${base}/:id/restore`,
    {
      config: { permission: 'budget.write' },
      schema: {
        tags,
        summary:
          'Restore a deleted portfolio (owning agency; `version` is the one deleted, else 409; 404 when live or hidden)',
        params: idParams,
        querystring: portfolioRestoreQuerySchema,
        response: { 200: portfolioDetailSchema },
      },
    },
    (request) =>
      restorePortfolio(deps, principalOf(request).viewer, request.params.id, request.query.version),
  );

  app.post(
    `${base}/:id/optimize`,
    {
      config: { permission: 'budget.write' },
      schema: {
        tags,
        summary: 'Run the optimizer (HiGHS) and keep the run',
        params: idParams,
        body: optimizeRequestSchema,
        response: { 200: runSchema },
      },
    },
    (request) => runOptimizer(deps, principalOf(request).viewer, request.params.id, request.body.time_limit),
  );

  app.get(
    `${base}/:id/optimize/progress`,
    {
      config: { permission: 'budget.read' },
      schema: {
        tags,
        summary: 'Where a running optimization stands: best plan, proven bound and gap so far',
        params: idParams,
        querystring: optimizeProgressQuerySchema,
        response: { 200: optimizeProgressSchema },
      },
    },
    (request) =>
      optimizeProgress(deps, principalOf(request).viewer, request.params.id, request.query.version),
  );

  app.get(
    `${base}/:id/result`,
    {
      config: { permission: 'budget.read' },
      schema: { tags, summary: 'The latest optimizer run', params: idParams, response: { 200: runSchema } },
    },
    (request) => latestResult(deps, principalOf(request).viewer, request.params.id),
  );

  app.post(
    `${base}/:id/why-not`,
    {
      config: { permission: 'budget.read' },
      schema: {
        tags,
        summary: 'Force one investment the other way and report the benefit change',
        params: idParams,
        body: whyNotRequestSchema,
        response: { 200: whyNotSchema },
      },
    },
    (request) =>
      explainInvestment(deps, principalOf(request).viewer, request.params.id, request.body.investment_id),
  );

  app.post(
    `${base}/:id/frontier`,
    {
      config: { permission: 'budget.read' },
      schema: {
        tags,
        summary: 'Best benefit at each budget level (all sources scaled), greedy beside it',
        params: idParams,
        body: frontierRequestSchema,
        response: { 200: frontierSchema },
      },
    },
    (request) => frontierOf(deps, principalOf(request).viewer, request.params.id, request.body.scales),
  );

  app.post(
    `${base}/:id/execution`,
    {
      config: { permission: 'budget.write' },
      schema: {
        tags,
        summary: 'Record an award, obligation or expenditure',
        params: idParams,
        body: executionRecordSchema,
        response: { 201: z.object({ id: z.string() }) },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await recordExecution(deps, principalOf(request).viewer, request.params.id, request.body)),
  );

  app.get(
    `${base}/:id/execution`,
    {
      config: { permission: 'budget.read' },
      schema: {
        tags,
        summary: 'Burn rate and lapse warnings as of a day',
        params: idParams,
        querystring: executionQuerySchema,
        response: { 200: executionSummarySchema },
      },
    },
    (request) => executionOf(deps, principalOf(request).viewer, request.params.id, request.query.as_of),
  );
}
