import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import SqliteDatabase from 'better-sqlite3';
import { cachingStatements } from './database.ts';

describe('SQLite statement cache', () => {
  let dir: string;
  let sqlite: SqliteDatabase.Database;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'vigil-statements-'));
    sqlite = new SqliteDatabase(join(dir, 'cache.db'));
    sqlite.exec('create table t (n integer)');
    sqlite.exec('insert into t values (1), (2), (3)');
  });
  after(() => {
    sqlite.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('hands out one statement per SQL text, with fresh parameters each run', () => {
    const cache = cachingStatements(sqlite, 10);
    const first = cache.prepare('select n from t where n > ? order by n');
    assert.equal(cache.prepare('select n from t where n > ? order by n'), first);
    assert.deepEqual(first.all([1]), [{ n: 2 }, { n: 3 }]);
    assert.deepEqual(first.all([2]), [{ n: 3 }]);
  });

  it('keeps reader and writer statements as SQLite classifies them', () => {
    const cache = cachingStatements(sqlite, 10);
    assert.equal(cache.prepare('select n from t').reader, true);
    const insert = cache.prepare('insert into t values (?)');
    assert.equal(insert.reader, false);
    assert.equal(insert.run([4]).changes, 1);
    assert.equal(cache.prepare('delete from t where n = ?').run([4]).changes, 1);
  });

  it('evicts the least recently used text beyond its capacity', () => {
    const cache = cachingStatements(sqlite, 2);
    const a = cache.prepare('select 1');
    const b = cache.prepare('select 2');
    assert.equal(cache.prepare('select 1'), a); // a is now the most recent
    cache.prepare('select 3'); // evicts b
    assert.equal(cache.prepare('select 1'), a);
    assert.notEqual(cache.prepare('select 2'), b);
  });

  it('never hands out a statement that is still being iterated', () => {
    const cache = cachingStatements(sqlite, 10);
    const text = 'select n from t order by n';
    const streaming = cache.prepare(text);
    const rows = streaming.iterate([]);
    rows.next();
    const other = cache.prepare(text);
    assert.notEqual(other, streaming);
    assert.deepEqual(other.all([]), [{ n: 1 }, { n: 2 }, { n: 3 }]);
    rows.return?.();
    assert.equal(cache.prepare(text), streaming);
  });
});
