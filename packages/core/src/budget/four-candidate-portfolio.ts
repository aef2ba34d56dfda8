import type { PortfolioInput } from './portfolio.ts';

/**
 * The smallest portfolio that shows every rule at work: two sources (BRIC with its 75 % cost
 * share), four candidates in four categories and mission areas, no rules of its own. Tests of the
 * optimizer and of the budget API start from it and add the rule they are about.
 */
export const fourCandidatePortfolio: PortfolioInput = {
  years: 1,
  sources: [
    { id: 'SHSP', amount_by_year: [100] },
    { id: 'BRIC', amount_by_year: [100], max_cost_share: 0.75 },
  ],
  investments: [
    {
      id: 'fusion',
      cost_by_year: [40],
      eligible_sources: ['SHSP'],
      benefit: 30,
      mission_area: 'Prevention',
      category: 'letpa',
    },
    {
      id: 'radios',
      cost_by_year: [60],
      eligible_sources: ['SHSP'],
      benefit: 90,
      mission_area: 'Response',
      category: 'equipment',
    },
    {
      id: 'admin',
      cost_by_year: [10],
      eligible_sources: ['SHSP'],
      benefit: 20,
      mission_area: 'Response',
      category: 'm-and-a',
    },
    {
      id: 'wall',
      cost_by_year: [80],
      eligible_sources: ['BRIC', 'SHSP'],
      benefit: 100,
      mission_area: 'Mitigation',
      category: 'mitigation',
    },
  ],
  rules: [],
};
