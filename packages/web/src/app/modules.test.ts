import { describe, expect, it } from 'vitest';
import { moduleAt, visibleModules } from './modules.ts';

const labels = (...roles: Parameters<typeof visibleModules>[0]) => visibleModules(roles).map((m) => m.label);

describe('visibleModules', () => {
  it('offers Budget only to the roles that hold budget.read', () => {
    for (const role of ['director', 'planner', 'analyst', 'finance'] as const) {
      expect(labels(role)).toContain('Budget');
    }
    for (const role of ['operations', 'partner', 'admin', 'viewer', 'logistics'] as const) {
      expect(labels(role)).not.toContain('Budget');
    }
  });

  it('offers Admin only to administrators, and any role of several is enough', () => {
    expect(labels('admin')).toContain('Admin');
    expect(labels('director')).not.toContain('Admin');
    expect(labels('operations', 'finance')).toContain('Budget');
  });

  it('shows every role the modules its reads open, and never the unbuilt ones', () => {
    expect(labels('viewer')).toEqual([
      'Map',
      'Bulletins',
      'Risk',
      'Infrastructure',
      'Incidents',
      'Resources',
      'Interop',
    ]);
  });
});

describe('moduleAt', () => {
  it('finds the module of a sub-page, not of a path that merely starts alike', () => {
    expect(moduleAt('/budget/portfolios/abc')?.label).toBe('Budget');
    expect(moduleAt('/budget')?.label).toBe('Budget');
    expect(moduleAt('/budgets')).toBeUndefined();
  });
});
