import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { availableAmounts, fiscalYearStart, isAfterPeriodOfPerformance } from './available-amounts.ts';
import { brokenRules, evaluatePlan } from './evaluate-plan.ts';
import { planGreedily } from './greedy-plan.ts';
import { optimizePortfolio } from './optimize-portfolio.ts';
import { parsePortfolio } from './portfolio.ts';
import { traceFrontier } from './trace-frontier.ts';

/**
 * Two sources over FY2026–FY2029: EMPG's period of performance ends with FY2027, STATE's does
 * not. The shelter project costs money in FY2028 that only EMPG could pay.
 */
const lapsing = parsePortfolio({
  years: 4,
  first_fiscal_year: 2026,
  sources: [
    { id: 'EMPG', amount_by_year: [50, 50, 50, 50], period_of_performance_end: '2027-09-30' },
    { id: 'STATE', amount_by_year: [10, 10, 10, 10] },
  ],
  investments: [
    {
      id: 'shelter',
      cost_by_year: [0, 0, 40, 0],
      eligible_sources: ['EMPG'],
      benefit: 100,
      mission_area: 'Response',
      category: 'equipment',
    },
    {
      id: 'plan',
      cost_by_year: [30, 30, 0, 0],
      eligible_sources: ['EMPG'],
      benefit: 10,
      mission_area: 'Response',
      category: 'planning',
    },
    {
      id: 'drill',
      cost_by_year: [0, 0, 8, 0],
      eligible_sources: ['EMPG', 'STATE'],
      benefit: 5,
      mission_area: 'Response',
      category: 'training',
    },
  ],
});

describe('period of performance', () => {
  it('dates federal fiscal years from 1 October of the year before', () => {
    assert.equal(fiscalYearStart(2028), '2027-10-01');
  });

  it('takes away the amounts of the years that begin after the period ends, and no others', () => {
    assert.deepEqual(availableAmounts(lapsing), [
      [50, 50, 0, 0],
      [10, 10, 10, 10],
    ]);
    // A period that ends inside FY2028 (on its first day) leaves FY2028 whole.
    const source = { amount_by_year: [1, 1, 1, 1], period_of_performance_end: '2027-10-01' };
    assert.equal(isAfterPeriodOfPerformance(lapsing, source, 2), false);
    assert.equal(isAfterPeriodOfPerformance(lapsing, source, 3), true);
    // Without a first fiscal year the years have no dates: nothing lapses.
    assert.deepEqual(availableAmounts({ ...lapsing, first_fiscal_year: undefined })[0], [50, 50, 50, 50]);
  });

  it('the optimum spends no lapsed money, and says so without calling the lapsed year binding', async () => {
    const result = await optimizePortfolio(lapsing, { timeLimit: 10 });
    assert.equal(result.status, 'optimal');
    const chosen = result.selected.map((s) => s.id).sort();
    // The shelter's FY2028 money could only come from EMPG, which has lapsed by then; the drill is paid by STATE.
    assert.deepEqual(chosen, ['drill', 'plan']);
    const drill = result.selected.find((s) => s.id === 'drill');
    assert.deepEqual(drill?.funding_by_year?.STATE, [0, 0, 8, 0]);
    assert.equal(result.rules_satisfied, true);
    assert.ok(!result.binding.some((check) => check.key === 'cap:EMPG:2' || check.key === 'cap:EMPG:3'));
    assert.ok(!result.marginal_values.some((m) => m.source === 'EMPG' && m.year >= 2));
  });

  it('a plan that draws lapsed money breaks the source cap, named with the period', () => {
    const plan = {
      chosen: new Set(['shelter']),
      funding: new Map([['shelter', new Map([['EMPG', [0, 0, 40, 0]]])]]),
    };
    const broken = brokenRules(evaluatePlan(lapsing, plan));
    const cap = broken.find((check) => check.key === 'cap:EMPG:2');
    assert.ok(cap, 'the FY2028 EMPG cap is broken');
    assert.equal(cap.limit, 0);
    assert.match(cap.label, /period of performance ended 2027-09-30/);
  });

  it('greedy and the frontier count only money that is there', async () => {
    assert.ok(!planGreedily(lapsing).chosen.has('shelter'));
    const frontier = await traceFrontier(lapsing, { scales: [1] });
    assert.equal(frontier.points[0]?.budget, 50 * 2 + 10 * 4);
  });
});
