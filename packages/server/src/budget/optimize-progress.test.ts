import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { generatePortfolio, type OptimizeProgress, type PortfolioDetail } from '@vigil/core/budget';
import type { Vigil } from '../platform/create-vigil.ts';
import type { TestClient } from '../testing/test-client.ts';
import { type TestDatabase, testEngines } from '../testing/test-engines.ts';
import { type Scenario, seedScenario, startTestVigil } from '../testing/test-vigil.ts';
import { budgetTestCast } from './budget-test-cast.ts';
import { OptimizeProgressBoard } from './optimize-progress.ts';

describe('OptimizeProgressBoard', () => {
  it('answers idle, then queued, then running with the latest plan and bound, then idle again', () => {
    let now = 1_000;
    const board = new OptimizeProgressBoard(() => now);
    assert.equal(board.read('p').state, 'idle');
    const ticket = board.enter('p', 3, 30);
    assert.deepEqual(board.read('p'), {
      state: 'queued',
      version: 3,
      seconds: null,
      time_limit: 30,
      objective: null,
      bound: null,
      gap: null,
    });
    board.start(ticket);
    now += 2_500;
    board.update(ticket, { seconds: 2.4, objective: 90, bound: 100, gap: 0.111, nodes: 3 });
    assert.deepEqual(board.read('p'), {
      state: 'running',
      version: 3,
      seconds: 2.5,
      time_limit: 30,
      objective: 90,
      bound: 100,
      gap: 0.111,
    });
    assert.equal(board.read('other').state, 'idle', 'progress is per portfolio');
    board.leave(ticket);
    assert.equal(board.read('p').state, 'idle');
  });

  it('shows the running solve of a portfolio over one queued behind it', () => {
    const board = new OptimizeProgressBoard(() => 0);
    const first = board.enter('p', 1, 10);
    board.start(first);
    board.enter('p', 2, 60);
    assert.equal(board.read('p').state, 'running');
    assert.equal(board.read('p').time_limit, 10);
    board.leave(first);
    assert.equal(board.read('p').state, 'queued');
    assert.equal(board.read('p').time_limit, 60);
    assert.equal(board.read('p').version, 2);
  });
});

for (const { engine, create } of testEngines) {
  describe(`optimizer progress through HTTP (${engine})`, () => {
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
      ({ owner, partner, outsider } = await budgetTestCast(vigil, s, 'p'));
    });
    after(async () => {
      await vigil.close();
      await database.drop();
    });

    it('a partner watches the best plan and the proven bound while the owner waits, outsiders see nothing', async () => {
      // 1,200 investments at a 1e-6 target: the search runs to its limit, so there is a window to watch.
      const created = await owner.post('/api/v1/budget/portfolios', {
        portfolio: { ...generatePortfolio(2026, 1200), name: 'Progress test portfolio' },
        marking: { tlp: 'AMBER', shareWith: [s.agencies.b] },
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const path = `/api/v1/budget/portfolios/${created.json<PortfolioDetail>().id}`;
      const idle = await partner.get(`${path}/optimize/progress`);
      assert.equal(idle.status, 200, JSON.stringify(idle.body));
      assert.equal(idle.json<OptimizeProgress>().state, 'idle');

      let finished = false;
      const run = owner.post(`${path}/optimize`, { time_limit: 4 }).finally(() => {
        finished = true;
      });
      const seen: OptimizeProgress[] = [];
      while (!finished) {
        const response = await partner.get(`${path}/optimize/progress`);
        assert.equal(response.status, 200, JSON.stringify(response.body));
        seen.push(response.json<OptimizeProgress>());
        const hidden = await outsider.get(`${path}/optimize/progress`);
        assert.equal(
          hidden.status,
          404,
          'an agency the marking does not reach learns nothing, not even that it runs',
        );
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const done = await run;
      assert.equal(done.status, 200, JSON.stringify(done.body));
      const withPlan = seen.filter((p) => p.state === 'running' && p.objective !== null);
      assert.ok(
        withPlan.length > 0,
        `a running solve with a plan was seen (${JSON.stringify(seen.slice(-3))})`,
      );
      for (const p of withPlan) {
        assert.equal(p.time_limit, 4);
        assert.equal(p.version, 1, 'the version being solved');
        assert.ok((p.bound ?? 0) >= (p.objective ?? 0), 'no plan beats the proven bound');
        assert.ok((p.seconds ?? -1) >= 0);
      }
      const final = done.json<{ objective: number }>().objective;
      assert.ok(
        (withPlan.at(-1)?.objective ?? 0) <= final * (1 + 1e-9),
        'the answer is at least the last plan shown',
      );
      const after = await partner.get(`${path}/optimize/progress`);
      assert.equal(after.json<OptimizeProgress>().state, 'idle', 'nothing runs once the answer is back');
    });
  });
}
