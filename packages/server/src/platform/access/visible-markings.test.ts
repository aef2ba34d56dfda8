import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildMarking, canSee, caveats, type Marking, tlpLabels, type Viewer } from '@vigil/core';
import fc from 'fast-check';
import { sql } from 'kysely';
import { type TestDatabase, testEngines } from '../../testing/test-engines.ts';
import { type Scenario, seedScenario, startTestVigil } from '../../testing/test-vigil.ts';
import type { Vigil } from '../create-vigil.ts';
import { preparedQuery } from '../database/prepared-query.ts';
import { insertMarking } from './marking.store.ts';
import {
  type ViewerShape,
  type ViewerValues,
  viewerParameters,
  visibleMarkings,
  visibleMarkingsOf,
} from './visible-markings.ts';

/** The predicate as hot paths run it: compiled once per shape, each viewer's ids bound as parameters. */
const preparedVisible = preparedQuery((db, v: ViewerValues & { ids: string[] }, s: ViewerShape) =>
  db.selectFrom('markings as m').select('m.id').where(visibleMarkingsOf(v, s)).where('m.id', 'in', v.ids),
);

for (const { engine, create } of testEngines) {
  describe(`visibleMarkings in SQL equals canSee in core (${engine})`, () => {
    let database: TestDatabase;
    let vigil: Vigil;
    let scenario: Scenario;
    let stored: { id: string; marking: Marking }[] = [];

    before(async () => {
      database = await create();
      vigil = await startTestVigil(database);
      scenario = await seedScenario(vigil);
    });
    after(async () => {
      await vigil.close();
      await database.drop();
    });

    it('agrees on every marking and every viewer, over random markings', async () => {
      const { db } = vigil.deps.database;
      const people = Object.values(scenario.users);
      const agencyIds = Object.values(scenario.agencies);
      const userIds = people.map((p) => p.id);
      const markingArb = fc.record({
        tlp: fc.constantFrom(...tlpLabels),
        caveats: fc.subarray([...caveats]),
        agencyShares: fc.subarray(agencyIds),
        userShares: fc.subarray(userIds),
        author: fc.constantFrom(...people),
      });
      const samples = fc.sample(markingArb, { numRuns: 120, seed: 20261128 });
      stored = [];
      const now = '2026-09-15T12:00:00.000Z';
      for (const sample of samples) {
        const marking = buildMarking(
          {
            tlp: sample.tlp,
            caveats: sample.caveats,
            shareWith: sample.tlp === 'RED' ? sample.userShares : sample.agencyShares,
          },
          { agencyId: sample.author.viewer.agencyId, userId: sample.author.id },
        );
        stored.push({ id: await insertMarking(db, marking, now), marking });
      }
      const viewers: Viewer[] = people.map((p) => p.viewer);
      let disagreements = 0;
      for (const viewer of viewers) {
        const rows = await db
          .selectFrom('markings as m')
          .select('m.id')
          .where(visibleMarkings(viewer))
          .where(
            'm.id',
            'in',
            stored.map((s) => s.id),
          )
          .execute();
        const inSql = new Set(rows.map((r) => r.id));
        for (const { id, marking } of stored) {
          const expected = canSee(viewer, marking);
          if (inSql.has(id) !== expected) disagreements += 1;
          assert.equal(inSql.has(id), expected, `viewer ${viewer.userId} on ${JSON.stringify(marking)}`);
        }
      }
      assert.equal(disagreements, 0);
      // The sample must exercise both outcomes, or the comparison proves nothing.
      const visibleCount = await db
        .selectFrom('markings as m')
        .select(sql<number>`count(*)`.as('n'))
        .where(visibleMarkings(scenario.users.c.viewer))
        .executeTakeFirstOrThrow();
      assert.ok(Number(visibleCount.n) > 0 && Number(visibleCount.n) < stored.length);
    });

    it('agrees when prepared: viewers of one shape share the SQL text, never each other’s terms', async () => {
      assert.ok(stored.length > 0, 'runs after the markings are stored');
      const { db } = vigil.deps.database;
      const ids = stored.map((s) => s.id);
      for (const person of Object.values(scenario.users)) {
        const { values, shape } = viewerParameters(person.viewer);
        const rows = await preparedVisible.execute(db, { ...values, ids }, shape);
        const inSql = new Set(rows.map((r) => r.id));
        for (const { id, marking } of stored) {
          assert.equal(
            inSql.has(id),
            canSee(person.viewer, marking),
            `${person.email} on ${JSON.stringify(marking)}`,
          );
        }
      }
    });
  });
}
