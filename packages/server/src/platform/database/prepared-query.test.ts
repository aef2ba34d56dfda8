import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type TestDatabase, testEngines } from '../../testing/test-engines.ts';
import { type Database, openDatabase } from './database.ts';
import { migrateToLatest } from './migrate.ts';
import { preparedQuery } from './prepared-query.ts';

const agencyNames = preparedQuery(
  (db, v: { ids: string[]; kind?: string | undefined }, s: { desc: boolean }) => {
    let query = db.selectFrom('agencies').select(['id', 'name']).where('id', 'in', v.ids);
    if (v.kind !== undefined) query = query.where('kind', '=', v.kind);
    return query.orderBy('name', s.desc ? 'desc' : 'asc');
  },
);

const forgetsAParameter = preparedQuery((db, _v: { id: string; unused: string }) =>
  db.selectFrom('agencies').select('id').where('id', '=', _v.id),
);

for (const { engine, create } of testEngines) {
  describe(`prepared queries (${engine})`, () => {
    let test: TestDatabase;
    let database: Database;

    before(async () => {
      test = await create();
      database = openDatabase(test.url);
      await migrateToLatest(database.db);
      await database.db
        .insertInto('agencies')
        .values(
          ['a', 'b', 'c'].map((id, i) => ({
            id,
            name: `Agency ${id.toUpperCase()}`,
            kind: i === 2 ? 'private' : 'local',
            parent_id: null,
            active: 1,
            jurisdiction: '[]',
            created_at: '2026-01-01T00:00:00.000Z',
          })),
        )
        .execute();
    });
    after(async () => {
      await database.close();
      await test.drop();
    });

    it('binds each call’s own values into the text compiled for its shape', async () => {
      const { db } = database;
      const names = async (ids: string[], kind?: string, desc = false) =>
        (await agencyNames.execute(db, { ids, kind }, { desc })).map((row) => row.id);
      assert.deepEqual(await names(['a', 'b']), ['a', 'b']);
      assert.deepEqual(await names(['b', 'c']), ['b', 'c'], 'same shape, other values');
      assert.deepEqual(await names(['a', 'b', 'c']), ['a', 'b', 'c'], 'a longer list is another shape');
      assert.deepEqual(await names(['a', 'b', 'c'], 'private'), ['c'], 'a present filter is another shape');
      assert.deepEqual(await names(['a', 'b', 'c'], 'local'), ['a', 'b']);
      assert.deepEqual(await names(['a', 'b', 'c'], undefined, true), ['c', 'b', 'a'], 'shape changes text');
    });

    it('runs inside a transaction with the transaction’s connection', async () => {
      await database.db
        .transaction()
        .execute(async (trx) => {
          await trx.updateTable('agencies').set({ name: 'Agency A renamed' }).where('id', '=', 'a').execute();
          const rows = await agencyNames.execute(trx, { ids: ['a'] }, { desc: false });
          assert.deepEqual(rows, [{ id: 'a', name: 'Agency A renamed' }]);
          throw new Error('roll back');
        })
        .catch(() => {});
      const rows = await agencyNames.execute(database.db, { ids: ['a'] }, { desc: false });
      assert.deepEqual(rows, [{ id: 'a', name: 'Agency A' }]);
    });

    it('refuses a query that leaves a parameter unbound', async () => {
      await assert.rejects(
        forgetsAParameter.execute(database.db, { id: 'a', unused: 'x' }, {}),
        /parameter unused is not bound/,
      );
    });
  });
}
