import type { Vigil } from '../platform/create-vigil.ts';
import { TestClient } from '../testing/test-client.ts';
import { type Scenario, testPassword } from '../testing/test-vigil.ts';
import { addUser } from '../users/index.ts';

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
  const extra = async (email: string, agencyId: string, role: 'planner' | 'finance') => {
    await addUser(vigil.deps, null, {
      email,
      password: testPassword,
      agencyId,
      roles: [role],
      attributes: [],
    });
    return TestClient.signIn(vigil.app, email);
  };
  return {
    owner: await TestClient.signIn(vigil.app, s.users.a2.email),
    partner: await extra(`${prefix}planner@test.example`, s.agencies.b, 'planner'),
    outsider: await extra(`${prefix}finance@test.example`, s.agencies.c, 'finance'),
  };
}
