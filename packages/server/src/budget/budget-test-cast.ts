import type { PortfolioInput } from '@vigil/core';
import type { Vigil } from '../platform/create-vigil.ts';
import { TestClient } from '../testing/test-client.ts';
import { type Scenario, testPassword } from '../testing/test-vigil.ts';
import { addUser } from '../users/index.ts';

/** Two candidates, one source, no rules: radios (90 for 60) beat fusion (30 for 50) within 100. */
export function twoCandidatePortfolio(name: string): PortfolioInput {
  return {
    name,
    years: 1,
    sources: [{ id: 'SHSP', amount_by_year: [100], period_of_performance_end: '2027-09-30' }],
    investments: [
      {
        id: 'radios',
        cost_by_year: [60],
        eligible_sources: ['SHSP'],
        benefit: 90,
        mission_area: 'Response',
        category: 'equipment',
      },
      {
        id: 'fusion',
        cost_by_year: [50],
        eligible_sources: ['SHSP'],
        benefit: 30,
        mission_area: 'Prevention',
        category: 'letpa',
      },
    ],
    rules: [],
  };
}

/** A new user with one budget role, signed in. */
export async function budgetUser(
  vigil: Vigil,
  email: string,
  agencyId: string,
  role: 'planner' | 'finance',
): Promise<TestClient> {
  await addUser(vigil.deps, null, { email, password: testPassword, agencyId, roles: [role], attributes: [] });
  return TestClient.signIn(vigil.app, email);
}

/**
 * Who the budget HTTP tests sign in as: the owner (finance in Agency A), a planner of Agency B
 * (a partner the portfolio is shared with) and a finance officer of Agency C (sees nothing).
 * `prefix` keeps the e-mail addresses apart when two test files share a database engine.
 */
export async function budgetTestCast(
  vigil: Vigil,
  s: Scenario,
  prefix: string,
): Promise<{ owner: TestClient; partner: TestClient; outsider: TestClient }> {
  return {
    owner: await TestClient.signIn(vigil.app, s.users.a2.email),
    partner: await budgetUser(vigil, `${prefix}planner@test.example`, s.agencies.b, 'planner'),
    outsider: await budgetUser(vigil, `${prefix}finance@test.example`, s.agencies.c, 'finance'),
  };
}

/** The journal entries of one portfolio, in order: what the budget tests check after each change. */
export function journalOfEntity(vigil: Vigil, entityId: string) {
  return vigil.deps.database.db
    .selectFrom('journal')
    .select(['action', 'change', 'marking_id'])
    .where('entity_id', '=', entityId)
    .orderBy('seq')
    .execute();
}
