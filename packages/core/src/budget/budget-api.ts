import { z } from 'zod';
import { type Marking, markingInputSchema, tlpLabelSchema, type Viewer } from '../access/index.ts';
import { markingViewSchema } from '../bulletins/index.ts';
import { DomainError } from '../errors/index.ts';
import { portfolioSchema } from './portfolio.ts';
import { executionEntrySchema, executionKinds } from './track-execution.ts';

/** REST contracts of `/api/v1/budget/...`; the web client and the CLI use the same ones. */
export const portfolioCreateSchema = z.strictObject({
  portfolio: portfolioSchema,
  marking: markingInputSchema,
});
export type PortfolioCreate = z.infer<typeof portfolioCreateSchema>;

/**
 * `PUT /api/v1/budget/portfolios/:id`: the whole portfolio file again, validated as on create,
 * with the version it was edited from (optimistic concurrency); the marking stays unless sent.
 */
export const portfolioUpdateSchema = z.strictObject({
  portfolio: portfolioSchema,
  marking: markingInputSchema.optional(),
  version: z.number().int().min(1),
});
export type PortfolioUpdate = z.infer<typeof portfolioUpdateSchema>;

/** `DELETE /api/v1/budget/portfolios/:id?version=N`: the version is optional but checked when sent. */
export const portfolioDeleteQuerySchema = z.strictObject({
  version: z.coerce.number().int().min(1).optional(),
});

/**
 * `POST /api/v1/budget/portfolios/:id/restore?version=N`: the version it was deleted at (as the
 * list of deleted portfolios shows it), required: bringing a portfolio back for everyone it is
 * shared with should be a decision about that portfolio as the owner last saw it.
 */
export const portfolioRestoreQuerySchema = z.strictObject({
  version: z.coerce.number().int().min(1),
});

/** `GET …/:id/optimize/progress?version=N`: the page's version, whose solve is shown first when several run. */
export const optimizeProgressQuerySchema = z.strictObject({
  version: z.coerce.number().int().min(1).optional(),
});

export const optimizeRequestSchema = z.strictObject({
  /** Seconds the solver may take; the plan found by then comes back with its proven gap. */
  time_limit: z.number().min(1).max(120).default(30),
});
export type OptimizeRequest = z.infer<typeof optimizeRequestSchema>;

/**
 * Where a running optimization of a portfolio stands, for those who may see the portfolio: `idle`
 * when none runs, `queued` behind other solves, `running` with the best plan, the proven bound and
 * the gap so far (dollars; null until known). A view of work in flight, not a record.
 */
export const optimizeProgressSchema = z.object({
  state: z.enum(['idle', 'queued', 'running']),
  /** The portfolio version being solved (null when idle). */
  version: z.number().int().nullable(),
  /** Seconds since the solve started (null while queued or idle). */
  seconds: z.number().nullable(),
  time_limit: z.number().nullable(),
  objective: z.number().nullable(),
  bound: z.number().nullable(),
  gap: z.number().nullable(),
});
export type OptimizeProgress = z.infer<typeof optimizeProgressSchema>;

/** What the progress route answers when no solve of the portfolio is in hand. */
export const idleOptimizeProgress: OptimizeProgress = {
  state: 'idle',
  version: null,
  seconds: null,
  time_limit: null,
  objective: null,
  bound: null,
  gap: null,
};

export const whyNotRequestSchema = z.strictObject({ investment_id: z.string().trim().min(1).max(64) });

export const frontierRequestSchema = z.strictObject({
  scales: z.array(z.number().min(0).max(10)).min(2).max(12).optional(),
});

export const executionQuerySchema = z.strictObject({ as_of: z.iso.date() });

export const executionRecordSchema = executionEntrySchema;

export const portfolioSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  years: z.number().int(),
  first_fiscal_year: z.number().int().nullable(),
  investments: z.number().int(),
  sources: z.number().int(),
  available: z.number(),
  asked: z.number(),
  marking: markingViewSchema,
  version: z.number().int(),
  created_at: z.string(),
  latest_run: z
    .object({
      id: z.string(),
      status: z.string(),
      objective: z.number().nullable(),
      gap: z.number().nullable(),
      created_at: z.string(),
    })
    .nullable(),
});
export type PortfolioSummary = z.infer<typeof portfolioSummarySchema>;

export const portfolioRowSchema = z.object({
  id: z.string(),
  name: z.string().nullable(),
  mission_area: z.string(),
  category: z.string(),
  county: z.string().nullable(),
  core_capabilities: z.array(z.string()),
  benefit: z.number(),
  cost: z.number(),
  benefit_per_dollar: z.number().nullable(),
  must_fund: z.boolean(),
  eligible_sources: z.array(z.string()),
});

export const portfolioDetailSchema = portfolioSummarySchema.extend({
  rows: z.array(portfolioRowSchema),
  portfolio: z.record(z.string(), z.unknown()),
});
export type PortfolioDetail = z.infer<typeof portfolioDetailSchema>;
export type PortfolioRow = z.infer<typeof portfolioRowSchema>;

export const portfolioListSchema = z.object({
  items: z.array(portfolioSummarySchema),
  marking: tlpLabelSchema,
});
export type PortfolioList = z.infer<typeof portfolioListSchema>;

/** `GET /api/v1/budget/portfolios/deleted`: the owning agency's deleted portfolios, newest deletion first. */
export const deletedPortfolioSchema = z.object({
  id: z.string(),
  name: z.string(),
  version: z.number().int(),
  deleted_at: z.string(),
  marking: markingViewSchema,
});
export type DeletedPortfolio = z.infer<typeof deletedPortfolioSchema>;

export const deletedPortfolioListSchema = z.object({
  items: z.array(deletedPortfolioSchema),
  marking: tlpLabelSchema,
});
export type DeletedPortfolioList = z.infer<typeof deletedPortfolioListSchema>;

export const executionSummarySchema = z.object({
  as_of: z.string(),
  lines: z.array(
    z.object({
      investment_id: z.string(),
      source_id: z.string(),
      awarded: z.number(),
      obligated: z.number(),
      expended: z.number(),
      burn_per_day: z.number(),
      days_left: z.number().nullable(),
      at_risk: z.number(),
      warning: z.string().nullable(),
    }),
  ),
  totals: z.object({ awarded: z.number(), obligated: z.number(), expended: z.number(), at_risk: z.number() }),
  entries: z.array(
    executionEntrySchema.extend({
      id: z.string(),
      kind: z.enum(executionKinds),
      note: z.string().nullable(),
    }),
  ),
});
export type ExecutionSummaryView = z.infer<typeof executionSummarySchema>;

/**
 * The owning agency's grants office keeps its portfolio: only it records execution or
 * changes the portfolio. Partners it shares with may read and run the optimizer (a run
 * changes no decision; it is kept for the record).
 */
export function decidePortfolioWrite(
  viewer: Viewer,
  marking: Marking,
  what = 'records execution on its portfolio',
): void {
  if (viewer.agencyId !== marking.ownerAgencyId) {
    throw new DomainError('PERMISSION_DENIED', `only the owning agency ${what}`);
  }
}
