import { randomUUID } from 'node:crypto';
import {
  buildMarking,
  DomainError,
  decidePortfolioWrite,
  defaultFrontierScales,
  type ExecutionEntry,
  type ExecutionSummaryView,
  type Frontier,
  type Marking,
  mostRestrictiveTlp,
  type OptimizationResult,
  type OptimizeProgress,
  optimizationResultSchema,
  type PortfolioCreate,
  type PortfolioDetail,
  type PortfolioList,
  parsePortfolio,
  summarizeExecution,
  type Viewer,
  type WhyNot,
} from '@vigil/core';
import { assertShareTargets, insertMarking, loadMarkings } from '../platform/access/marking.store.ts';
import type { AppDeps } from '../platform/deps.ts';
import { appendJournal } from '../platform/journal/journal.store.ts';
import {
  currentPortfolioVersion,
  insertExecution,
  insertPortfolio,
  insertRun,
  isVisiblePortfolio,
  latestVisibleRuns,
  listVisibleExecution,
  listVisiblePortfolios,
} from './budget.store.ts';
import { budgetSolver } from './budget-solver.ts';
import { loadVisiblePortfolio, portfolioJournalDraft } from './load-visible-portfolio.ts';
import { optimizeProgressBoard } from './optimize-progress.ts';
import { toPortfolioDetail, toPortfolioSummary } from './portfolio-view.ts';

/**
 * Wall-clock limits of a solve in the worker. HiGHS keeps its own time limit for the main
 * solve; around it come the greedy judgement, the LP relaxation for duals and, for why-not,
 * the conflict search. Past these the worker is stopped and the request answers a problem.
 */
const optimizeLimitMs = (timeLimit: number) => (2 * timeLimit + 60) * 1000;
const whyNotLimitMs = 120_000;
const frontierTimeLimit = 10;
const frontierLimitMs = (levels: number) => (levels * (2 * frontierTimeLimit + 10) + 30) * 1000;

export async function createPortfolio(
  deps: AppDeps,
  viewer: Viewer,
  input: PortfolioCreate,
): Promise<PortfolioDetail> {
  const { db, engine } = deps.database;
  const marking = buildMarking(input.marking, { agencyId: viewer.agencyId, userId: viewer.userId });
  await assertShareTargets(db, marking);
  const at = deps.now().toISOString();
  const id = randomUUID();
  const name = input.portfolio.name ?? `Portfolio ${at.slice(0, 10)}`;
  const row = await db.transaction().execute(async (trx) => {
    const markingId = await insertMarking(trx, marking, at);
    const stored = {
      id,
      name,
      body: JSON.stringify(input.portfolio),
      marking_id: markingId,
      version: 1,
      created_at: at,
      updated_at: at,
    };
    await insertPortfolio(trx, stored);
    await appendJournal(
      trx,
      engine,
      portfolioJournalDraft(viewer, at, 'budget-portfolio.created', id, markingId, marking, {
        name,
        investments: input.portfolio.investments.length,
      }),
    );
    return { ...stored, tlp: marking.tlp };
  });
  void deps.hub.notify();
  return toPortfolioDetail(row, marking, input.portfolio, undefined);
}

export async function listPortfolios(deps: AppDeps, viewer: Viewer): Promise<PortfolioList> {
  const { db } = deps.database;
  const rows = await listVisiblePortfolios(db, viewer);
  const markings = await loadMarkings(
    db,
    rows.map((row) => row.marking_id),
  );
  const runs = await latestVisibleRuns(
    db,
    viewer,
    rows.map((row) => row.id),
  );
  const items = rows.map((row) =>
    toPortfolioSummary(
      row,
      markings.get(row.marking_id) as Marking,
      parsePortfolio(JSON.parse(row.body)),
      runs.get(row.id),
    ),
  );
  return { items, marking: mostRestrictiveTlp(items.map((item) => item.marking.tlp)) };
}

export async function readPortfolio(deps: AppDeps, viewer: Viewer, id: string): Promise<PortfolioDetail> {
  const { row, marking, portfolio } = await loadVisiblePortfolio(deps, viewer, id);
  const run = (await latestVisibleRuns(deps.database.db, viewer, [id])).get(id);
  return toPortfolioDetail(row, marking, portfolio, run);
}

/** Runs the optimizer and keeps the run (with its proven gap) on the record, journaled. */
export async function runOptimizer(
  deps: AppDeps,
  viewer: Viewer,
  id: string,
  timeLimit: number,
): Promise<OptimizationResult & { run_id: string }> {
  const { db, engine } = deps.database;
  const { row, marking, portfolio } = await loadVisiblePortfolio(deps, viewer, id);
  const board = optimizeProgressBoard(deps.database, deps.now);
  const ticket = await board.enter(id, Number(row.version), timeLimit);
  const result = await budgetSolver()
    .run<OptimizationResult>(
      { kind: 'optimize', portfolio, timeLimit, mipRelGap: 1e-6 },
      optimizeLimitMs(timeLimit),
      {
        onStart: () => board.start(ticket),
        onProgress: (progress) => board.update(ticket, progress),
      },
    )
    .finally(() => board.leave(ticket));
  const at = deps.now().toISOString();
  const runId = randomUUID();
  await db.transaction().execute(async (trx) => {
    // The solve took a while: a run of a version edited (or deleted) meanwhile answers other data.
    const now = await currentPortfolioVersion(trx, id);
    if (now === undefined) throw new DomainError('NOT_FOUND', `no budget portfolio ${id}`);
    if (now !== row.version) {
      throw new DomainError('CONFLICT', 'the portfolio changed while the optimizer ran; run it again', {
        field: 'version',
      });
    }
    await insertRun(trx, {
      id: runId,
      portfolio_id: id,
      portfolio_version: row.version,
      status: result.status,
      objective: result.objective,
      gap: result.gap,
      result: JSON.stringify(result),
      author_user_id: viewer.userId,
      created_at: at,
    });
    await appendJournal(
      trx,
      engine,
      portfolioJournalDraft(viewer, at, 'budget-portfolio.optimized', id, row.marking_id, marking, {
        run: runId,
        status: result.status,
        objective: result.objective,
        gap: result.gap,
        selected: result.selected.length,
      }),
    );
  });
  void deps.hub.notify();
  return { ...result, run_id: runId };
}

/**
 * Where a running optimization of the portfolio stands, whichever server process runs it; of
 * `version` (the asking page's) when one of that version runs or waits; idle when none does.
 */
export async function optimizeProgress(
  deps: AppDeps,
  viewer: Viewer,
  id: string,
  version?: number,
): Promise<OptimizeProgress> {
  // Polled twice a second by every viewer: the markings are checked in SQL without reading the file.
  if (!(await isVisiblePortfolio(deps.database.db, viewer, id)))
    throw new DomainError('NOT_FOUND', `no budget portfolio ${id}`);
  return optimizeProgressBoard(deps.database, deps.now).read(id, version);
}

export async function latestResult(
  deps: AppDeps,
  viewer: Viewer,
  id: string,
): Promise<OptimizationResult & { run_id: string }> {
  await loadVisiblePortfolio(deps, viewer, id);
  const run = (await latestVisibleRuns(deps.database.db, viewer, [id])).get(id);
  if (!run)
    throw new DomainError('NOT_FOUND', `portfolio ${id} has not been optimized since its last change`);
  return { ...optimizationResultSchema.parse(JSON.parse(run.result)), run_id: run.id };
}

export async function explainInvestment(
  deps: AppDeps,
  viewer: Viewer,
  id: string,
  investmentId: string,
): Promise<WhyNot> {
  const { portfolio } = await loadVisiblePortfolio(deps, viewer, id);
  if (!portfolio.investments.some((inv) => inv.id === investmentId)) {
    throw new DomainError('VALIDATION_FAILED', `no investment ${investmentId} in this portfolio`, {
      field: 'investment_id',
    });
  }
  const optimum = await latestResult(deps, viewer, id);
  return budgetSolver().run<WhyNot>(
    {
      kind: 'why-not',
      portfolio,
      optimum: { objective: optimum.objective, selected: optimum.selected },
      investmentId,
    },
    whyNotLimitMs,
  );
}

export async function frontierOf(
  deps: AppDeps,
  viewer: Viewer,
  id: string,
  scales: number[] | undefined,
): Promise<Frontier> {
  const { portfolio } = await loadVisiblePortfolio(deps, viewer, id);
  return budgetSolver().run<Frontier>(
    { kind: 'frontier', portfolio, ...(scales ? { scales } : {}), timeLimit: frontierTimeLimit },
    frontierLimitMs(scales?.length ?? defaultFrontierScales.length),
  );
}

export async function recordExecution(
  deps: AppDeps,
  viewer: Viewer,
  id: string,
  entry: ExecutionEntry,
): Promise<{ id: string }> {
  const { db, engine } = deps.database;
  const { row, marking, portfolio } = await loadVisiblePortfolio(deps, viewer, id);
  decidePortfolioWrite(viewer, marking);
  const investment = portfolio.investments.find((inv) => inv.id === entry.investment_id);
  if (!investment) {
    throw new DomainError('VALIDATION_FAILED', `no investment ${entry.investment_id} in this portfolio`, {
      field: 'investment_id',
    });
  }
  if (!investment.eligible_sources.includes(entry.source_id)) {
    throw new DomainError('VALIDATION_FAILED', `${entry.source_id} may not pay for ${entry.investment_id}`, {
      field: 'source_id',
    });
  }
  const at = deps.now().toISOString();
  const entryId = randomUUID();
  await db.transaction().execute(async (trx) => {
    await insertExecution(trx, {
      id: entryId,
      portfolio_id: id,
      investment_id: entry.investment_id,
      source_id: entry.source_id,
      kind: entry.kind,
      amount: entry.amount,
      on_date: entry.on,
      note: entry.note ?? null,
      author_user_id: viewer.userId,
      created_at: at,
    });
    await appendJournal(
      trx,
      engine,
      portfolioJournalDraft(viewer, at, 'budget-execution.recorded', id, row.marking_id, marking, {
        entry: entryId,
        investment: entry.investment_id,
        source: entry.source_id,
        kind: entry.kind,
        amount: entry.amount,
        on: entry.on,
      }),
    );
  });
  void deps.hub.notify();
  return { id: entryId };
}

export async function executionOf(
  deps: AppDeps,
  viewer: Viewer,
  id: string,
  asOf: string,
): Promise<ExecutionSummaryView> {
  const { portfolio } = await loadVisiblePortfolio(deps, viewer, id);
  const rows = await listVisibleExecution(deps.database.db, viewer, id);
  const entries = rows.map((r) => ({
    id: r.id,
    investment_id: r.investment_id,
    source_id: r.source_id,
    kind: r.kind as ExecutionEntry['kind'],
    amount: r.amount,
    on: r.on_date,
    note: r.note,
  }));
  const periods = new Map(portfolio.sources.map((s) => [s.id, s.period_of_performance_end]));
  const summary = summarizeExecution(
    entries.map(({ note, id: _id, ...entry }) => ({ ...entry, ...(note ? { note } : {}) })),
    periods,
    asOf,
  );
  return { ...summary, entries };
}
