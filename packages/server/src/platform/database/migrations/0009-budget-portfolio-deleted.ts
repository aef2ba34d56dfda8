import type { Kysely } from 'kysely';

/**
 * Deleting a portfolio hides it rather than removing its row: its execution entries are a
 * record of money awarded and spent, and its journal entries keep pointing at an id that
 * still resolves (to its marking, for `vigil audit`). Every budget query skips deleted rows.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('budget_portfolios').addColumn('deleted_at', 'varchar(32)').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('budget_portfolios').dropColumn('deleted_at').execute();
}
