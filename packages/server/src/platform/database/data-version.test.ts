import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type TestDatabase, testEngines } from '../../testing/test-engines.ts';
import { ResultsByDataVersion } from './data-version.ts';
import { type Database, openDatabase } from './database.ts';
import { migrateToLatest } from './migrate.ts';

for (const { engine, create } of testEngines) {
  describe(`results reused per data version (${engine})`, () => {
    let test: TestDatabase;
    let database: Database;
    /** A second connection to the same database: the CLI, or another server. */
    let other: Database;
    let agencies = 0;

    const addAgency = async (db: Database['db']) => {
      agencies += 1;
      await db
        .insertInto('agencies')
        .values({
          id: `agency-${agencies}`,
          name: `Agency ${agencies}`,
          kind: 'local',
          parent_id: null,
          jurisdiction: '[]',
          active: 1,
          created_at: '2026-01-01T00:00:00.000Z',
        })
        .execute();
    };
    const countAgencies = async (db: Database['db']) => {
      const row = await db
        .selectFrom('agencies')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    };

    before(async () => {
      test = await create();
      database = openDatabase(test.url);
      await migrateToLatest(database.db);
      other = openDatabase(test.url);
    });
    after(async () => {
      await other.close();
      await database.close();
      await test.drop();
    });

    // On PostgreSQL the version is the cluster's snapshot: a commit in any database of the
    // cluster (other test files run beside this one) changes it. Reuse is then only
    // opportunistic, so only SQLite asserts it; both engines assert that nothing stale is served.
    const reuseIsCertain = engine === 'sqlite';

    it('reuses a result while nothing is written, and runs again after any write', async () => {
      const { db } = database;
      const results = new ResultsByDataVersion<number>();
      let runs = 0;
      const count = () =>
        results.get(db, 'agencies', async () => {
          runs += 1;
          return countAgencies(db);
        });
      assert.equal(await count(), 0);
      assert.equal(await count(), 0);
      if (reuseIsCertain) assert.equal(runs, 1, 'reads alone reuse the result');

      await addAgency(db);
      assert.equal(await count(), 1, 'a write on this connection');
      await addAgency(other.db);
      assert.equal(await count(), 2, 'a write committed by another connection');
      assert.equal(await count(), 2);
      if (reuseIsCertain) assert.equal(runs, 3);

      // A rolled-back write changes nothing, but is allowed to cost a run.
      await db
        .transaction()
        .execute(async (trx) => {
          await trx.deleteFrom('agencies').execute();
          throw new Error('roll back');
        })
        .catch(() => {});
      assert.equal(await count(), 2);
    });

    it('keeps results apart per key, and never reuses inside a transaction', async () => {
      const { db } = database;
      const results = new ResultsByDataVersion<string>();
      assert.equal(await results.get(db, 'a', async () => 'first a'), 'first a');
      assert.equal(await results.get(db, 'b', async () => 'first b'), 'first b');
      const again = await results.get(db, 'a', async () => 'second a');
      assert.ok(reuseIsCertain ? again === 'first a' : ['first a', 'second a'].includes(again));
      await db.transaction().execute(async (trx) => {
        assert.equal(await results.get(trx, 'a', async () => 'in transaction'), 'in transaction');
      });
    });
  });
}
