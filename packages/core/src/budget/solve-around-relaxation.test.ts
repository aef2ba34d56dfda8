import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildBudgetModel } from './build-budget-model.ts';
import { brokenRules, evaluatePlan } from './evaluate-plan.ts';
import { generatePortfolio } from './generate-portfolio.ts';
import { planFromSolution } from './optimize-portfolio.ts';
import { solveAroundRelaxation } from './solve-around-relaxation.ts';
import { solveBudgetModel } from './solve-budget-model.ts';

describe('solveAroundRelaxation', () => {
  it('returns a rule-keeping plan and a bound that the proven optimum lies between', async () => {
    // Feasible instances of the bench generator that HiGHS proves in seconds.
    for (const [seed, size] of [
      [1, 120],
      [2, 80],
    ] as const) {
      const portfolio = generatePortfolio(seed, size);
      const model = buildBudgetModel(portfolio);
      const exact = await solveBudgetModel(model, { timeLimit: 60, mipRelGap: 0 });
      assert.ok(exact.status === 'optimal' && exact.objective !== undefined);
      // A core of 10 choices: several rounds of fixed-core MIPs before the whole model.
      const found = await solveAroundRelaxation(model, { timeLimit: 60, mipRelGap: 1e-9, firstCore: 6 });
      assert.ok(found.colValue && found.objective !== undefined && found.bound !== undefined);
      const plan = planFromSolution(portfolio, model, found.colValue);
      assert.deepEqual(brokenRules(evaluatePlan(portfolio, plan)), [], `seed ${seed}`);
      const tolerance = 1e-6 * exact.objective;
      assert.ok(found.objective <= exact.objective + tolerance, `seed ${seed}: plan above the optimum`);
      assert.ok(found.bound >= exact.objective - tolerance, `seed ${seed}: bound below the optimum`);
      assert.ok(
        (found.lpBound ?? 0) >= exact.objective - tolerance,
        `seed ${seed}: LP bound below the optimum`,
      );
    }
  });

  it('stops at the target gap, proven by the LP bound', async () => {
    // Its LP bound is 5.2 % above the optimum: a 6 % target is met by a core, proven by the LP alone.
    const portfolio = generatePortfolio(1, 120);
    const model = buildBudgetModel(portfolio);
    const found = await solveAroundRelaxation(model, { timeLimit: 60, mipRelGap: 0.06, firstCore: 6 });
    assert.ok(found.objective !== undefined && found.lpBound !== undefined);
    assert.equal(found.bound, found.lpBound);
    assert.ok((found.lpBound - found.objective) / found.objective <= 0.06);
    assert.equal(found.status, 'optimal');
  });
});
