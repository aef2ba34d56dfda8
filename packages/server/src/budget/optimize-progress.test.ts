import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { generatePortfolio, type OptimizeProgress, type PortfolioDetail } from '@vigil/core/budget';
import type { Vigil } from '../platform/create-vigil.ts';
import { openDatabase } from '../platform/database/database.ts';
import { TestClient } from '../testing/test-client.ts';
import { type TestDatabase, testEngines } from '../testing/test-engines.ts';
import { type Scenario, seedScenario, startTestVigil, testClock } from '../testing/test-vigil.ts';
import { budgetTestCast } from './budget-test-cast.ts';
import { OptimizeProgressBoard } from './optimize-progress.ts';

for (const { engine, create } of testEngines) {
  describe(`OptimizeProgressBoard (${engine})`, () => {
    let database: TestDatabase;
    let vigil: Vigil;
    before(async () => {
      database = await create();
      vigil = await startTestVigil(database);
    });
    after(async () => {
      await vigil.close();
      await database.drop();
    });

    it('answers idle, then queued, then running with the latest plan and bound, then idle again', async () => {
      const clock = testClock();
      const board = new OptimizeProgressBoard(vigil.deps.database, clock.now);
      assert.equal((await board.read('p')).state, 'idle');
      const ticket = await board.enter('p', 3, 30);
      assert.deepEqual(await board.read('p'), {
        state: 'queued',
        version: 3,
        seconds: null,
        time_limit: 30,
        objective: null,
        bound: null,
        gap: null,
      });
      board.start(ticket);
      clock.advance(2_500);
      board.update(ticket, { seconds: 2.4, objective: 90, bound: 100, gap: 0.111, nodes: 3 });
      await settled(board, 'p', (p) => p.objective === 90);
      assert.deepEqual(await board.read('p'), {
        state: 'running',
        version: 3,
        seconds: 2.5,
        time_limit: 30,
        objective: 90,
        bound: 100,
        gap: 0.111,
      });
      assert.equal((await board.read('other')).state, 'idle', 'progress is per portfolio');
      await board.leave(ticket);
      assert.equal((await board.read('p')).state, 'idle');
    });

    it('shows the running solve of a portfolio over one queued behind it', async () => {
      const clock = testClock();
      const board = new OptimizeProgressBoard(vigil.deps.database, clock.now);
      const first = await board.enter('q', 1, 10);
      board.start(first);
      clock.advance(10);
      const second = await board.enter('q', 2, 60);
      await settled(board, 'q', (p) => p.state === 'running');
      assert.equal((await board.read('q')).time_limit, 10);
      await board.leave(first);
      const queued = await board.read('q');
      assert.equal(queued.state, 'queued');
      assert.equal(queued.time_limit, 60);
      assert.equal(queued.version, 2);
      await board.leave(second);
    });

    it('shows the page its own version first when solves of several versions run', async () => {
      const clock = testClock();
      const board = new OptimizeProgressBoard(vigil.deps.database, clock.now);
      const older = await board.enter('v', 1, 10);
      board.start(older);
      clock.advance(10);
      const newer = await board.enter('v', 2, 20);
      board.start(newer);
      await settled(board, 'v', (p) => p.version === 2 && p.state === 'running');
      assert.equal((await board.read('v', 1)).version, 1, 'the version-1 page sees its own solve');
      assert.equal((await board.read('v', 2)).version, 2);
      assert.equal((await board.read('v', 9)).version, 2, 'a version nobody solves: the newest running');
      await board.leave(older);
      await board.leave(newer);
    });

    it('a burst of reports lands in order: the last one is what a poll reads', async () => {
      const clock = testClock();
      const board = new OptimizeProgressBoard(vigil.deps.database, clock.now);
      const ticket = await board.enter('w', 1, 10);
      board.start(ticket);
      for (let k = 1; k <= 50; k++) {
        clock.advance(5);
        board.update(ticket, { seconds: k / 200, objective: k, bound: 100, gap: (100 - k) / k, nodes: k });
      }
      await settled(board, 'w', (p) => p.objective === 50);
      const read = await board.read('w');
      assert.deepEqual([read.objective, read.seconds], [50, 0.3]);
      await board.leave(ticket);
      assert.equal((await board.read('w')).state, 'idle', 'no write lands after the row is gone');
    });

    it('writes its row again when another process removed it (a host clock well apart takes it for stale)', async () => {
      const clock = testClock();
      const board = new OptimizeProgressBoard(vigil.deps.database, clock.now);
      const ticket = await board.enter('x', 4, 30);
      board.start(ticket);
      await settled(board, 'x', (p) => p.state === 'running');
      await vigil.deps.database.db
        .deleteFrom('budget_optimize_progress')
        .where('portfolio_id', '=', 'x')
        .execute();
      assert.equal((await board.read('x')).state, 'idle', 'gone');
      clock.advance(1_000);
      board.update(ticket, { seconds: 1, objective: 7, bound: 9, gap: 2 / 7, nodes: 1 });
      await settled(board, 'x', (p) => p.objective === 7);
      const back = await board.read('x');
      assert.deepEqual([back.state, back.version, back.time_limit, back.seconds], ['running', 4, 30, 1]);
      await board.leave(ticket);
      assert.equal((await board.read('x')).state, 'idle');
    });

    it('another process sees the solve; the row of a process that stopped refreshing goes stale', async () => {
      const clock = testClock();
      // No heartbeat within the test: the row is refreshed only by what the test does.
      const solving = new OptimizeProgressBoard(vigil.deps.database, clock.now, {
        heartbeatMs: 3_600_000,
        staleMs: 20_000,
      });
      // A second connection to the same database: what another server process would open.
      const other = openDatabase(database.url);
      try {
        const watching = new OptimizeProgressBoard(other, clock.now);
        const ticket = await solving.enter('r', 7, 30);
        solving.start(ticket);
        await settled(watching, 'r', (p) => p.state === 'running');
        assert.equal((await watching.read('r')).version, 7);
        // Nothing refreshed it for 20 s (the test clock moved, no heartbeat ran): its process is gone.
        clock.advance(20_001);
        assert.equal((await watching.read('r')).state, 'idle');
        // The next solve clears it out.
        const fresh = new OptimizeProgressBoard(other, clock.now);
        const next = await fresh.enter('s', 1, 10);
        const left = await other.db.selectFrom('budget_optimize_progress').select('ticket').execute();
        assert.deepEqual(
          left.map((row) => row.ticket),
          [next],
        );
        await fresh.leave(next);
        await solving.leave(ticket);
      } finally {
        await other.close();
      }
    });
  });
}

describe('OptimizeProgressBoard without its table', () => {
  it('lets the solve go on without a row: enter answers no ticket, the rest does nothing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vigil-progress-'));
    const database = openDatabase(`sqlite:${join(dir, 'empty.db')}`);
    try {
      const board = new OptimizeProgressBoard(database, () => new Date());
      const ticket = await board.enter('p', 1, 10);
      assert.equal(ticket, undefined, 'no table, no row: a view, not a record');
      board.start(ticket);
      board.update(ticket, { seconds: 1, objective: 1, bound: 2, gap: 1, nodes: 1 });
      await board.leave(ticket);
    } finally {
      await database.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});

/** Progress writes land in the background: wait (briefly) until the board reads what was written. */
async function settled(
  board: OptimizeProgressBoard,
  portfolioId: string,
  done: (progress: OptimizeProgress) => boolean,
): Promise<void> {
  // Writes land in the background; a loaded CI machine may take a while.
  for (let i = 0; i < 500; i++) {
    if (done(await board.read(portfolioId))) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  assert.fail(`progress of ${portfolioId} never settled: ${JSON.stringify(await board.read(portfolioId))}`);
}

for (const { engine, create } of testEngines) {
  describe(`optimizer progress through HTTP (${engine})`, () => {
    let database: TestDatabase;
    let vigil: Vigil;
    /** A second server process on the same database: the polls go there, the solve runs in `vigil`. */
    let elsewhere: Vigil;
    let s: Scenario;
    let owner: TestClient;
    let partner: TestClient;
    let outsider: TestClient;

    before(async () => {
      database = await create();
      vigil = await startTestVigil(database);
      s = await seedScenario(vigil);
      ({ owner } = await budgetTestCast(vigil, s, 'p'));
      elsewhere = await startTestVigil(database);
      partner = await TestClient.signIn(elsewhere.app, 'pplanner@test.example');
      outsider = await TestClient.signIn(elsewhere.app, 'pfinance@test.example');
    });
    after(async () => {
      await elsewhere.close();
      await vigil.close();
      await database.drop();
    });

    it('a partner polling another server process watches the best plan and the proven bound while the owner waits, outsiders see nothing', async () => {
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
