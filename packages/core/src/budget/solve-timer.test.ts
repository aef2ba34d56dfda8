import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fourCandidatePortfolio } from './four-candidate-portfolio.ts';
import { generatePortfolio } from './generate-portfolio.ts';
import { optimizePortfolio } from './optimize-portfolio.ts';
import { parsePortfolio } from './portfolio.ts';
import { startSolveTimer } from './solve-timer.ts';

/** A clock that moves `step` milliseconds each time it is read, and counts the reads. */
function steppingClock(step: number) {
  let now = 1_000;
  let reads = 0;
  return {
    clock: () => {
      reads++;
      now += step;
      return now;
    },
    reads: () => reads,
  };
}

describe('startSolveTimer', () => {
  it('counts the caller’s clock when given one, and ignores solver time then', () => {
    const { clock } = steppingClock(250);
    const timer = startSolveTimer(clock);
    timer.spent(40);
    assert.equal(timer.seconds(), 0.25);
    assert.equal(timer.seconds(), 0.5);
  });

  it('without a clock, adds up the solver runs’ own seconds', () => {
    const timer = startSolveTimer();
    assert.equal(timer.seconds(), 0);
    timer.spent(0.5);
    timer.spent(1.25);
    assert.equal(timer.seconds(), 1.75);
  });
});

describe('optimizePortfolio time', () => {
  it('reads only the clock it is given: seconds are that clock’s', async () => {
    const { clock, reads } = steppingClock(10);
    const result = await optimizePortfolio(parsePortfolio(fourCandidatePortfolio), { clock });
    assert.equal(result.status, 'optimal');
    assert.ok(reads() >= 3, 'start, before the search and at the end');
    // Every read moves 10 ms: the answer's seconds are the last read's distance from the first.
    assert.equal(Math.round(result.seconds * 1000), (reads() - 1) * 10);
  });

  it('keeps the time limit on the given clock: a clock past the limit leaves the search its one-second floor', async () => {
    // Each read is a minute later: by the search the limit is long gone, so the search gets the
    // least it is ever given (1 s) and answers with what it has, not after a 30 s search.
    const { clock } = steppingClock(60_000);
    const portfolio = generatePortfolio(2028, 200);
    const result = await optimizePortfolio(portfolio, { clock, timeLimit: 30, withDuals: false });
    assert.ok(result.seconds >= 120, 'seconds come from the given clock');
    // Seed 2028 takes HiGHS about 8 s to prove on the bench machine (docs/modules/budget.md).
    assert.equal(result.status, 'time_limit', 'a one-second search does not prove this instance');
  });
});
