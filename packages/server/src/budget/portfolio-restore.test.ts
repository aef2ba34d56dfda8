import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { DeletedPortfolioList, OptimizationResult, PortfolioDetail, PortfolioList } from '@vigil/core';
import type { Vigil } from '../platform/create-vigil.ts';
import { verifyStoredJournal } from '../platform/journal/verify-journal-store.ts';
import { TestClient } from '../testing/test-client.ts';
import { type TestDatabase, testEngines } from '../testing/test-engines.ts';
import {
  type Scenario,
  seedScenario,
  startTestVigil,
  type TestClock,
  testClock,
} from '../testing/test-vigil.ts';
import { budgetTestCast, budgetUser, journalOfEntity, twoCandidatePortfolio } from './budget-test-cast.ts';

const portfolio = twoCandidatePortfolio('Restore test portfolio');

const base = '/api/v1/budget/portfolios';

for (const { engine, create } of testEngines) {
  describe(`restoring deleted budget portfolios through HTTP (${engine})`, () => {
    let database: TestDatabase;
    let vigil: Vigil;
    // Each delete a minute after the last, so "newest deletion first" never rests on a tie.
    let clock: TestClock;
    let s: Scenario;
    let owner: TestClient;
    let partner: TestClient;
    let outsider: TestClient;
    /** Budget staff of the owning agency whom a RED marking does not name. */
    let colleague: TestClient;
    /** An analyst of the owning agency: reads budgets, has no `budget.write`. */
    let analyst: TestClient;

    before(async () => {
      database = await create();
      clock = testClock();
      vigil = await startTestVigil(database, { clock });
      s = await seedScenario(vigil);
      ({ owner, partner, outsider } = await budgetTestCast(vigil, s, 'r'));
      colleague = await budgetUser(vigil, 'rcolleague@test.example', s.agencies.a, 'finance');
      analyst = await TestClient.signIn(vigil.app, s.users.a.email);
    });
    after(async () => {
      await vigil.close();
      await database.drop();
    });

    async function createDeleted(
      marking: Record<string, unknown> = { tlp: 'AMBER', shareWith: [s.agencies.b] },
      name = portfolio.name,
    ): Promise<PortfolioDetail> {
      const response = await owner.post(base, { portfolio: { ...portfolio, name }, marking });
      assert.equal(response.status, 201, JSON.stringify(response.body));
      const created = response.json<PortfolioDetail>();
      clock.advance(60_000);
      const deleted = await owner.request('DELETE', `${base}/${created.id}?version=${created.version}`);
      assert.equal(deleted.status, 204, JSON.stringify(deleted.body));
      return created;
    }

    const deletedOf = async (who: TestClient) => {
      const response = await who.get(`${base}/deleted`);
      assert.equal(response.status, 200, JSON.stringify(response.body));
      return response.json<DeletedPortfolioList>();
    };

    const journalOf = (id: string) => journalOfEntity(vigil, id);

    it('lists the deleted portfolio, restores it at the next version, and it reads and optimizes again', async () => {
      const created = await createDeleted();
      const path = `${base}/${created.id}`;
      const bin = await deletedOf(owner);
      const listed = bin.items.find((item) => item.id === created.id);
      assert.ok(listed, 'the owner finds it among the deleted');
      assert.equal(listed.name, portfolio.name);
      assert.equal(listed.version, 2, 'the delete raised the version');
      assert.equal(listed.marking.tlp, 'AMBER');
      assert.equal(listed.marking.ownerAgencyId, s.agencies.a);
      assert.match(listed.deleted_at, /^\d{4}-\d{2}-\d{2}T/);
      assert.equal(bin.marking, 'AMBER');

      const restored = await owner.post(`${path}/restore?version=${listed.version}`);
      assert.equal(restored.status, 200, JSON.stringify(restored.body));
      const detail = restored.json<PortfolioDetail>();
      assert.equal(detail.version, 3);
      assert.equal(detail.name, portfolio.name);
      assert.deepEqual(
        detail.rows.map((r) => r.id),
        ['radios', 'fusion'],
      );

      for (const who of [owner, partner]) {
        const read = await who.get(path);
        assert.equal(read.status, 200, 'readable again by everyone the marking reaches');
        assert.equal(read.json<PortfolioDetail>().version, 3);
        assert.ok((await who.get(base)).json<PortfolioList>().items.some((i) => i.id === created.id));
      }
      assert.ok(!(await deletedOf(owner)).items.some((item) => item.id === created.id));
      const run = await owner.post(`${path}/optimize`, { time_limit: 10 });
      assert.equal(run.status, 200, JSON.stringify(run.body));
      assert.deepEqual(
        run.json<OptimizationResult>().selected.map((x) => x.id),
        ['radios'],
      );
      const result = await owner.get(`${path}/result`);
      assert.equal(result.status, 200);
      assert.equal(result.json<OptimizationResult>().objective, 90);
      // A restored portfolio is an ordinary one again: it can be deleted at its new version.
      assert.equal((await owner.request('DELETE', `${path}?version=3`)).status, 204);
      assert.equal((await deletedOf(owner)).items.find((item) => item.id === created.id)?.version, 4);
    });

    it('journals the restore in the chain, under the portfolio marking, and the chain still verifies', async () => {
      const created = await createDeleted();
      assert.equal((await owner.post(`${base}/${created.id}/restore?version=2`)).status, 200);
      const journal = await journalOf(created.id);
      assert.deepEqual(
        journal.map((e) => e.action),
        ['budget-portfolio.created', 'budget-portfolio.deleted', 'budget-portfolio.restored'],
      );
      const [createdEntry, , restoredEntry] = journal;
      assert.equal(restoredEntry?.marking_id, createdEntry?.marking_id);
      const change = restoredEntry?.change;
      const parsed = (typeof change === 'string' ? JSON.parse(change) : change) as {
        name: string;
        version: number;
        deleted_at: string;
      };
      assert.equal(parsed.name, portfolio.name);
      assert.equal(parsed.version, 3);
      assert.match(parsed.deleted_at, /^\d{4}-\d{2}-\d{2}T/);
      const verdict = await verifyStoredJournal(vigil.deps.database.db);
      assert.equal(verdict.ok, true, JSON.stringify(verdict));
    });

    it('shows the bin only to the owning agency, under the marking, and restores for nobody else', async () => {
      const shared = await createDeleted();
      const red = await createDeleted({ tlp: 'RED' }, 'Restore test RED portfolio');
      const owned = (await deletedOf(owner)).items.map((item) => item.id);
      assert.ok(owned.includes(shared.id) && owned.includes(red.id));
      assert.ok(owned.indexOf(red.id) < owned.indexOf(shared.id), 'newest deletion first');

      // A partner it was shared with, an outsider and a colleague the RED marking does not name.
      for (const who of [partner, outsider, colleague]) {
        const bin = (await deletedOf(who)).items.map((item) => item.id);
        assert.ok(!bin.includes(red.id));
      }
      assert.ok((await deletedOf(colleague)).items.some((item) => item.id === shared.id));
      assert.ok(!(await deletedOf(partner)).items.some((item) => item.id === shared.id));
      assert.ok(!(await deletedOf(outsider)).items.some((item) => item.id === shared.id));

      for (const [who, id] of [
        [partner, shared.id],
        [outsider, shared.id],
        [colleague, red.id],
      ] as const) {
        const refused = await who.post(`${base}/${id}/restore?version=2`);
        assert.equal(refused.status, 404, 'a portfolio one may not restore is not confirmed to exist');
        assert.equal(refused.json().code, 'NOT_FOUND');
        assert.match(String(refused.headers['content-type']), /application\/problem\+json/);
      }
      assert.equal((await owner.get(`${base}/${red.id}`)).status, 404, 'still deleted');

      const noWrite = await analyst.get(`${base}/deleted`);
      assert.equal(noWrite.status, 403);
      assert.equal(noWrite.json().code, 'PERMISSION_DENIED');
      const noWriteRestore = await analyst.post(`${base}/${shared.id}/restore?version=2`);
      assert.equal(noWriteRestore.status, 403);
      assert.equal(noWriteRestore.json().code, 'PERMISSION_DENIED');
      assert.deepEqual(
        (await journalOf(shared.id)).map((e) => e.action),
        ['budget-portfolio.created', 'budget-portfolio.deleted'],
        'refused restores leave no entry',
      );
    });

    it('answers 409 to a stale version, 400 without one, and 404 for a live or unknown portfolio', async () => {
      const created = await createDeleted();
      const path = `${base}/${created.id}/restore`;
      const stale = await owner.post(`${path}?version=1`);
      assert.equal(stale.status, 409);
      assert.equal(stale.json().code, 'CONFLICT');
      assert.equal(stale.json().field, 'version');
      assert.match(String(stale.headers['content-type']), /application\/problem\+json/);
      const missing = await owner.post(path);
      assert.equal(missing.status, 400);
      assert.equal(missing.json().field, 'version');

      assert.equal((await owner.post(`${path}?version=2`)).status, 200);
      const live = await owner.post(`${path}?version=3`);
      assert.equal(live.status, 404, 'restoring a live portfolio');
      assert.equal(live.json().code, 'NOT_FOUND');
      assert.equal((await owner.post(`${path}?version=2`)).status, 404, 'a second restore finds nothing');
      assert.equal((await owner.post(`${base}/no-such-portfolio/restore?version=1`)).status, 404);
      assert.deepEqual(
        (await journalOf(created.id)).map((e) => e.action),
        ['budget-portfolio.created', 'budget-portfolio.deleted', 'budget-portfolio.restored'],
      );
    });
  });
}
