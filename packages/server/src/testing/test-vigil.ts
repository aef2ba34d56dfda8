import type { Viewer } from '@vigil/core';
import { addAgency } from '../agencies/index.ts';
import { loadConfig } from '../platform/config.ts';
import { createVigil, type Vigil } from '../platform/create-vigil.ts';
import { addUser } from '../users/index.ts';
import type { TestDatabase } from './test-engines.ts';

export const testPassword = 'correct horse battery staple';

export type TestClock = { now: () => Date; advance(ms: number): void };

export function testClock(start = '2026-09-15T12:00:00.000Z'): TestClock {
  let t = Date.parse(start);
  return {
    now: () => new Date(t),
    advance: (ms) => {
      t += ms;
    },
  };
}

export async function startTestVigil(
  database: TestDatabase,
  options: { clock?: TestClock; env?: Record<string, string> } = {},
): Promise<Vigil> {
  const config = loadConfig({ VIGIL_DATABASE_URL: database.url, VIGIL_LOG_LEVEL: 'silent', ...options.env });
  return createVigil(config, options.clock ? { now: options.clock.now } : {});
}

export type Scenario = {
  agencies: { a: string; b: string; c: string; bChild: string };
  users: Record<
    'a' | 'a2' | 'b' | 'b2' | 'bChild' | 'c' | 'admin' | 'les',
    { id: string; email: string; viewer: Viewer }
  >;
};

/**
 * Three unrelated agencies A, B, C (B with a sub-agency), people in each, an admin,
 * and a law-enforcement user in C: the cast of the marking tests.
 */
export async function seedScenario(vigil: Vigil): Promise<Scenario> {
  const { deps } = vigil;
  const a = await addAgency(deps, null, { name: 'Agency A', kind: 'state', jurisdiction: ['51'] });
  const b = await addAgency(deps, null, { name: 'Agency B', kind: 'local', jurisdiction: ['51710'] });
  const c = await addAgency(deps, null, { name: 'Agency C', kind: 'private' });
  const bChild = await addAgency(deps, null, { name: 'Agency B Fire', kind: 'local', parentId: b.id });
  const people: [
    keyof Scenario['users'],
    string,
    string,
    Parameters<typeof addUser>[2]['roles'],
    Parameters<typeof addUser>[2]['attributes'],
  ][] = [
    ['a', 'a@test.example', a.id, ['analyst'], []],
    ['a2', 'a2@test.example', a.id, ['planner'], []],
    ['b', 'b@test.example', b.id, ['operations'], []],
    ['b2', 'b2@test.example', b.id, ['viewer'], []],
    ['bChild', 'bchild@test.example', bChild.id, ['operations'], []],
    ['c', 'c@test.example', c.id, ['operations'], []],
    ['admin', 'admin@test.example', a.id, ['admin'], []],
    ['les', 'les@test.example', c.id, ['analyst'], ['law-enforcement', 'pii-access']],
  ];
  const users = {} as Scenario['users'];
  for (const [key, email, agencyId, roles, attributes] of people) {
    const user = await addUser(deps, null, { email, password: testPassword, agencyId, roles, attributes });
    users[key] = {
      id: user.id,
      email,
      viewer: {
        userId: user.id,
        agencyId,
        agencyAncestorIds: await deps.agencies.ancestorsOf(agencyId),
        roles,
        attributes: attributes ?? [],
      },
    };
  }
  return { agencies: { a: a.id, b: b.id, c: c.id, bChild: bChild.id }, users };
}
