import type { Kysely } from 'kysely';

/**
 * Crisis management: incidents and their ICS records, the NIMS-typed resource inventory,
 * ICS 213RR resource requests and the assignments that accrue cost. Incidents, resources
 * and requests are marked records (they point at an immutable `markings` row).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('incidents')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('number', 'varchar(32)', (c) => c.notNull().unique())
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('category', 'varchar(20)', (c) => c.notNull())
    .addColumn('hazard', 'varchar(100)', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('severity', 'varchar(16)', (c) => c.notNull())
    .addColumn('complexity', 'integer', (c) => c.notNull())
    .addColumn('lat', 'double precision', (c) => c.notNull())
    .addColumn('lon', 'double precision', (c) => c.notNull())
    .addColumn('area', 'text')
    .addColumn('jurisdictions', 'text', (c) => c.notNull())
    .addColumn('started_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('closed_at', 'varchar(32)')
    .addColumn('created_by', 'varchar(64)', (c) => c.notNull().references('users.id'))
    .addColumn('marking_id', 'varchar(64)', (c) => c.notNull().references('markings.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('incidents_marking').on('incidents').column('marking_id').execute();
  await db.schema.createIndex('incidents_status').on('incidents').columns(['status', 'started_at']).execute();

  await db.schema
    .createTable('incident_items')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('incident_id', 'varchar(64)', (c) => c.notNull().references('incidents.id'))
    .addColumn('collection', 'varchar(16)', (c) => c.notNull())
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('period_id', 'varchar(64)')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_by', 'varchar(64)', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addUniqueConstraint('incident_items_number', ['incident_id', 'collection', 'number'])
    .execute();

  await db.schema
    .createTable('resources')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('resource_type', 'varchar(120)', (c) => c.notNull())
    .addColumn('agency_id', 'varchar(64)', (c) => c.notNull().references('agencies.id'))
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('lat', 'double precision', (c) => c.notNull())
    .addColumn('lon', 'double precision', (c) => c.notNull())
    .addColumn('home_lat', 'double precision', (c) => c.notNull())
    .addColumn('home_lon', 'double precision', (c) => c.notNull())
    .addColumn('incident_id', 'varchar(64)', (c) => c.references('incidents.id'))
    .addColumn('request_id', 'varchar(64)')
    .addColumn('cost_rate', 'double precision', (c) => c.notNull())
    .addColumn('marking_id', 'varchar(64)', (c) => c.notNull().references('markings.id'))
    // The journal seq of the last change: in-memory dispatch indexes catch up on rows past their cursor.
    .addColumn('journal_seq', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('resources_journal_seq').on('resources').column('journal_seq').execute();
  await db.schema.createIndex('resources_marking').on('resources').column('marking_id').execute();
  await db.schema
    .createIndex('resources_type_status')
    .on('resources')
    .columns(['resource_type', 'status'])
    .execute();
  await db.schema.createIndex('resources_incident').on('resources').column('incident_id').execute();

  await db.schema
    .createTable('resource_requests')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('number', 'varchar(32)', (c) => c.notNull())
    .addColumn('incident_id', 'varchar(64)', (c) => c.notNull().references('incidents.id'))
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addColumn('resource_type', 'varchar(120)', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('requested_arrival', 'varchar(32)')
    .addColumn('estimated_arrival', 'varchar(32)')
    .addColumn('delivery_location', 'varchar(500)', (c) => c.notNull())
    .addColumn('delivery_lat', 'double precision', (c) => c.notNull())
    .addColumn('delivery_lon', 'double precision', (c) => c.notNull())
    .addColumn('substitutes', 'text', (c) => c.notNull())
    .addColumn('priority', 'varchar(16)', (c) => c.notNull())
    .addColumn('requested_by', 'varchar(64)', (c) => c.notNull().references('users.id'))
    .addColumn('requested_by_position', 'varchar(200)', (c) => c.notNull())
    .addColumn('status', 'varchar(24)', (c) => c.notNull())
    .addColumn('supplier_agency_id', 'varchar(64)', (c) => c.references('agencies.id'))
    .addColumn('resource_ids', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('steps', 'text', (c) => c.notNull())
    .addColumn('marking_id', 'varchar(64)', (c) => c.notNull().references('markings.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addUniqueConstraint('resource_requests_number', ['incident_id', 'number'])
    .execute();
  await db.schema
    .createIndex('resource_requests_marking')
    .on('resource_requests')
    .column('marking_id')
    .execute();

  await db.schema
    .createTable('resource_assignments')
    .addColumn('request_id', 'varchar(64)', (c) => c.notNull().references('resource_requests.id'))
    .addColumn('resource_id', 'varchar(64)', (c) => c.notNull().references('resources.id'))
    .addColumn('incident_id', 'varchar(64)', (c) => c.notNull().references('incidents.id'))
    .addColumn('assigned_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('released_at', 'varchar(32)')
    .addColumn('rate', 'double precision', (c) => c.notNull())
    .addPrimaryKeyConstraint('resource_assignments_pk', ['request_id', 'resource_id'])
    .execute();
  await db.schema
    .createIndex('resource_assignments_resource')
    .on('resource_assignments')
    .column('resource_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'resource_assignments',
    'resource_requests',
    'resources',
    'incident_items',
    'incidents',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
