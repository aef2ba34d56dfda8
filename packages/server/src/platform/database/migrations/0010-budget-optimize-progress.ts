import type { Kysely } from 'kysely';

/**
 * Where each optimizer solve in flight stands, so that a poll answered by any server process
 * on the database sees it (the solve runs in one process; the page's polls may reach another).
 * Not a record: a row lives while its solve is queued or running and is deleted when it ends;
 * the process that owns it refreshes `updated_at` every few seconds, so the row of a process
 * that died is ignored once stale and removed by the next solve.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('budget_optimize_progress')
    .addColumn('ticket', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('portfolio_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('portfolio_version', 'integer', (c) => c.notNull())
    .addColumn('time_limit', 'double precision', (c) => c.notNull())
    .addColumn('state', 'varchar(8)', (c) => c.notNull())
    .addColumn('entered_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('started_at', 'varchar(32)')
    .addColumn('seconds', 'double precision')
    .addColumn('objective', 'double precision')
    .addColumn('bound', 'double precision')
    .addColumn('gap', 'double precision')
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('budget_optimize_progress_portfolio')
    .on('budget_optimize_progress')
    .columns(['portfolio_id', 'updated_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('budget_optimize_progress').execute();
}
