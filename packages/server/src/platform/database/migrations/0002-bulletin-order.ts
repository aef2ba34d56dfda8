import type { Kysely } from 'kysely';

/**
 * Bulletin lists are read newest first with the id breaking ties (`created_at desc, id`):
 * an index in exactly that order lets a page stop after its rows on both engines, where
 * the single-column index left SQLite sorting each run of equal timestamps in a temporary
 * B-tree and PostgreSQL doing an incremental sort. It replaces that index: a shorter
 * prefix of the same order, one index less to maintain on every write.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('bulletins_created_id')
    .on('bulletins')
    .columns(['created_at desc', 'id'])
    .execute();
  await db.schema.dropIndex('bulletins_created').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('bulletins_created').on('bulletins').column('created_at').execute();
  await db.schema.dropIndex('bulletins_created_id').execute();
}
