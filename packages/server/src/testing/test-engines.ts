import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Engine } from '../platform/database/database.ts';

/** A fresh, empty database on one engine, and how to throw it away. */
export type TestDatabase = { engine: Engine; url: string; drop(): Promise<void> };
export type TestEngine = { engine: Engine; create(): Promise<TestDatabase> };

const postgresUrl = process.env.VIGIL_TEST_POSTGRES_URL;

async function createSqlite(): Promise<TestDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-test-'));
  return {
    engine: 'sqlite',
    url: `sqlite:${join(dir, 'vigil.db')}`,
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A new database per test file on the server named by VIGIL_TEST_POSTGRES_URL, dropped afterwards. */
async function createPostgres(adminUrl: string): Promise<TestDatabase> {
  const name = `vigil_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    engine: 'postgres',
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

/** SQLite always; PostgreSQL too when VIGIL_TEST_POSTGRES_URL is set (CI sets it). */
export const testEngines: TestEngine[] = [
  { engine: 'sqlite', create: createSqlite },
  ...(postgresUrl ? [{ engine: 'postgres' as const, create: () => createPostgres(postgresUrl) }] : []),
];
