import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { buildBudgetModel } from './build-budget-model.ts';
import { brokenRules, evaluatePlan } from './evaluate-plan.ts';
import { explainChoice } from './explain-choice.ts';
import { fourCandidatePortfolio } from './four-candidate-portfolio.ts';
import { generatePortfolio } from './generate-portfolio.ts';
import { optimizePortfolio, planFromSolution } from './optimize-portfolio.ts';
import { type Portfolio, type PortfolioInput, parsePortfolio } from './portfolio.ts';
import { type SolveProgress, solveBudgetModel } from './solve-budget-model.ts';
import { traceFrontier } from './trace-frontier.ts';

const categories = ['letpa', 'equipment', 'm-and-a'];
const areas = ['Prevention', 'Response', 'Mitigation'];

/** Small random portfolios: few enough investments to enumerate every subset. */
const smallPortfolio = fc
  .record({
    years: fc.integer({ min: 1, max: 2 }),
    sourceCount: fc.integer({ min: 1, max: 3 }),
    n: fc.integer({ min: 2, max: 7 }),
    seed: fc.array(fc.nat({ max: 1_000_000 }), { minLength: 120, maxLength: 120 }),
  })
  .map(({ years, sourceCount, n, seed }): PortfolioInput => {
    let k = 0;
    const next = (mod: number) => (seed[k++ % seed.length] ?? 0) % mod;
    const sources = Array.from({ length: sourceCount }, (_, s) => ({
      id: `S${s}`,
      amount_by_year: Array.from({ length: years }, () => 20 + next(80)),
      ...(next(4) === 0 ? { max_cost_share: 0.75 } : {}),
    }));
    const investments = Array.from({ length: n }, (_, i) => ({
      id: `i${i}`,
      cost_by_year: Array.from({ length: years }, () => (next(3) === 0 ? 0 : 5 + next(60))),
      eligible_sources: sources
        .filter(() => next(3) > 0)
        .map((s) => s.id)
        .concat(next(2) ? [] : ['S0'])
        .filter((v, j, a) => a.indexOf(v) === j),
      benefit: 1 + next(100),
      mission_area: areas[next(areas.length)] as string,
      category: categories[next(categories.length)] as string,
      ...(i > 0 && next(6) === 0 ? { requires: [`i${next(i)}`] } : {}),
      ...(i > 0 && next(6) === 0 ? { excludes: [`i${next(i)}`] } : {}),
      ...(next(12) === 0 ? { must_fund: true } : {}),
    }));
    for (const inv of investments) if (inv.eligible_sources.length === 0) inv.eligible_sources.push('S0');
    const rules: PortfolioInput['rules'] = [];
    if (next(2)) rules.push({ kind: 'min_share', sources: ['S0'], category: 'letpa', share: next(40) / 100 });
    if (next(2))
      rules.push({
        kind: 'max_share',
        sources: sources.map((s) => s.id),
        category: 'm-and-a',
        share: next(30) / 100,
      });
    if (next(2)) rules.push({ kind: 'min_spend', mission_area: 'Response', amount: next(60) });
    if (next(2)) rules.push({ kind: 'max_spend', mission_area: 'Prevention', amount: 20 + next(80) });
    return { years, sources, investments, rules };
  });

/** The reference: every subset, each judged by an LP on the unpooled model with the choices fixed. */
async function enumerateOptimum(portfolio: Portfolio): Promise<number | undefined> {
  const model = buildBudgetModel(portfolio, { pooled: false });
  const n = portfolio.investments.length;
  let best: number | undefined;
  for (let mask = 0; mask < 1 << n; mask++) {
    let value = 0;
    const fix = new Map<number, number>();
    for (let i = 0; i < n; i++) {
      const on = (mask >> i) & 1;
      fix.set(i, on);
      if (on) value += model.weights[i] ?? 0;
    }
    if (best !== undefined && value <= best) continue;
    const lp = await solveBudgetModel(model, { fix, relax: true, feasibilityOnly: true });
    if (lp.status === 'optimal') best = value;
  }
  return best;
}

describe('optimizePortfolio', () => {
  it('matches exhaustive enumeration on small random portfolios, and its plan keeps every rule', async () => {
    await fc.assert(
      fc.asyncProperty(smallPortfolio, async (input) => {
        const portfolio = parsePortfolio(input);
        const expected = await enumerateOptimum(portfolio);
        const result = await optimizePortfolio(portfolio, { timeLimit: 10 });
        if (expected === undefined) {
          assert.equal(result.status, 'infeasible');
          assert.ok(result.conflicts.length > 0, 'an infeasible portfolio names its conflicting rules');
          return;
        }
        assert.equal(result.status, 'optimal');
        assert.ok(Math.abs((result.objective ?? 0) - expected) < 1e-6, `${result.objective} vs ${expected}`);
        assert.equal(result.rules_satisfied, true);
        // The plan is judged by the independent checker, not by the model that produced it.
        const chosen = new Set(result.selected.map((s) => s.id));
        const funding = new Map(
          result.selected.map((s) => [s.id, new Map(Object.entries(s.funding_by_year))]),
        );
        assert.deepEqual(brokenRules(evaluatePlan(portfolio, { chosen, funding })), []);
      }),
      { numRuns: 30, seed: 8 },
    );
  });

  it('pooled funding units give the same optimum as one unit per investment', async () => {
    await fc.assert(
      fc.asyncProperty(smallPortfolio, async (input) => {
        const portfolio = parsePortfolio(input);
        const pooled = await solveBudgetModel(buildBudgetModel(portfolio));
        const full = await solveBudgetModel(buildBudgetModel(portfolio, { pooled: false }));
        assert.equal(pooled.status, full.status);
        if (pooled.objective !== undefined)
          assert.ok(Math.abs(pooled.objective - (full.objective ?? 0)) < 1e-4);
      }),
      { numRuns: 20, seed: 80 },
    );
  });
});

/** Two sources, four candidates: the cheapest plans that show each rule at work. */
function base(overrides: Partial<PortfolioInput> = {}): Portfolio {
  return parsePortfolio({ ...structuredClone(fourCandidatePortfolio), ...overrides });
}

const ids = (result: { selected: { id: string }[] }) => result.selected.map((s) => s.id).sort();

describe('grant rules', () => {
  it('without rules funds the best benefit within the caps, and BRIC pays at most 75 % of the wall', async () => {
    const result = await optimizePortfolio(base());
    assert.deepEqual(ids(result), ['admin', 'radios', 'wall']);
    const wall = result.selected.find((s) => s.id === 'wall');
    assert.ok((wall?.funding.BRIC ?? 0) <= 60 + 1e-6);
    assert.ok((wall?.funding.SHSP ?? 0) >= 20 - 1e-6, 'the other 25 % comes from SHSP');
  });

  it('a minimum share for LETPA brings the fusion centre in', async () => {
    const result = await optimizePortfolio(
      base({ rules: [{ kind: 'min_share', sources: ['SHSP'], category: 'letpa', share: 0.35 }] }),
    );
    assert.ok(ids(result).includes('fusion'));
    const shsp = result.allocation.by_source.SHSP ?? 0;
    const letpa = result.selected
      .filter((s) => s.category === 'letpa')
      .reduce((a, s) => a + (s.funding.SHSP ?? 0), 0);
    assert.ok(letpa >= 0.35 * shsp - 1e-6);
  });

  it('an M&A ceiling of 5 % keeps the admin item out', async () => {
    const result = await optimizePortfolio(
      base({ rules: [{ kind: 'max_share', sources: ['SHSP'], category: 'm-and-a', share: 0.05 }] }),
    );
    assert.ok(!ids(result).includes('admin'));
  });

  it('spend rules bound a mission area from below and above', async () => {
    const min = await optimizePortfolio(
      base({ rules: [{ kind: 'min_spend', mission_area: 'Prevention', amount: 40 }] }),
    );
    assert.ok(ids(min).includes('fusion'));
    const max = await optimizePortfolio(
      base({ rules: [{ kind: 'max_spend', mission_area: 'Mitigation', amount: 50 }] }),
    );
    assert.ok(!ids(max).includes('wall'));
  });

  it('prerequisites, exclusions and must-fund items hold', async () => {
    const portfolio = base();
    const radios = portfolio.investments[1];
    const admin = portfolio.investments[2];
    const fusion = portfolio.investments[0];
    if (!radios || !admin || !fusion) throw new Error('fixture');
    radios.requires = ['fusion'];
    admin.excludes = ['wall'];
    fusion.must_fund = true;
    const result = await optimizePortfolio(portfolio);
    const chosen = ids(result);
    assert.ok(chosen.includes('fusion'));
    assert.ok(!(chosen.includes('admin') && chosen.includes('wall')));
    if (chosen.includes('radios')) assert.ok(chosen.includes('fusion'));
    assert.equal(result.rules_satisfied, true);
  });

  it('a source pays only for its eligible categories', async () => {
    const portfolio = base();
    const bric = portfolio.sources[1];
    if (bric) bric.eligible_categories = ['letpa'];
    const result = await optimizePortfolio(portfolio);
    const wall = result.selected.find((s) => s.id === 'wall');
    assert.equal(wall?.funding.BRIC ?? 0, 0);
  });
});

describe('explanations', () => {
  it('names the conflicting rules of an infeasible portfolio', async () => {
    const portfolio = base({ rules: [{ kind: 'min_spend', mission_area: 'Mitigation', amount: 80 }] });
    const fusion = portfolio.investments[0];
    const radios = portfolio.investments[1];
    if (fusion) fusion.must_fund = true;
    if (radios) radios.must_fund = true;
    // 40 + 60 use all of SHSP, so the wall's 25 % match cannot be paid and its minimum spend fails.
    const result = await optimizePortfolio(portfolio);
    assert.equal(result.status, 'infeasible');
    const groupsFound = result.conflicts.map((c) => c.group).sort();
    assert.deepEqual(groupsFound, ['cap:SHSP', 'cost-share:BRIC', 'must-fund', 'rule:0']);
  });

  it('forcing an excluded project in reports the benefit lost and what it displaces', async () => {
    const portfolio = base();
    const optimum = await optimizePortfolio(portfolio);
    assert.ok(!ids(optimum).includes('fusion'));
    const why = await explainChoice(portfolio, optimum, 'fusion');
    assert.equal(why.forced, 'in');
    // Best plan with fusion: fusion + wall (SHSP 40 + 20) + admin: 150 vs 210.
    assert.equal(why.objective, 150);
    assert.equal(why.objective_change, -60);
    assert.deepEqual(why.displaced, ['radios']);
    assert.match(why.reason, /loses \$60/);
  });

  it('marginal values are the LP relaxation duals of the source caps', async () => {
    const portfolio = base();
    const result = await optimizePortfolio(portfolio);
    const shsp = result.marginal_values.find((m) => m.source === 'SHSP');
    const model = buildBudgetModel(portfolio);
    const lp = await solveBudgetModel(model, { relax: true });
    const more = buildBudgetModel(
      base({
        sources: [
          { id: 'SHSP', amount_by_year: [101] },
          { id: 'BRIC', amount_by_year: [100], max_cost_share: 0.75 },
        ],
      }),
    );
    const lpMore = await solveBudgetModel(more, { relax: true });
    assert.ok(Math.abs((lpMore.objective ?? 0) - (lp.objective ?? 0) - (shsp?.value ?? -1)) < 1e-6);
    assert.ok((shsp?.value ?? 0) > 0);
  });

  it('the frontier never falls as the budget grows', async () => {
    const { points } = await traceFrontier(base(), { scales: [0.25, 0.5, 1, 2] });
    const values = points.map((p) => p.objective ?? 0);
    for (let k = 1; k < values.length; k++) assert.ok((values[k] ?? 0) >= (values[k - 1] ?? 0));
    assert.equal(points[3]?.objective, 240);
  });

  it('greedy by benefit per dollar can break a share rule the optimum keeps', async () => {
    const result = await optimizePortfolio(
      base({ rules: [{ kind: 'min_share', sources: ['SHSP'], category: 'letpa', share: 0.35 }] }),
    );
    assert.equal(result.rules_satisfied, true);
    assert.equal(result.greedy?.satisfies_rules, false);
    assert.ok(result.greedy?.broken.some((b) => b.kind === 'min_share'));
  });

  it('plans read back from solver columns split pooled funding by each member cost', async () => {
    const portfolio = base();
    const model = buildBudgetModel(portfolio);
    const solved = await solveBudgetModel(model);
    if (!solved.colValue) throw new Error('no plan');
    const plan = planFromSolution(portfolio, model, solved.colValue);
    for (const id of plan.chosen) {
      const paid = [...(plan.funding.get(id)?.values() ?? [])].reduce((a, row) => a + (row[0] ?? 0), 0);
      const cost = portfolio.investments.find((inv) => inv.id === id)?.cost_by_year[0] ?? 0;
      assert.ok(Math.abs(paid - cost) < 1e-6);
    }
  });
});

describe('progress while the search runs', () => {
  const check = (events: SolveProgress[], result: { objective: number | null }) => {
    assert.ok(events.length > 0, 'at least one progress report');
    for (let k = 1; k < events.length; k++)
      assert.ok((events[k]?.seconds ?? 0) >= (events[k - 1]?.seconds ?? 0), 'time only moves forward');
    for (const event of events) {
      if (event.objective === undefined || event.bound === undefined) continue;
      assert.ok(event.bound >= event.objective * (1 - 1e-9), 'no plan beats the proven bound');
      assert.ok((event.gap ?? -1) >= 0);
    }
    const last = events.findLast((event) => event.objective !== undefined);
    assert.ok(last, 'a plan is reported before the answer');
    assert.ok(
      (last.objective ?? 0) <= (result.objective ?? 0) * (1 + 1e-9),
      'the answer is at least the last plan',
    );
  };

  it('the whole-model search reports its best plan and bound (200 investments)', async () => {
    const events: SolveProgress[] = [];
    const result = await optimizePortfolio(generatePortfolio(2026, 200), {
      timeLimit: 20,
      withGreedy: false,
      withDuals: false,
      onProgress: (progress) => events.push(progress),
    });
    check(events, result);
    // Thinned: a report that brings no better plan comes a quarter second or more after the one before.
    for (let k = 1; k < events.length; k++) {
      const [before, now] = [events[k - 1], events[k]];
      if (before && now && now.objective === before.objective)
        assert.ok(
          now.seconds - before.seconds >= 0.25 - 1e-9,
          `reports ${before.seconds} s and ${now.seconds} s`,
        );
    }
  });

  it('the search around the LP reports against the LP bound (1,200 investments)', async () => {
    const events: SolveProgress[] = [];
    const result = await optimizePortfolio(generatePortfolio(2026, 1200), {
      timeLimit: 4,
      mipRelGap: 1e-4,
      withGreedy: false,
      withDuals: false,
      onProgress: (progress) => events.push(progress),
    });
    check(events, result);
    for (const event of events) assert.ok((event.bound ?? 0) >= (result.bound ?? 0) * (1 - 1e-9));
  });
});
