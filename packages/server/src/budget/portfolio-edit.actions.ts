import {
  buildMarking,
  type DeletedPortfolio,
  type DeletedPortfolioList,
  DomainError,
  decidePortfolioWrite,
  type Marking,
  mostRestrictiveTlp,
  type PortfolioDetail,
  type PortfolioUpdate,
  parsePortfolio,
  sameMarking,
  type Viewer,
} from '@vigil/core';
import { assertShareTargets, insertMarking, loadMarkings } from '../platform/access/marking.store.ts';
import { toMarkingView } from '../platform/access/marking-view.ts';
import type { AppDeps } from '../platform/deps.ts';
import { appendJournal } from '../platform/journal/journal.store.ts';
import {
  type DeletedPortfolioRow,
  executionPairs,
  findVisibleDeletedPortfolio,
  listVisibleDeletedPortfolios,
  restorePortfolioRow,
  updatePortfolioRow,
} from './budget.store.ts';
import { loadVisiblePortfolio, portfolioJournalDraft } from './load-visible-portfolio.ts';
import { assertKeepsExecution, describePortfolioChange } from './portfolio-change.ts';
import { toPortfolioDetail } from './portfolio-view.ts';

const stale = (version: number) =>
  new DomainError('CONFLICT', `the portfolio changed since version ${version}; reload it`, {
    field: 'version',
  });

/**
 * Replaces the portfolio file (and, when sent, its marking). Only the owning agency keeps its
 * portfolio, so no partner can lower a marking here. The new version has no optimizer run:
 * earlier runs stay on the record but answered other data, so none is shown as the result.
 */
export async function updatePortfolio(
  deps: AppDeps,
  viewer: Viewer,
  id: string,
  input: PortfolioUpdate,
): Promise<PortfolioDetail> {
  const { db, engine } = deps.database;
  const { row, marking: current, portfolio: before } = await loadVisiblePortfolio(deps, viewer, id);
  decidePortfolioWrite(viewer, current, 'changes its portfolio');
  if (input.version !== Number(row.version)) throw stale(input.version);
  const proposed = input.marking
    ? buildMarking(input.marking, { agencyId: current.ownerAgencyId, userId: current.authorUserId })
    : current;
  const markingChanged = !sameMarking(current, proposed);
  const marking = markingChanged ? proposed : current;
  if (markingChanged) await assertShareTargets(db, marking);
  assertKeepsExecution(input.portfolio, await executionPairs(db, id));
  const at = deps.now().toISOString();
  const name = input.portfolio.name ?? row.name;
  const version = Number(row.version) + 1;
  const saved = await db.transaction().execute(async (trx) => {
    const markingId = markingChanged ? await insertMarking(trx, marking, at) : row.marking_id;
    const fields = {
      name,
      body: JSON.stringify(input.portfolio),
      marking_id: markingId,
      version,
      updated_at: at,
    };
    if (!(await updatePortfolioRow(trx, id, Number(row.version), fields))) throw stale(input.version);
    await appendJournal(
      trx,
      engine,
      portfolioJournalDraft(viewer, at, 'budget-portfolio.updated', id, markingId, marking, {
        version,
        ...describePortfolioChange(before, input.portfolio),
        ...(markingChanged ? { marking: { from: current.tlp, to: marking.tlp } } : {}),
      }),
    );
    return { ...row, ...fields, tlp: marking.tlp };
  });
  void deps.hub.notify();
  return toPortfolioDetail(saved, marking, input.portfolio, undefined);
}

/**
 * Deletes a portfolio for everyone by hiding it (the row stays): its execution entries are
 * a record of money awarded and spent, and its runs and journal entries keep pointing at it.
 */
export async function deletePortfolio(
  deps: AppDeps,
  viewer: Viewer,
  id: string,
  expectedVersion: number | undefined,
): Promise<void> {
  const { db, engine } = deps.database;
  const { row, marking } = await loadVisiblePortfolio(deps, viewer, id);
  decidePortfolioWrite(viewer, marking, 'deletes its portfolio');
  if (expectedVersion !== undefined && expectedVersion !== Number(row.version)) throw stale(expectedVersion);
  const at = deps.now().toISOString();
  await db.transaction().execute(async (trx) => {
    const version = Number(row.version) + 1;
    const fields = { version, updated_at: at, deleted_at: at };
    if (!(await updatePortfolioRow(trx, id, Number(row.version), fields))) {
      throw stale(expectedVersion ?? Number(row.version));
    }
    await appendJournal(
      trx,
      engine,
      portfolioJournalDraft(viewer, at, 'budget-portfolio.deleted', id, row.marking_id, marking, {
        name: row.name,
        version,
      }),
    );
  });
  void deps.hub.notify();
}

/** The presenter of a deleted portfolio: what the owner needs to pick it and restore it. */
function toDeletedPortfolio(row: DeletedPortfolioRow, marking: Marking): DeletedPortfolio {
  return {
    id: row.id,
    name: row.name,
    version: Number(row.version),
    deleted_at: row.deleted_at,
    marking: toMarkingView(marking),
  };
}

/** The viewer's agency's deleted portfolios it may see (markings in SQL), newest deletion first. */
export async function listDeletedPortfolios(deps: AppDeps, viewer: Viewer): Promise<DeletedPortfolioList> {
  const { db } = deps.database;
  const rows = await listVisibleDeletedPortfolios(db, viewer);
  const markings = await loadMarkings(
    db,
    rows.map((row) => row.marking_id),
  );
  const items = rows.map((row) => toDeletedPortfolio(row, markings.get(row.marking_id) as Marking));
  return { items, marking: mostRestrictiveTlp(items.map((item) => item.marking.tlp)) };
}

/**
 * Brings a deleted portfolio back for everyone its marking reaches, at the next version: a
 * run kept from before the delete answered the same file, but results only ever show a run
 * of the current version, so the page asks for a new run.
 */
export async function restorePortfolio(
  deps: AppDeps,
  viewer: Viewer,
  id: string,
  expectedVersion: number,
): Promise<PortfolioDetail> {
  const { db, engine } = deps.database;
  const row = await findVisibleDeletedPortfolio(db, viewer, id);
  // Absent, live and hidden answer alike, as for delete: a 403 would confirm the portfolio exists.
  if (!row) throw new DomainError('NOT_FOUND', `no deleted budget portfolio ${id}`);
  const marking = (await loadMarkings(db, [row.marking_id])).get(row.marking_id);
  if (!marking) throw new Error(`portfolio ${id} points at missing marking ${row.marking_id}`);
  decidePortfolioWrite(viewer, marking, 'restores its portfolio');
  if (expectedVersion !== Number(row.version)) throw stale(expectedVersion);
  const at = deps.now().toISOString();
  const version = Number(row.version) + 1;
  await db.transaction().execute(async (trx) => {
    if (!(await restorePortfolioRow(trx, id, Number(row.version), { version, updated_at: at }))) {
      throw stale(expectedVersion);
    }
    await appendJournal(
      trx,
      engine,
      portfolioJournalDraft(viewer, at, 'budget-portfolio.restored', id, row.marking_id, marking, {
        name: row.name,
        version,
        deleted_at: row.deleted_at,
      }),
    );
  });
  void deps.hub.notify();
  return toPortfolioDetail(
    { ...row, version, updated_at: at },
    marking,
    parsePortfolio(JSON.parse(row.body)),
    undefined,
  );
}
