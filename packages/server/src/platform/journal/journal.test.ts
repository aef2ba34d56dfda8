import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { TestClient } from '../../testing/test-client.ts';
import { type TestDatabase, testEngines } from '../../testing/test-engines.ts';
import { type Scenario, seedScenario, startTestVigil } from '../../testing/test-vigil.ts';
import type { Vigil } from '../create-vigil.ts';
import { readJournalHead } from './journal.store.ts';
import { verifyStoredJournal } from './verify-journal-store.ts';

for (const { engine, create } of testEngines) {
  describe(`hash-chained journal (${engine})`, () => {
    let database: TestDatabase;
    let vigil: Vigil;
    let s: Scenario;
    let client: TestClient;

    before(async () => {
      database = await create();
      vigil = await startTestVigil(database);
      s = await seedScenario(vigil);
      client = await TestClient.signIn(vigil.app, s.users.a.email);
      for (let i = 0; i < 5; i += 1) {
        await client.post('/api/v1/bulletins', {
          title: `Bulletin ${i}`,
          body: 'b',
          marking: { tlp: 'GREEN' },
        });
      }
    });
    after(async () => {
      await vigil.close();
      await database.drop();
    });

    const db = () => vigil.deps.database.db;

    /** Runs a tampering, checks the verdict names `seq`, then puts the journal back as it was. */
    async function tamper(
      change: () => Promise<unknown>,
      restore: () => Promise<unknown>,
      expectedSeq: number,
    ) {
      await change();
      const verdict = await verifyStoredJournal(db());
      await restore();
      assert.equal(verdict.ok, false);
      assert.equal(verdict.ok ? null : verdict.break.seq, expectedSeq);
      assert.equal((await verifyStoredJournal(db())).ok, true, 'restored');
    }

    it('records every change with actor, agency, time, action, entity and marking', async () => {
      const rows = await db()
        .selectFrom('journal')
        .selectAll()
        .where('entity_type', '=', 'bulletin')
        .orderBy('seq')
        .execute();
      const created = rows.find((row) => row.action === 'bulletin.created');
      assert.ok(created);
      assert.equal(created.actor_user_id, s.users.a.id);
      assert.equal(created.actor_agency_id, s.agencies.a);
      assert.match(created.at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      assert.deepEqual(JSON.parse(created.marking ?? 'null'), {
        tlp: 'GREEN',
        caveats: [],
        ownerAgencyId: s.agencies.a,
      });
      assert.equal(created.prev_hash.length, 64);
    });

    it('verifies an intact journal', async () => {
      const verdict = await verifyStoredJournal(db());
      assert.equal(verdict.ok, true);
      const head = await readJournalHead(db());
      assert.equal(verdict.ok && verdict.entries, head.seq);
    });

    it('names an edited entry', async () => {
      const original = await db()
        .selectFrom('journal')
        .select('change')
        .where('seq', '=', 7)
        .executeTakeFirstOrThrow();
      await tamper(
        () =>
          db().updateTable('journal').set({ change: '{"title":"forged"}' }).where('seq', '=', 7).execute(),
        () => db().updateTable('journal').set({ change: original.change }).where('seq', '=', 7).execute(),
        7,
      );
    });

    it('names the entry after a deleted one, and a deleted tail', async () => {
      const row = await db().selectFrom('journal').selectAll().where('seq', '=', 5).executeTakeFirstOrThrow();
      await tamper(
        () => db().deleteFrom('journal').where('seq', '=', 5).execute(),
        () => db().insertInto('journal').values(row).execute(),
        6,
      );
      const head = await readJournalHead(db());
      const last = await db()
        .selectFrom('journal')
        .selectAll()
        .where('seq', '=', head.seq)
        .executeTakeFirstOrThrow();
      await tamper(
        () => db().deleteFrom('journal').where('seq', '=', head.seq).execute(),
        () => db().insertInto('journal').values(last).execute(),
        head.seq,
      );
    });

    it('names the first of two reordered entries', async () => {
      const swap = async () => {
        await db().updateTable('journal').set({ seq: -1 }).where('seq', '=', 3).execute();
        await db().updateTable('journal').set({ seq: 3 }).where('seq', '=', 4).execute();
        await db().updateTable('journal').set({ seq: 4 }).where('seq', '=', -1).execute();
      };
      await tamper(swap, swap, 3);
    });

    it('a change whose journal entry cannot be written is not saved', async () => {
      const head = await readJournalHead(db());
      const before = await db()
        .selectFrom('bulletins')
        .select(sql<number>`count(*)`.as('n'))
        .executeTakeFirstOrThrow();
      // A row squatting on the next sequence number makes the append fail inside the transaction.
      const squatter = {
        ...(await db()
          .selectFrom('journal')
          .selectAll()
          .where('seq', '=', head.seq)
          .executeTakeFirstOrThrow()),
        seq: head.seq + 1,
      };
      await db().insertInto('journal').values(squatter).execute();
      try {
        const response = await client.post('/api/v1/bulletins', {
          title: 'Lost?',
          body: 'b',
          marking: { tlp: 'GREEN' },
        });
        assert.equal(response.status, 500);
        assert.equal(response.json().code, 'INTERNAL');
        const after = await db()
          .selectFrom('bulletins')
          .select(sql<number>`count(*)`.as('n'))
          .executeTakeFirstOrThrow();
        assert.equal(Number(after.n), Number(before.n), 'no bulletin without its journal entry');
        assert.equal(
          (await db().selectFrom('bulletins').select('id').where('title', '=', 'Lost?').execute()).length,
          0,
        );
      } finally {
        await db()
          .deleteFrom('journal')
          .where('seq', '=', head.seq + 1)
          .execute();
      }
      assert.equal((await verifyStoredJournal(db())).ok, true);
    });

    it('a sensitive read fails closed when its entry cannot be written', async () => {
      const pii = (
        await client.post('/api/v1/bulletins', {
          title: 'Shelter roster',
          body: 'names',
          marking: { tlp: 'CLEAR', caveats: ['PII'] },
        })
      ).json<{ id: string }>();
      const head = await readJournalHead(db());
      const squatter = {
        ...(await db()
          .selectFrom('journal')
          .selectAll()
          .where('seq', '=', head.seq)
          .executeTakeFirstOrThrow()),
        seq: head.seq + 1,
      };
      await db().insertInto('journal').values(squatter).execute();
      try {
        const response = await client.get(`/api/v1/bulletins/${pii.id}`);
        assert.equal(response.status, 503);
        assert.equal(response.json().code, 'AUDIT_UNAVAILABLE');
        assert.equal(String(response.json().detail).includes('names'), false);
      } finally {
        await db()
          .deleteFrom('journal')
          .where('seq', '=', head.seq + 1)
          .execute();
      }
      assert.equal((await client.get(`/api/v1/bulletins/${pii.id}`)).status, 200);
    });

    it('concurrent writers still build one unbroken chain', async () => {
      const writers = await Promise.all(
        [s.users.a, s.users.a2, s.users.b].map((u) => TestClient.signIn(vigil.app, u.email)),
      );
      const results = await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          (writers[i % writers.length] as TestClient).post('/api/v1/bulletins', {
            title: `Burst ${i}`,
            body: 'b',
            marking: { tlp: 'GREEN' },
          }),
        ),
      );
      assert.ok(results.every((r) => r.status === 201));
      assert.equal((await verifyStoredJournal(db())).ok, true);
    });

    it('the audit endpoint reports the verdict to directors and auditors only', async () => {
      const admin = await TestClient.signIn(vigil.app, s.users.admin.email);
      const verdict = (await admin.get('/api/v1/audit/verify')).json();
      assert.equal(verdict.ok, true);
      assert.equal((await client.get('/api/v1/audit/verify')).status, 403, 'an analyst may not');
    });

    it('health names the engine', async () => {
      const response = await vigil.app.inject({ method: 'GET', url: '/api/v1/health' });
      assert.deepEqual(response.json(), { status: 'ok', database: engine });
    });
  });
}
