import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely';
import * as m0001 from './migrations/0001-platform.ts';
import * as m0002 from './migrations/0002-bulletin-order.ts';
import * as m0003 from './migrations/0003-risk.ts';
import * as m0004 from './migrations/0004-infrastructure.ts';
import * as m0005 from './migrations/0005-interop.ts';
import * as m0006 from './migrations/0006-incident.ts';
import * as m0007 from './migrations/0007-budget.ts';
import * as m0008 from './migrations/0008-bulletin-order-cover.ts';
import * as m0009 from './migrations/0009-budget-portfolio-deleted.ts';
import * as m0010 from './migrations/0010-budget-optimize-progress.ts';
import type { Schema } from './schema.ts';

/** Numbered migrations, listed here so a bundled or type-stripped build finds them without reading a folder. */
const migrations: Record<string, Migration> = {
  '0001-platform': m0001,
  '0002-bulletin-order': m0002,
  '0003-risk': m0003,
  '0004-infrastructure': m0004,
  '0005-interop': m0005,
  '0006-incident': m0006,
  '0007-budget': m0007,
  '0008-bulletin-order-cover': m0008,
  '0009-budget-portfolio-deleted': m0009,
  '0010-budget-optimize-progress': m0010,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

export async function migrateToLatest(db: Kysely<Schema>): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider,
    migrationTableName: 'vigil_migrations',
    migrationLockTableName: 'vigil_migrations_lock',
    // Numbers were handed out to modules written side by side, and 0002 landed after 0003:
    // a database migrated in between must still take it. Each migration touches only its
    // own tables and indexes, so running a lower number later is safe.
    allowUnorderedMigrations: true,
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
