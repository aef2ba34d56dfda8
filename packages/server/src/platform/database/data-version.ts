import { PostgresAdapter, SqliteAdapter, sql } from 'kysely';
import { preparedQuery } from './prepared-query.ts';
import type { Executor } from './transaction.ts';

/**
 * A token that is equal on two reads only if no data changed in between:
 *
 * - SQLite: `total_changes()` counts every row this connection inserted, updated or
 *   deleted (it only grows, rolled-back changes included), and `data_version` changes
 *   whenever another connection (the CLI, a second server on the file) commits.
 * - PostgreSQL: the current snapshot (`xmin:xmax:xip`) names exactly which transactions
 *   are visible; any commit anywhere in the cluster yields a different one, and a
 *   snapshot never recurs once something committed after it.
 */
const dataVersion = preparedQuery((db) => {
  const adapter = db.getExecutor().adapter;
  if (adapter instanceof SqliteAdapter)
    return sql<{
      version: string;
    }>`select total_changes() || ':' || data_version as version from pragma_data_version()`;
  if (adapter instanceof PostgresAdapter)
    return sql<{ version: string }>`select pg_current_snapshot()::text as version`;
  throw new Error('no data version for this dialect');
});

const entriesPerDatabase = 1000;

/**
 * Results of an expensive read kept per key and data version: a result is reused only
 * while nothing at all was written to the database since the version it was stored
 * under was read, so a reuse returns exactly what running the query would. The version
 * is read before the query runs: a write landing in between leaves an entry stored under
 * a version that can never be read again, never a stale one under a current version.
 * Inside a transaction (whose own uncommitted writes could be rolled back) nothing is
 * reused or stored.
 */
export class ResultsByDataVersion<T> {
  #byDatabase = new WeakMap<Executor, Map<string, { version: string; value: T }>>();

  async get(db: Executor, key: string, run: () => Promise<T>): Promise<T> {
    if (db.isTransaction) return run();
    const row = await dataVersion.executeTakeFirst(db, {}, {});
    if (!row) throw new Error('the database returned no data version');
    const version = String(row.version);
    let entries = this.#byDatabase.get(db);
    if (!entries) {
      entries = new Map();
      this.#byDatabase.set(db, entries);
    }
    const entry = entries.get(key);
    if (entry) {
      // Map order is insertion order: re-inserting marks it most recently used.
      entries.delete(key);
      if (entry.version === version) {
        entries.set(key, entry);
        return entry.value;
      }
    }
    const value = await run();
    entries.set(key, { version, value });
    if (entries.size > entriesPerDatabase) entries.delete(entries.keys().next().value as string);
    return value;
  }
}
