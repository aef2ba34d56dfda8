import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type {
  ExecutionSummaryView,
  Frontier,
  OptimizationResult,
  PortfolioDetail,
  PortfolioInput,
  PortfolioList,
  WhyNot,
} from '@vigil/core';
import { fourCandidatePortfolio, generatePortfolio } from '@vigil/core';
import type { Vigil } from '../platform/create-vigil.ts';
import { TestClient } from '../testing/test-client.ts';
import { type TestDatabase, testEngines } from '../testing/test-engines.ts';
import { type Scenario, seedScenario, startTestVigil } from '../testing/test-vigil.ts';
import { budgetTestCast, journalOfEntity } from './budget-test-cast.ts';

const portfolio: PortfolioInput = {
  ...structuredClone(fourCandidatePortfolio),
  name: 'Test portfolio',
  // The execution tests need a period of performance to count the days left in.
  sources: [
    { id: 'SHSP', amount_by_year: [100], period_of_performance_end: '2027-09-30' },
    { id: 'BRIC', amount_by_year: [100], max_cost_share: 0.75 },
  ],
};

for (const { engine, create } of testEngines) {
  describe(`budget portfolios through HTTP (${engine})`, () => {
    let database: TestDatabase;
    let vigil: Vigil;
    let s: Scenario;
    let owner: TestClient;
    let partner: TestClient;
    let outsider: TestClient;
    let operations: TestClient;

    before(async () => {
      database = await create();
      vigil = await startTestVigil(database);
      s = await seedScenario(vigil);
      ({ owner, partner, outsider } = await budgetTestCast(vigil, s, 'b'));
      operations = await TestClient.signIn(vigil.app, s.users.b.email);
    });
    after(async () => {
      await vigil.close();
      await database.drop();
    });

    async function createPortfolio(shareWith: string[] = []): Promise<PortfolioDetail> {
      const response = await owner.post('/api/v1/budget/portfolios', {
        portfolio,
        marking: { tlp: 'AMBER', ...(shareWith.length ? { shareWith } : {}) },
      });
      assert.equal(response.status, 201, JSON.stringify(response.body));
      return response.json<PortfolioDetail>();
    }

    it('shows a portfolio only to whom its marking allows, 404 to everyone else', async () => {
      const created = await createPortfolio();
      assert.equal(created.rows.find((r) => r.id === 'admin')?.benefit_per_dollar, 2);
      assert.equal((await owner.get(`/api/v1/budget/portfolios/${created.id}`)).status, 200);
      for (const stranger of [partner, outsider]) {
        const denied = await stranger.get(`/api/v1/budget/portfolios/${created.id}`);
        assert.equal(denied.status, 404);
        assert.equal(
          (await stranger.post(`/api/v1/budget/portfolios/${created.id}/optimize`, {})).status,
          404,
        );
        const list = (await stranger.get('/api/v1/budget/portfolios')).json<PortfolioList>();
        assert.ok(!list.items.some((item) => item.id === created.id));
      }
      assert.equal((await operations.get('/api/v1/budget/portfolios')).status, 403);
    });

    it('optimizes, keeps the run on the journal, explains a choice and traces the frontier', async () => {
      const created = await createPortfolio([s.agencies.b]);
      const run = await partner.post(`/api/v1/budget/portfolios/${created.id}/optimize`, { time_limit: 10 });
      assert.equal(run.status, 200, JSON.stringify(run.body));
      const result = run.json<OptimizationResult>();
      assert.equal(result.status, 'optimal');
      assert.equal(result.objective, 210);
      assert.deepEqual(result.selected.map((x) => x.id).sort(), ['admin', 'radios', 'wall']);
      const latest = (
        await owner.get(`/api/v1/budget/portfolios/${created.id}/result`)
      ).json<OptimizationResult>();
      assert.equal(latest.objective, 210);
      const journal = await journalOfEntity(vigil, created.id);
      assert.deepEqual(
        journal.map((e) => e.action),
        ['budget-portfolio.created', 'budget-portfolio.optimized'],
      );
      const why = await owner.post(`/api/v1/budget/portfolios/${created.id}/why-not`, {
        investment_id: 'fusion',
      });
      assert.equal(why.status, 200);
      assert.equal(why.json<WhyNot>().objective_change, -60);
      const unknown = await owner.post(`/api/v1/budget/portfolios/${created.id}/why-not`, {
        investment_id: 'nope',
      });
      assert.equal(unknown.status, 400);
      assert.equal(unknown.json().field, 'investment_id');
      const frontier = await owner.post(`/api/v1/budget/portfolios/${created.id}/frontier`, {
        scales: [0.5, 1, 2],
      });
      assert.deepEqual(
        frontier.json<Frontier>().points.map((p) => p.objective),
        [120, 210, 240],
      );
    });

    it('records execution for the owning agency only, and warns of money that will lapse', async () => {
      const created = await createPortfolio([s.agencies.b]);
      const path = `/api/v1/budget/portfolios/${created.id}/execution`;
      const entry = (kind: string, amount: number, on: string) => ({
        investment_id: 'radios',
        source_id: 'SHSP',
        kind,
        amount,
        on,
      });
      assert.equal((await owner.post(path, entry('award', 60, '2026-01-01'))).status, 201);
      assert.equal((await owner.post(path, entry('expenditure', 5, '2026-03-01'))).status, 201);
      const refused = await partner.post(path, entry('expenditure', 5, '2026-03-02'));
      assert.equal(refused.status, 403);
      assert.equal(refused.json().code, 'PERMISSION_DENIED');
      const wrongSource = await owner.post(path, { ...entry('award', 5, '2026-01-01'), source_id: 'BRIC' });
      assert.equal(wrongSource.status, 400);
      assert.equal(wrongSource.json().field, 'source_id');
      const summary = (await partner.get(`${path}?as_of=2026-03-01`)).json<ExecutionSummaryView>();
      assert.equal(summary.lines[0]?.expended, 5);
      assert.ok((summary.lines[0]?.at_risk ?? 0) > 0);
      assert.match(summary.lines[0]?.warning ?? '', /lapse on 2027-09-30/);
      assert.equal((await outsider.get(`${path}?as_of=2026-03-01`)).status, 404);
    });

    it('refuses a malformed portfolio naming the field', async () => {
      const bad = {
        ...portfolio,
        investments: [{ ...portfolio.investments[0], eligible_sources: ['OPSG'] }],
      };
      const response = await owner.post('/api/v1/budget/portfolios', {
        portfolio: bad,
        marking: { tlp: 'GREEN' },
      });
      assert.equal(response.status, 400);
      assert.equal(response.json().code, 'VALIDATION_FAILED');
      assert.match(String(response.json().field), /investments\[0\]\.eligible_sources\[0\]/);
    });

    it('takes a portfolio file past the API-wide 1 MiB (8,000 candidates), and refuses one past 16 MiB', async () => {
      const big = { ...generatePortfolio(7, 8000), name: 'Eight thousand candidates' };
      assert.ok(JSON.stringify(big).length > 1024 * 1024, 'the file is over 1 MiB');
      const created = await owner.post('/api/v1/budget/portfolios', {
        portfolio: big,
        marking: { tlp: 'GREEN' },
      });
      assert.equal(created.status, 201, JSON.stringify(created.body).slice(0, 300));
      assert.equal(created.json<PortfolioDetail>().investments, 8000);
      const huge = await owner.post('/api/v1/budget/portfolios', {
        portfolio: { ...big, name: 'x'.repeat(17 * 1024 * 1024) },
        marking: { tlp: 'GREEN' },
      });
      assert.equal(huge.status, 413);
      assert.equal(huge.json().code, 'PAYLOAD_TOO_LARGE');
      assert.match(String(huge.json().detail), /limited to 16 MiB/);
    });
  });
}
