import type { Kysely } from 'kysely';

/**
 * Risk and strategic planning: the imported NRI county table (public data, one row per
 * county, the parsed county as JSON text) and the planner's marked records (climate
 * scenarios, THIRA scenarios, capability targets, SPR assessments, threat register),
 * which share one table: each is a document validated by its core contract (ADR 0007).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('nri_counties')
    .addColumn('stcofips', 'varchar(5)', (c) => c.primaryKey())
    .addColumn('county', 'varchar(200)', (c) => c.notNull())
    .addColumn('release_name', 'varchar(40)', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('imported_at', 'varchar(32)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('risk_records')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('kind', 'varchar(32)', (c) => c.notNull())
    .addColumn('parent_id', 'varchar(64)', (c) => c.references('risk_records.id'))
    .addColumn('title', 'varchar(200)', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('marking_id', 'varchar(64)', (c) => c.notNull().references('markings.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('risk_records_kind')
    .on('risk_records')
    .columns(['kind', 'created_at'])
    .execute();
  await db.schema.createIndex('risk_records_parent').on('risk_records').column('parent_id').execute();
  await db.schema.createIndex('risk_records_marking').on('risk_records').column('marking_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('risk_records').execute();
  await db.schema.dropTable('nri_counties').execute();
}
