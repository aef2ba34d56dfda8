import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type SqliteDatabase as SqliteDialectDatabase } from 'kysely';
import pg from 'pg';
import type { Schema } from './schema.ts';

export type Engine = 'sqlite' | 'postgres';

export type Database = {
  db: Kysely<Schema>;
  engine: Engine;
  /** The URL it was opened with, without any password, for logs and health. */
  description: string;
  /** For PostgreSQL only: a pool a realtime listener may take a dedicated client from. */
  pgPool: pg.Pool | null;
  close(): Promise<void>;
};

export class StorageMisconfiguredError extends Error {
  override name = 'StorageMisconfiguredError';
}

// Integers beyond 2^31 are not used; counts come back from PostgreSQL as bigint text otherwise.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number.parseInt(value, 10));

/** Opens `sqlite:<path>` or `postgres://…`; SQLite must run in WAL mode with synchronous=FULL, or we refuse. */
export function openDatabase(url: string): Database {
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) return openPostgres(url);
  if (url.startsWith('sqlite:')) return openSqlite(url.slice('sqlite:'.length));
  throw new StorageMisconfiguredError(
    `VIGIL_DATABASE_URL must start with sqlite: or postgres:// (got ${redactUrl(url)})`,
  );
}

function openSqlite(path: string): Database {
  if (path === '' || path === ':memory:') {
    throw new StorageMisconfiguredError('SQLite needs a file: an in-memory database cannot run in WAL mode');
  }
  const file = resolve(path);
  mkdirSync(dirname(file), { recursive: true });
  const sqlite = new SqliteDatabase(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const mode = String(sqlite.pragma('journal_mode', { simple: true })).toLowerCase();
  const sync = Number(sqlite.pragma('synchronous', { simple: true }));
  if (mode !== 'wal' || sync !== 2) {
    sqlite.close();
    // A committed change must survive a power cut: without these the journal could lose its tail.
    throw new StorageMisconfiguredError(
      `SQLite at ${file} runs journal_mode=${mode}, synchronous=${sync}; Vigil requires WAL and FULL (2)`,
    );
  }
  const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: cachingStatements(sqlite) }) });
  return {
    db,
    engine: 'sqlite',
    description: `sqlite:${file}`,
    pgPool: null,
    close: () => db.destroy(),
  };
}

/** Distinct SQL texts kept prepared; Vigil's queries vary by shape (the length of an `in` list, a viewer's caveat mask), not by value. */
export const statementCacheSize = 500;

/**
 * kysely's SQLite driver prepares every query anew; preparing costs more than running
 * most of ours. This hands it one prepared statement per SQL text, least recently used
 * evicted. A better-sqlite3 statement is reusable: it binds fresh parameters and resets
 * after each `all`/`run`, so it holds no read snapshot between queries, and SQLite
 * re-prepares it by itself if the schema changes (migrations). A statement still
 * being iterated (a stream) is never handed out twice: that caller gets a fresh one.
 */
export function cachingStatements(
  sqlite: SqliteDatabase.Database,
  capacity = statementCacheSize,
): SqliteDialectDatabase {
  const cache = new Map<string, SqliteDatabase.Statement>();
  return {
    prepare(sql) {
      const cached = cache.get(sql);
      if (cached && !cached.busy) {
        // Map order is insertion order: re-inserting marks it most recently used.
        cache.delete(sql);
        cache.set(sql, cached);
        return cached;
      }
      const statement = sqlite.prepare(sql);
      if (cached) return statement;
      cache.set(sql, statement);
      if (cache.size > capacity) cache.delete(cache.keys().next().value as string);
      return statement;
    },
    close() {
      cache.clear();
      sqlite.close();
    },
  };
}

function openPostgres(url: string): Database {
  // No JIT: our queries are short, and the access predicate's subplans look expensive
  // enough to the planner (cost > jit_above_cost) that it compiled the bulletin count on
  // every request: 30-60 ms of LLVM for a 5 ms query.
  const pool = new pg.Pool({ connectionString: url, max: 10, options: '-c jit=off' });
  // An idle client that errors (server restart) must not crash the process.
  pool.on('error', () => {});
  const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
  return { db, engine: 'postgres', description: redactUrl(url), pgPool: pool, close: () => db.destroy() };
}

export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}
