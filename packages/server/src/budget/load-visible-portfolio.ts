import {
  DomainError,
  type JournalDraft,
  type Marking,
  type Portfolio,
  parsePortfolio,
  type Viewer,
} from '@vigil/core';
import { loadMarkings } from '../platform/access/marking.store.ts';
import type { AppDeps } from '../platform/deps.ts';
import { markedDraft } from '../resources/marked-draft.ts';
import { findVisiblePortfolio, type PortfolioRowWithMarking } from './budget.store.ts';

export type LoadedPortfolio = { row: PortfolioRowWithMarking; marking: Marking; portfolio: Portfolio };

/** A portfolio the viewer may see, with its marking and parsed file; NOT_FOUND otherwise. */
export async function loadVisiblePortfolio(
  deps: AppDeps,
  viewer: Viewer,
  id: string,
): Promise<LoadedPortfolio> {
  const { db } = deps.database;
  const row = await findVisiblePortfolio(db, viewer, id);
  // Absent, deleted and hidden answer alike: a 403 would confirm the portfolio exists.
  if (!row) throw new DomainError('NOT_FOUND', `no budget portfolio ${id}`);
  const marking = (await loadMarkings(db, [row.marking_id])).get(row.marking_id);
  if (!marking) throw new Error(`portfolio ${id} points at missing marking ${row.marking_id}`);
  return { row, marking, portfolio: parsePortfolio(JSON.parse(row.body)) };
}

/** The journal entry of a change to a portfolio (or to what is seen through it), under its marking. */
export function portfolioJournalDraft(
  viewer: Viewer,
  at: string,
  action: string,
  id: string,
  markingId: string,
  marking: Marking,
  change: JournalDraft['change'],
): JournalDraft {
  return markedDraft(viewer, at, action, { type: 'budget-portfolio', id }, { markingId, marking }, change);
}
