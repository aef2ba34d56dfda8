import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type {
  ExecutionSummaryView,
  OptimizationResult,
  PortfolioDetail,
  PortfolioInput,
  PortfolioList,
} from '@vigil/core';
import type { Vigil } from '../platform/create-vigil.ts';
import type { TestClient } from '../testing/test-client.ts';
import { type TestDatabase, testEngines } from '../testing/test-engines.ts';
import { type Scenario, seedScenario, startTestVigil } from '../testing/test-vigil.ts';
import { budgetTestCast, journalOfEntity, twoCandidatePortfolio } from './budget-test-cast.ts';

const portfolio = twoCandidatePortfolio('Edit test portfolio');

const base = '/api/v1/budget/portfolios';

for (const { engine, create } of testEngines) {
  describe(`editing and deleting budget portfolios through HTTP (${engine})`, () => {
    let database: TestDatabase;
    let vigil: Vigil;
    let s: Scenario;
    let owner: TestClient;
    let partner: TestClient;
    let outsider: TestClient;

    before(async () => {
      database = await create();
      vigil = await startTestVigil(database);
      s = await seedScenario(vigil);
      ({ owner, partner, outsider } = await budgetTestCast(vigil, s, 'e'));
    });
    after(async () => {
      await vigil.close();
      await database.drop();
    });

    async function createShared(): Promise<PortfolioDetail> {
      const response = await owner.post(base, {
        portfolio,
        marking: { tlp: 'AMBER', shareWith: [s.agencies.b] },
      });
      assert.equal(response.status, 201, JSON.stringify(response.body));
      return response.json<PortfolioDetail>();
    }

    const journalOf = (id: string) => journalOfEntity(vigil, id);

    it('replaces the file at the version edited, journals it and drops the stale optimizer result', async () => {
      const created = await createShared();
      assert.equal(created.version, 1);
      const first = await owner.post(`${base}/${created.id}/optimize`, { time_limit: 10 });
      assert.equal(first.status, 200, JSON.stringify(first.body));
      assert.deepEqual(
        first.json<OptimizationResult>().selected.map((x) => x.id),
        ['radios'],
      );

      const edited: PortfolioInput = {
        ...portfolio,
        investments: [
          { ...(portfolio.investments[0] as PortfolioInput['investments'][number]), benefit: 10 },
          { ...(portfolio.investments[1] as PortfolioInput['investments'][number]), benefit: 45 },
          {
            id: 'shelter',
            cost_by_year: [40],
            eligible_sources: ['SHSP'],
            benefit: 50,
            mission_area: 'Response',
            category: 'equipment',
          },
        ],
      };
      const put = await owner.request('PUT', `${base}/${created.id}`, { portfolio: edited, version: 1 });
      assert.equal(put.status, 200, JSON.stringify(put.body));
      const saved = put.json<PortfolioDetail>();
      assert.equal(saved.version, 2);
      assert.equal(saved.latest_run, null, 'a run of version 1 is not the result of version 2');
      assert.deepEqual(
        saved.rows.map((r) => [r.id, r.benefit]),
        [
          ['radios', 10],
          ['fusion', 45],
          ['shelter', 50],
        ],
      );
      assert.equal(saved.marking.tlp, 'AMBER', 'the marking stays when none is sent');

      const read = (await partner.get(`${base}/${created.id}`)).json<PortfolioDetail>();
      assert.equal(read.version, 2);
      assert.equal(read.rows.length, 3);
      const result = await owner.get(`${base}/${created.id}/result`);
      assert.equal(result.status, 404);
      assert.match(String(result.json().detail), /since its last change/);
      const listed = (await owner.get(base)).json<PortfolioList>().items.find((i) => i.id === created.id);
      assert.equal(listed?.latest_run, null);
      assert.equal(
        (await owner.post(`${base}/${created.id}/why-not`, { investment_id: 'fusion' })).status,
        404,
        'why-not needs a run of the current version',
      );

      const again = await owner.post(`${base}/${created.id}/optimize`, { time_limit: 10 });
      assert.equal(again.status, 200);
      const plan = again.json<OptimizationResult>();
      assert.equal(plan.objective, 95);
      assert.deepEqual(plan.selected.map((x) => x.id).sort(), ['fusion', 'shelter']);

      const journal = await journalOf(created.id);
      assert.deepEqual(
        journal.map((e) => e.action),
        [
          'budget-portfolio.created',
          'budget-portfolio.optimized',
          'budget-portfolio.updated',
          'budget-portfolio.optimized',
        ],
      );
      const change = journal[2]?.change;
      const parsed = (typeof change === 'string' ? JSON.parse(change) : change) as {
        version: number;
        investments: { added: { ids: string[] }; changed: { ids: string[] }; removed: { count: number } };
      };
      assert.equal(parsed.version, 2);
      assert.deepEqual(parsed.investments.added.ids, ['shelter']);
      assert.deepEqual(parsed.investments.changed.ids.sort(), ['fusion', 'radios']);
      assert.equal(parsed.investments.removed.count, 0);
    });

    it('answers 409 to a stale version, 400 naming the field, 403 to a partner and 404 to an outsider', async () => {
      const created = await createShared();
      const path = `${base}/${created.id}`;
      assert.equal((await owner.request('PUT', path, { portfolio, version: 1 })).status, 200);
      const staleEdit = await owner.request('PUT', path, { portfolio, version: 1 });
      assert.equal(staleEdit.status, 409);
      assert.equal(staleEdit.json().code, 'CONFLICT');
      assert.equal(staleEdit.json().field, 'version');
      assert.match(String(staleEdit.headers['content-type']), /application\/problem\+json/);

      const missingVersion = await owner.request('PUT', path, { portfolio });
      assert.equal(missingVersion.status, 400);
      assert.equal(missingVersion.json().field, 'version');
      const bad = {
        ...portfolio,
        investments: [{ ...portfolio.investments[0], cost_by_year: [1, 2] }],
      };
      const malformed = await owner.request('PUT', path, { portfolio: bad, version: 2 });
      assert.equal(malformed.status, 400);
      assert.equal(malformed.json().code, 'VALIDATION_FAILED');
      assert.equal(malformed.json().field, 'portfolio.investments[0].cost_by_year');

      const byPartner = await partner.request('PUT', path, { portfolio, version: 2 });
      assert.equal(byPartner.status, 403);
      assert.equal(byPartner.json().code, 'PERMISSION_DENIED');
      assert.equal((await outsider.request('PUT', path, { portfolio, version: 2 })).status, 404);
      assert.equal((await outsider.request('DELETE', path)).status, 404);

      // The owner may change the marking; the partner then no longer sees the portfolio.
      const restricted = await owner.request('PUT', path, {
        portfolio,
        version: 2,
        marking: { tlp: 'AMBER+STRICT' },
      });
      assert.equal(restricted.status, 200, JSON.stringify(restricted.body));
      assert.equal(restricted.json<PortfolioDetail>().marking.tlp, 'AMBER+STRICT');
      assert.equal((await partner.get(path)).status, 404);
      const journal = await journalOf(created.id);
      assert.deepEqual(
        journal.map((e) => e.action),
        ['budget-portfolio.created', 'budget-portfolio.updated', 'budget-portfolio.updated'],
        'refused edits leave no entry',
      );
      assert.notEqual(journal[2]?.marking_id, journal[1]?.marking_id, 'the entry carries the new marking');
    });

    it('keeps execution records consistent: an edit may not drop a line or a source that has entries', async () => {
      const created = await createShared();
      const path = `${base}/${created.id}`;
      const entry = {
        investment_id: 'fusion',
        source_id: 'SHSP',
        kind: 'award',
        amount: 50,
        on: '2026-01-02',
      };
      assert.equal((await owner.post(`${path}/execution`, entry)).status, 201);
      const dropped = await owner.request('PUT', path, {
        portfolio: { ...portfolio, investments: [portfolio.investments[0]] },
        version: 1,
      });
      assert.equal(dropped.status, 409);
      assert.equal(dropped.json().code, 'INVALID_STATE');
      assert.equal(dropped.json().field, 'portfolio.investments');
      assert.match(String(dropped.json().detail), /fusion has execution entries/);
    });

    it('deletes for the owner only: hidden everywhere afterwards, execution kept, journaled', async () => {
      const created = await createShared();
      const path = `${base}/${created.id}`;
      const entry = {
        investment_id: 'radios',
        source_id: 'SHSP',
        kind: 'award',
        amount: 60,
        on: '2026-01-02',
      };
      assert.equal((await owner.post(`${path}/execution`, entry)).status, 201);
      assert.equal((await owner.post(`${path}/optimize`, { time_limit: 10 })).status, 200);

      const byPartner = await partner.request('DELETE', path);
      assert.equal(byPartner.status, 403);
      const staleDelete = await owner.request('DELETE', `${path}?version=7`);
      assert.equal(staleDelete.status, 409);
      assert.equal(staleDelete.json().code, 'CONFLICT');
      const deleted = await owner.request('DELETE', `${path}?version=1`);
      assert.equal(deleted.status, 204, JSON.stringify(deleted.body));

      for (const who of [owner, partner]) {
        assert.equal((await who.get(path)).status, 404);
        assert.equal((await who.get(`${path}/result`)).status, 404);
        assert.equal((await who.get(`${path}/execution?as_of=2026-02-01`)).status, 404);
        const list = (await who.get(base)).json<PortfolioList>();
        assert.ok(!list.items.some((item) => item.id === created.id));
      }
      assert.equal((await owner.request('PUT', path, { portfolio, version: 2 })).status, 404);
      assert.equal((await owner.post(`${path}/execution`, entry)).status, 404);
      assert.equal((await owner.request('DELETE', path)).status, 404);

      const kept = await vigil.deps.database.db
        .selectFrom('budget_execution')
        .select('amount')
        .where('portfolio_id', '=', created.id)
        .execute();
      assert.deepEqual(
        kept.map((k) => Number(k.amount)),
        [60],
        'the record of money awarded stays',
      );
      const journal = await journalOf(created.id);
      assert.deepEqual(
        journal.map((e) => e.action),
        [
          'budget-portfolio.created',
          'budget-execution.recorded',
          'budget-portfolio.optimized',
          'budget-portfolio.deleted',
        ],
      );
    });

    it('shows what the execution form records in the summary', async () => {
      const created = await createShared();
      const path = `${base}/${created.id}/execution`;
      const before = (await owner.get(`${path}?as_of=2026-03-01`)).json<ExecutionSummaryView>();
      assert.equal(before.totals.expended, 0);
      const bad = await owner.post(path, {
        investment_id: 'radios',
        source_id: 'SHSP',
        kind: 'expenditure',
        amount: -5,
        on: '2026-02-01',
      });
      assert.equal(bad.status, 400);
      assert.equal(bad.json().field, 'amount');
      const saved = await owner.post(path, {
        investment_id: 'radios',
        source_id: 'SHSP',
        kind: 'expenditure',
        amount: 12.5,
        on: '2026-02-01',
      });
      assert.equal(saved.status, 201);
      const after = (await owner.get(`${path}?as_of=2026-03-01`)).json<ExecutionSummaryView>();
      assert.equal(after.totals.expended, 12.5);
    });
  });
}
