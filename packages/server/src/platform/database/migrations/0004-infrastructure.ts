import type { Kysely } from 'kysely';

/**
 * Critical infrastructure: marked assets (every row points at an immutable marking) and the
 * typed dependency edges between them. An edge has no marking of its own: it is visible when
 * both of its assets are. Every edge of one requirement (dependent, type) carries the same k.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('infrastructure_assets')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('sector', 'varchar(64)', (c) => c.notNull())
    .addColumn('subsector', 'varchar(100)', (c) => c.notNull())
    .addColumn('type', 'varchar(60)', (c) => c.notNull())
    .addColumn('lon', 'double precision', (c) => c.notNull())
    .addColumn('lat', 'double precision', (c) => c.notNull())
    .addColumn('county_fips', 'varchar(5)')
    .addColumn('operator', 'varchar(200)', (c) => c.notNull())
    .addColumn('capacity', 'double precision')
    .addColumn('capacity_unit', 'varchar(20)', (c) => c.notNull())
    .addColumn('population_served', 'double precision', (c) => c.notNull())
    .addColumn('backup_hours', 'double precision', (c) => c.notNull())
    .addColumn('criticality', 'integer', (c) => c.notNull())
    .addColumn('source', 'varchar(200)', (c) => c.notNull())
    .addColumn('marking_id', 'varchar(64)', (c) => c.notNull().references('markings.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('infrastructure_assets_marking')
    .on('infrastructure_assets')
    .column('marking_id')
    .execute();
  await db.schema
    .createIndex('infrastructure_assets_sector')
    .on('infrastructure_assets')
    .column('sector')
    .execute();
  await db.schema
    .createIndex('infrastructure_assets_county')
    .on('infrastructure_assets')
    .column('county_fips')
    .execute();

  await db.schema
    .createTable('infrastructure_edges')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('supplier_id', 'varchar(64)', (c) => c.notNull().references('infrastructure_assets.id'))
    .addColumn('dependent_id', 'varchar(64)', (c) => c.notNull().references('infrastructure_assets.id'))
    .addColumn('type', 'varchar(32)', (c) => c.notNull())
    .addColumn('k', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addUniqueConstraint('infrastructure_edges_unique', ['supplier_id', 'dependent_id', 'type'])
    .execute();
  await db.schema
    .createIndex('infrastructure_edges_dependent')
    .on('infrastructure_edges')
    .columns(['dependent_id', 'type'])
    .execute();
  await db.schema
    .createIndex('infrastructure_edges_supplier')
    .on('infrastructure_edges')
    .column('supplier_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('infrastructure_edges').execute();
  await db.schema.dropTable('infrastructure_assets').execute();
}
