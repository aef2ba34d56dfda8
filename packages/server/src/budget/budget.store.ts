import type { Viewer } from '@vigil/core';
import { visibleMarkings } from '../platform/access/visible-markings.ts';
import type {
  BudgetExecutionTable,
  BudgetPortfolioTable,
  BudgetRunTable,
} from '../platform/database/schema.ts';
import type { Executor } from '../platform/database/transaction.ts';

export type PortfolioRowWithMarking = Omit<BudgetPortfolioTable, 'deleted_at'> & { tlp: string };

export type DeletedPortfolioRow = PortfolioRowWithMarking & { deleted_at: string };

/** Portfolios, and everything seen through them, join the marking and apply the visibility rule in SQL. */
function markedPortfolios(db: Executor, viewer: Viewer) {
  return db
    .selectFrom('budget_portfolios as p')
    .innerJoin('markings as m', 'm.id', 'p.marking_id')
    .where(visibleMarkings(viewer));
}

/** A deleted portfolio is seen by nobody here; only its owning agency finds it, in `deletedPortfolios`. */
function visiblePortfolios(db: Executor, viewer: Viewer) {
  return markedPortfolios(db, viewer).where('p.deleted_at', 'is', null);
}

/**
 * The viewer's agency's deleted portfolios, still under their markings: a partner it was
 * shared with, or a colleague a RED marking does not name, finds nothing to restore.
 */
function deletedPortfolios(db: Executor, viewer: Viewer) {
  return markedPortfolios(db, viewer)
    .where('p.deleted_at', 'is not', null)
    .where('m.owner_agency_id', '=', viewer.agencyId);
}

const columns = [
  'p.id',
  'p.name',
  'p.body',
  'p.marking_id',
  'p.version',
  'p.created_at',
  'p.updated_at',
  'm.tlp',
] as const;

/** Undefined both when absent and when hidden: the caller answers 404 either way. */
export async function findVisiblePortfolio(
  db: Executor,
  viewer: Viewer,
  id: string,
): Promise<PortfolioRowWithMarking | undefined> {
  return visiblePortfolios(db, viewer).select(columns).where('p.id', '=', id).executeTakeFirst();
}

/** Whether the viewer may see the portfolio (markings in SQL), without reading its file. */
export async function isVisiblePortfolio(db: Executor, viewer: Viewer, id: string): Promise<boolean> {
  return (
    (await visiblePortfolios(db, viewer).select('p.id').where('p.id', '=', id).executeTakeFirst()) !==
    undefined
  );
}

export async function listVisiblePortfolios(
  db: Executor,
  viewer: Viewer,
): Promise<PortfolioRowWithMarking[]> {
  return visiblePortfolios(db, viewer).select(columns).orderBy('p.created_at', 'desc').limit(200).execute();
}

export async function listVisibleDeletedPortfolios(
  db: Executor,
  viewer: Viewer,
): Promise<DeletedPortfolioRow[]> {
  return deletedPortfolios(db, viewer)
    .select([...columns, 'p.deleted_at'])
    .$narrowType<{ deleted_at: string }>()
    .orderBy('p.deleted_at', 'desc')
    .orderBy('p.id')
    .limit(200)
    .execute();
}

/** Undefined when absent, live or hidden: the caller answers 404 alike. */
export async function findVisibleDeletedPortfolio(
  db: Executor,
  viewer: Viewer,
  id: string,
): Promise<DeletedPortfolioRow | undefined> {
  return deletedPortfolios(db, viewer)
    .select([...columns, 'p.deleted_at'])
    .$narrowType<{ deleted_at: string }>()
    .where('p.id', '=', id)
    .executeTakeFirst();
}

export async function insertPortfolio(
  db: Executor,
  row: Omit<BudgetPortfolioTable, 'deleted_at'>,
): Promise<void> {
  await db.insertInto('budget_portfolios').values(row).execute();
}

/**
 * Compare-and-set on the version: false when somebody else saved (or deleted) it since it
 * was read, which the caller answers as a conflict.
 */
export async function updatePortfolioRow(
  db: Executor,
  id: string,
  expectedVersion: number,
  fields: Partial<Omit<BudgetPortfolioTable, 'id' | 'created_at'>>,
): Promise<boolean> {
  const result = await db
    .updateTable('budget_portfolios')
    .set(fields)
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Compare-and-set on the version of a deleted portfolio; false when it changed (or came back) meanwhile. */
export async function restorePortfolioRow(
  db: Executor,
  id: string,
  expectedVersion: number,
  fields: { version: number; updated_at: string },
): Promise<boolean> {
  const result = await db
    .updateTable('budget_portfolios')
    .set({ ...fields, deleted_at: null })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .where('deleted_at', 'is not', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The version a live portfolio has now; undefined once deleted. Read inside the writing transaction. */
export async function currentPortfolioVersion(db: Executor, id: string): Promise<number | undefined> {
  const row = await db
    .selectFrom('budget_portfolios')
    .select('version')
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return row ? Number(row.version) : undefined;
}

export async function insertRun(db: Executor, row: BudgetRunTable): Promise<void> {
  await db.insertInto('budget_runs').values(row).execute();
}

/**
 * The latest run of each listed portfolio the viewer may see (the marking join again, not
 * trust in the ids), and only a run of the portfolio as it is now: a run of an earlier
 * version answered other data, so it stays on the record but is never shown as the result.
 */
export async function latestVisibleRuns(
  db: Executor,
  viewer: Viewer,
  portfolioIds: readonly string[],
): Promise<Map<string, BudgetRunTable>> {
  if (portfolioIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('budget_runs as r')
    .innerJoin('budget_portfolios as p', 'p.id', 'r.portfolio_id')
    .innerJoin('markings as m', 'm.id', 'p.marking_id')
    .where(visibleMarkings(viewer))
    .where('p.deleted_at', 'is', null)
    .whereRef('r.portfolio_version', '=', 'p.version')
    .where('r.portfolio_id', 'in', portfolioIds)
    .selectAll('r')
    .orderBy('r.created_at', 'desc')
    .orderBy('r.id', 'desc')
    .execute();
  const latest = new Map<string, BudgetRunTable>();
  for (const row of rows) if (!latest.has(row.portfolio_id)) latest.set(row.portfolio_id, row);
  return latest;
}

export async function insertExecution(db: Executor, row: BudgetExecutionTable): Promise<void> {
  await db.insertInto('budget_execution').values(row).execute();
}

export async function listVisibleExecution(
  db: Executor,
  viewer: Viewer,
  portfolioId: string,
): Promise<BudgetExecutionTable[]> {
  return db
    .selectFrom('budget_execution as e')
    .innerJoin('budget_portfolios as p', 'p.id', 'e.portfolio_id')
    .innerJoin('markings as m', 'm.id', 'p.marking_id')
    .where(visibleMarkings(viewer))
    .where('p.deleted_at', 'is', null)
    .where('e.portfolio_id', '=', portfolioId)
    .selectAll('e')
    .orderBy('e.on_date')
    .orderBy('e.created_at')
    .limit(50_000)
    .execute();
}

/** Each (investment, source) pair that has execution entries: what an edit may not take away. */
export async function executionPairs(
  db: Executor,
  portfolioId: string,
): Promise<{ investment_id: string; source_id: string }[]> {
  return db
    .selectFrom('budget_execution')
    .select(['investment_id', 'source_id'])
    .distinct()
    .where('portfolio_id', '=', portfolioId)
    .orderBy('investment_id')
    .orderBy('source_id')
    .execute();
}
