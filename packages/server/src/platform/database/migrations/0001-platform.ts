import { type Kysely, sql } from 'kysely';

/** Agencies, users, sessions, API tokens, markings, bulletins and the hash-chained journal. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('agencies')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('name', 'varchar(200)', (c) => c.notNull().unique())
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('parent_id', 'varchar(64)', (c) => c.references('agencies.id'))
    .addColumn('jurisdiction', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('email', 'varchar(254)', (c) => c.notNull().unique())
    .addColumn('display_name', 'varchar(200)', (c) => c.notNull())
    .addColumn('agency_id', 'varchar(64)', (c) => c.notNull().references('agencies.id'))
    .addColumn('roles', 'text', (c) => c.notNull())
    .addColumn('attributes', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('failed_attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'varchar(32)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('users_agency').on('users').column('agency_id').execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('user_id', 'varchar(64)', (c) => c.notNull().references('users.id'))
    .addColumn('csrf_token', 'varchar(64)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('last_seen_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('expires_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

  await db.schema
    .createTable('api_tokens')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('user_id', 'varchar(64)', (c) => c.notNull().references('users.id'))
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('token_hash', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('revoked_at', 'varchar(32)')
    .execute();

  await db.schema
    .createTable('markings')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('owner_agency_id', 'varchar(64)', (c) => c.notNull().references('agencies.id'))
    .addColumn('author_user_id', 'varchar(64)', (c) => c.notNull().references('users.id'))
    .addColumn('tlp', 'varchar(16)', (c) => c.notNull())
    .addColumn('caveat_mask', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addCheckConstraint('markings_tlp', sqlTlpCheck())
    .execute();

  await db.schema
    .createTable('marking_shares')
    .addColumn('marking_id', 'varchar(64)', (c) => c.notNull().references('markings.id'))
    .addColumn('grantee_type', 'varchar(8)', (c) => c.notNull())
    .addColumn('grantee_id', 'varchar(64)', (c) => c.notNull())
    .addPrimaryKeyConstraint('marking_shares_pk', ['marking_id', 'grantee_type', 'grantee_id'])
    .execute();
  await db.schema
    .createIndex('marking_shares_grantee')
    .on('marking_shares')
    .columns(['grantee_type', 'grantee_id'])
    .execute();

  await db.schema
    .createTable('bulletins')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('title', 'varchar(200)', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('marking_id', 'varchar(64)', (c) => c.notNull().references('markings.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('retracted_at', 'varchar(32)')
    .addColumn('retraction_reason', 'text')
    .execute();
  await db.schema.createIndex('bulletins_marking').on('bulletins').column('marking_id').execute();
  await db.schema.createIndex('bulletins_created').on('bulletins').column('created_at').execute();

  await db.schema
    .createTable('journal')
    .addColumn('seq', 'integer', (c) => c.primaryKey())
    .addColumn('at', 'varchar(32)', (c) => c.notNull())
    .addColumn('actor_user_id', 'varchar(64)')
    .addColumn('actor_agency_id', 'varchar(64)')
    .addColumn('action', 'varchar(64)', (c) => c.notNull())
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('entity_type', 'varchar(32)', (c) => c.notNull())
    .addColumn('entity_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('change', 'text', (c) => c.notNull())
    .addColumn('marking_id', 'varchar(64)', (c) => c.references('markings.id'))
    .addColumn('marking', 'text')
    .addColumn('prev_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('hash', 'varchar(64)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('journal_entity').on('journal').columns(['entity_type', 'entity_id']).execute();

  await db.schema
    .createTable('journal_head')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('hash', 'varchar(64)', (c) => c.notNull())
    .execute();
  await db
    .insertInto('journal_head' as never)
    .values({ id: 1, seq: 0, hash: '0'.repeat(64) } as never)
    .execute();
}

function sqlTlpCheck() {
  // Kept in SQL too: a row written around the application still cannot carry an unknown label.
  return sql.raw("tlp in ('CLEAR','GREEN','AMBER','AMBER+STRICT','RED')");
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'journal_head',
    'journal',
    'bulletins',
    'marking_shares',
    'markings',
    'api_tokens',
    'sessions',
    'users',
    'agencies',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
