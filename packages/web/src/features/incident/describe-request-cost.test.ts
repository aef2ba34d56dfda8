import { describe, expect, it } from 'vitest';
import { describeRequestCost } from './describe-request-cost.ts';

const teams = [
  { id: 'ast-1', costRateUsdPerHour: 950 },
  { id: 'ast-2', costRateUsdPerHour: 950 },
];

describe('describeRequestCost', () => {
  it('calls the accrued figure the cost so far, with the hours and rate behind it', () => {
    // RR-1 of the demo: two strike teams, one hour started each, at $950/h.
    expect(describeRequestCost({ costUsd: 1900, resourceIds: ['ast-1', 'ast-2'] }, teams)).toBe(
      'cost so far $1,900 (2 resource-hours of 2 resources at $950/h)',
    );
    expect(describeRequestCost({ costUsd: 2850, resourceIds: ['ast-1'] }, teams)).toBe(
      'cost so far $2,850 (3 h at $950/h)',
    );
  });

  it('says nothing has accrued before anything is assigned', () => {
    expect(describeRequestCost({ costUsd: 0, resourceIds: [] }, teams)).toBe('no cost accrued yet');
  });

  it('gives the total alone when a resource is out of view or the rates differ', () => {
    expect(describeRequestCost({ costUsd: 1900, resourceIds: ['ast-1', 'hidden'] }, teams)).toBe(
      'cost so far $1,900',
    );
    const mixed = [...teams, { id: 'gen-1', costRateUsdPerHour: 260 }];
    expect(describeRequestCost({ costUsd: 1210, resourceIds: ['ast-1', 'gen-1'] }, mixed)).toBe(
      'cost so far $1,210',
    );
  });

  it('counts the hours of all the resources together, however they were split', () => {
    // One team 1 h, the other 3 h: 4 resource-hours, not "2 × 2 h".
    expect(describeRequestCost({ costUsd: 3800, resourceIds: ['ast-1', 'ast-2'] }, teams)).toBe(
      'cost so far $3,800 (4 resource-hours of 2 resources at $950/h)',
    );
  });

  it('leaves out the hours when the total is not whole hours of the rate', () => {
    expect(describeRequestCost({ costUsd: 2000, resourceIds: ['ast-1', 'ast-2'] }, teams)).toBe(
      'cost so far $2,000 (2 resources at $950/h)',
    );
  });
});
