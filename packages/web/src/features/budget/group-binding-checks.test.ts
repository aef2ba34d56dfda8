import { describe, expect, it } from 'vitest';
import { type BindingCheck, describeCapYears, groupBindingChecks } from './group-binding-checks.ts';

const check = (key: string, kind: string, label: string, limit: number): BindingCheck => ({
  key,
  kind,
  label,
  value: limit,
  limit,
  slack: 0,
});

const portfolio = {
  first_fiscal_year: 2026,
  sources: [
    { id: 'SHSP', amount_by_year: [1, 1, 1, 1] },
    { id: 'UASI', name: 'Urban Area Security Initiative', amount_by_year: [1, 1, 1, 1] },
    { id: 'STATE', name: 'State general fund', amount_by_year: [1, 1, 1, 1] },
  ],
};

describe('groupBindingChecks', () => {
  it('groups source caps by source in the portfolio order, years ascending as fiscal years, then rules by index', () => {
    const groups = groupBindingChecks(
      [
        check('cap:STATE:2', 'source_cap', 'State general fund available in year 3', 1_500_000),
        check('rule:4', 'max_spend', 'Norfolk ≤ $12M', 12_000_000),
        check('cap:UASI:1', 'source_cap', 'UASI available in year 2', 800_000),
        check('cap:STATE:0', 'source_cap', 'State general fund available in year 1', 1_500_000),
        check('rule:0', 'min_share', 'LETPA ≥ 35 % of SHSP+UASI', 0.35),
      ],
      portfolio,
    );
    expect(groups.caps).toEqual([
      {
        sourceId: 'UASI',
        name: 'Urban Area Security Initiative',
        years: [{ key: 'cap:UASI:1', year: 'FY2027', limit: 800_000 }],
      },
      {
        sourceId: 'STATE',
        name: 'State general fund',
        years: [
          { key: 'cap:STATE:0', year: 'FY2026', limit: 1_500_000 },
          { key: 'cap:STATE:2', year: 'FY2028', limit: 1_500_000 },
        ],
      },
    ]);
    expect(groups.rules.map((rule) => rule.key)).toEqual(['rule:0', 'rule:4']);
  });

  it('keeps a source ID with colons whole, names a source without a name by nothing, and counts years without a fiscal year', () => {
    const groups = groupBindingChecks(
      [check('cap:fema:bric:3', 'source_cap', 'x', 5), check('cap:SHSP:0', 'source_cap', 'y', 2)],
      { sources: portfolio.sources },
    );
    expect(groups.caps).toEqual([
      { sourceId: 'SHSP', name: null, years: [{ key: 'cap:SHSP:0', year: 'Year 1', limit: 2 }] },
      // A source the portfolio no longer has (an older run) comes last, still shown by its ID.
      { sourceId: 'fema:bric', name: null, years: [{ key: 'cap:fema:bric:3', year: 'Year 4', limit: 5 }] },
    ]);
  });

  it('keeps a check it cannot group with the rules, after them, rather than dropping it', () => {
    const odd = check('cap-total:SHSP', 'source_cap', 'SHSP over the horizon', 9);
    const groups = groupBindingChecks(
      [odd, check('rule:1', 'max_share', 'M&A ≤ 5 % of SHSP', 0.05)],
      portfolio,
    );
    expect(groups.caps).toEqual([]);
    expect(groups.rules.map((rule) => rule.label)).toEqual(['M&A ≤ 5 % of SHSP', 'SHSP over the horizon']);
  });

  it('answers nothing for nothing', () => {
    expect(groupBindingChecks([], portfolio)).toEqual({ caps: [], rules: [] });
  });
});

describe('describeCapYears', () => {
  it('says an equal cap once, and each cap when they differ', () => {
    expect(describeCapYears([{ key: 'a', year: 'FY2027', limit: 800_000 }])).toBe('FY2027: $800,000');
    expect(
      describeCapYears([
        { key: 'a', year: 'FY2026', limit: 1_500_000 },
        { key: 'b', year: 'FY2027', limit: 1_500_000 },
        { key: 'c', year: 'FY2028', limit: 1_500_000 },
      ]),
    ).toBe('FY2026, FY2027 and FY2028: $1.50M each');
    expect(
      describeCapYears([
        { key: 'a', year: 'FY2027', limit: 900_000 },
        { key: 'b', year: 'FY2028', limit: 950_000 },
      ]),
    ).toBe('FY2027: $900,000, FY2028: $950,000');
    expect(describeCapYears([])).toBe('');
  });
});
