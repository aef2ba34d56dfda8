import type { Kysely } from 'kysely';

/**
 * Interoperability: CAP alerts received, TAXII collections with per-agency access, STIX objects
 * with every version (id + modified), and TAXII status resources. Alerts and STIX objects are
 * marked records: each points at an immutable `markings` row.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('cap_alerts')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('identifier', 'text', (c) => c.notNull())
    .addColumn('sender', 'text', (c) => c.notNull())
    .addColumn('sent', 'varchar(32)', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('msg_type', 'varchar(16)', (c) => c.notNull())
    .addColumn('scope', 'varchar(16)', (c) => c.notNull())
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('source_version', 'varchar(8)', (c) => c.notNull())
    .addColumn('signature_status', 'varchar(24)', (c) => c.notNull())
    .addColumn('alert_json', 'text', (c) => c.notNull())
    .addColumn('marking_id', 'varchar(64)', (c) => c.notNull().references('markings.id'))
    .addColumn('received_at', 'varchar(32)', (c) => c.notNull())
    .addUniqueConstraint('cap_alerts_message', ['sender', 'identifier', 'sent'])
    .execute();

  await db.schema
    .createTable('taxii_collections')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('title', 'varchar(200)', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('alias', 'varchar(100)', (c) => c.unique())
    .addColumn('owner_agency_id', 'varchar(64)', (c) => c.notNull().references('agencies.id'))
    .addColumn('default_tlp', 'varchar(16)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('taxii_collection_access')
    .addColumn('collection_id', 'varchar(64)', (c) => c.notNull().references('taxii_collections.id'))
    .addColumn('agency_id', 'varchar(64)', (c) => c.notNull().references('agencies.id'))
    .addColumn('can_read', 'integer', (c) => c.notNull())
    .addColumn('can_write', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('taxii_collection_access_pk', ['collection_id', 'agency_id'])
    .execute();

  await db.schema
    .createTable('stix_objects')
    .addColumn('collection_id', 'varchar(64)', (c) => c.notNull().references('taxii_collections.id'))
    .addColumn('object_id', 'varchar(300)', (c) => c.notNull())
    .addColumn('version', 'varchar(40)', (c) => c.notNull())
    .addColumn('type', 'varchar(250)', (c) => c.notNull())
    .addColumn('spec_version', 'varchar(8)', (c) => c.notNull())
    .addColumn('date_added', 'varchar(32)', (c) => c.notNull())
    .addColumn('object_json', 'text', (c) => c.notNull())
    .addColumn('marking_id', 'varchar(64)', (c) => c.notNull().references('markings.id'))
    .addPrimaryKeyConstraint('stix_objects_pk', ['collection_id', 'object_id', 'version'])
    .execute();
  await db.schema
    .createIndex('stix_objects_added')
    .on('stix_objects')
    .columns(['collection_id', 'date_added', 'object_id', 'version'])
    .execute();

  await db.schema
    .createTable('taxii_statuses')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('collection_id', 'varchar(64)', (c) => c.notNull().references('taxii_collections.id'))
    .addColumn('requested_by', 'varchar(64)', (c) => c.notNull().references('users.id'))
    .addColumn('request_timestamp', 'varchar(32)', (c) => c.notNull())
    .addColumn('total_count', 'integer', (c) => c.notNull())
    .addColumn('success_count', 'integer', (c) => c.notNull())
    .addColumn('failure_count', 'integer', (c) => c.notNull())
    .addColumn('successes', 'text', (c) => c.notNull())
    .addColumn('failures', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'taxii_statuses',
    'stix_objects',
    'taxii_collection_access',
    'taxii_collections',
    'cap_alerts',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
