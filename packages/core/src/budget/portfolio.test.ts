import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DomainError } from '../errors/index.ts';
import { parsePortfolio } from './portfolio.ts';
import { summarizeExecution } from './track-execution.ts';

const valid = {
  years: 2,
  sources: [{ id: 'SHSP', amount_by_year: [100, 100] }],
  investments: [
    {
      id: 'a',
      cost_by_year: [10, 0],
      eligible_sources: ['SHSP'],
      benefit: 5,
      mission_area: 'Prevention',
      category: 'letpa',
    },
  ],
  rules: [{ kind: 'min_share', sources: ['SHSP'], category: 'letpa', share: 0.35 }],
};

function refusal(value: unknown): DomainError {
  try {
    parsePortfolio(value);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('accepted');
}

describe('parsePortfolio', () => {
  it('accepts the format of the issue', () => {
    assert.equal(parsePortfolio(valid).investments.length, 1);
  });

  it('names the field of a malformed portfolio', () => {
    const cases: [unknown, string][] = [
      [{ ...valid, years: 0 }, 'years'],
      [{ ...valid, sources: [{ id: 'SHSP', amount_by_year: [100] }] }, 'sources[0].amount_by_year'],
      [
        { ...valid, investments: [{ ...valid.investments[0], cost_by_year: [1, -1] }] },
        'investments[0].cost_by_year[1]',
      ],
      [
        { ...valid, investments: [{ ...valid.investments[0], eligible_sources: ['UASI'] }] },
        'investments[0].eligible_sources[0]',
      ],
      [
        { ...valid, investments: [{ ...valid.investments[0], requires: ['ghost'] }] },
        'investments[0].requires[0]',
      ],
      [{ ...valid, investments: [{ ...valid.investments[0], colour: 'red' }] }, 'investments[0]'],
      [
        { ...valid, rules: [{ kind: 'min_share', sources: ['SHSP'], category: 'letpa', share: 1.5 }] },
        'rules[0].share',
      ],
      [{ ...valid, rules: [{ kind: 'max_spend', amount: 5 }] }, 'rules[0].mission_area'],
      [{ ...valid, rules: [{ kind: 'min_share', sources: ['SHSP'], category: 'letpa' }] }, 'rules[0].share'],
      [{ ...valid, rules: [{ kind: 'max_spend', mission_area: 'Response' }] }, 'rules[0].amount'],
      [{ ...valid, rules: [{ kind: 'max_budget', amount: 5 }] }, 'rules[0].kind'],
      ['not an object', 'portfolio'],
    ];
    for (const [input, field] of cases) {
      const error = refusal(input);
      assert.equal(error.code, 'VALIDATION_FAILED');
      assert.ok(error.field?.startsWith(field), `${error.field} should start with ${field}`);
    }
  });

  it('refuses duplicate ids', () => {
    const error = refusal({ ...valid, investments: [valid.investments[0], valid.investments[0]] });
    assert.equal(error.field, 'investments[1].id');
  });
});

describe('summarizeExecution', () => {
  const periods = new Map([['SHSP', '2026-09-30']]);
  it('warns when the burn rate leaves money to lapse at the end of the period of performance', () => {
    const summary = summarizeExecution(
      [
        { investment_id: 'a', source_id: 'SHSP', kind: 'award', amount: 1_000_000, on: '2025-10-01' },
        { investment_id: 'a', source_id: 'SHSP', kind: 'obligation', amount: 800_000, on: '2025-11-01' },
        { investment_id: 'a', source_id: 'SHSP', kind: 'expenditure', amount: 182_000, on: '2026-03-01' },
      ],
      periods,
      '2026-04-01',
    );
    const line = summary.lines[0];
    // 182 days elapsed → $1,000/day; 182 days left → $182,000 more; $636,000 will lapse.
    assert.equal(line?.burn_per_day, 1000);
    assert.equal(line?.days_left, 182);
    assert.equal(line?.at_risk, 636_000);
    assert.match(line?.warning ?? '', /will lapse on 2026-09-30/);
    assert.equal(summary.totals.at_risk, 636_000);
  });

  it('counts no entry dated after the as-of day and flags a period that has ended', () => {
    const summary = summarizeExecution(
      [
        { investment_id: 'a', source_id: 'SHSP', kind: 'award', amount: 100, on: '2025-10-01' },
        { investment_id: 'a', source_id: 'SHSP', kind: 'expenditure', amount: 40, on: '2026-12-01' },
      ],
      periods,
      '2026-10-10',
    );
    assert.equal(summary.lines[0]?.expended, 0);
    assert.equal(summary.lines[0]?.at_risk, 100);
    assert.match(summary.lines[0]?.warning ?? '', /ended 10 days ago/);
  });
});
