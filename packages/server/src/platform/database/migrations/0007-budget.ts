import type { Kysely } from 'kysely';

/**
 * Budget oversight: grant portfolios (marked; the portfolio file kept as JSON text),
 * optimizer runs and execution entries (awards, obligations, expenditures). Runs and
 * entries carry no marking of their own: they are seen through their portfolio's.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('budget_portfolios')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('marking_id', 'varchar(64)', (c) => c.notNull().references('markings.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('budget_portfolios_marking')
    .on('budget_portfolios')
    .column('marking_id')
    .execute();

  await db.schema
    .createTable('budget_runs')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('portfolio_id', 'varchar(64)', (c) => c.notNull().references('budget_portfolios.id'))
    .addColumn('portfolio_version', 'integer', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('objective', 'double precision')
    .addColumn('gap', 'double precision')
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('author_user_id', 'varchar(64)', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('budget_runs_portfolio')
    .on('budget_runs')
    .columns(['portfolio_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('budget_execution')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('portfolio_id', 'varchar(64)', (c) => c.notNull().references('budget_portfolios.id'))
    .addColumn('investment_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('source_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('amount', 'double precision', (c) => c.notNull())
    .addColumn('on_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('author_user_id', 'varchar(64)', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('budget_execution_portfolio')
    .on('budget_execution')
    .column('portfolio_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('budget_execution').execute();
  await db.schema.dropTable('budget_runs').execute();
  await db.schema.dropTable('budget_portfolios').execute();
}
