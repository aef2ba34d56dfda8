import { sql } from 'kysely';
import type { BudgetOptimizeProgressTable } from '../platform/database/schema.ts';
import type { Db } from '../platform/database/transaction.ts';

export type ProgressRow = BudgetOptimizeProgressTable;
export type ProgressChange = Partial<
  Pick<ProgressRow, 'state' | 'started_at' | 'seconds' | 'objective' | 'bound' | 'gap' | 'updated_at'>
>;

export async function insertProgress(db: Db, row: ProgressRow): Promise<void> {
  await db.insertInto('budget_optimize_progress').values(row).execute();
}

/** Returns how many rows it changed: 0 when the row is gone. */
export async function updateProgress(db: Db, ticket: string, change: ProgressChange): Promise<number> {
  const result = await db
    .updateTable('budget_optimize_progress')
    .set(change)
    .where('ticket', '=', ticket)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function deleteProgress(db: Db, ticket: string): Promise<void> {
  await db.deleteFrom('budget_optimize_progress').where('ticket', '=', ticket).execute();
}

/** Rows no process refreshed since `before`: their process is gone. */
export async function deleteStaleProgress(db: Db, before: string): Promise<void> {
  await db.deleteFrom('budget_optimize_progress').where('updated_at', '<', before).execute();
}

/**
 * The solve of a portfolio to show: of the version asked for when one runs or waits (several
 * processes may solve several versions at once), running before queued, newest first.
 */
export async function selectProgress(
  db: Db,
  portfolioId: string,
  freshSince: string,
  version: number | undefined,
): Promise<ProgressRow | undefined> {
  let query = db
    .selectFrom('budget_optimize_progress')
    .selectAll()
    .where('portfolio_id', '=', portfolioId)
    .where('updated_at', '>=', freshSince);
  if (version !== undefined)
    query = query.orderBy(sql`case when portfolio_version = ${version} then 0 else 1 end`);
  return query
    .orderBy(sql`case when state = 'running' then 0 else 1 end`)
    .orderBy('entered_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}
