import type { Viewer } from '@vigil/core';
import { addAgency } from '../agencies/index.ts';
import { seedBudgetDemo } from '../budget/index.ts';
import { createBulletin } from '../bulletins/index.ts';
import { seedIncidentDemo } from '../incident/index.ts';
import { seedInfrastructure } from '../infrastructure/index.ts';
import { seedInteropDemo } from '../interop/index.ts';
import type { AppDeps } from '../platform/deps.ts';
import { seedRiskDemo } from '../risk/index.ts';
import { addUser } from '../users/index.ts';
import { demoAgencies, demoBulletins, demoUsers } from './demo-data.ts';

export type DemoSeedResult = {
  seeded: boolean;
  agencies: Record<string, string>;
  users: { email: string; roles: string[]; agency: string }[];
  bulletins: number;
};

/**
 * The demo's agencies and users, created through the same actions as a user's requests: what
 * every module's demo seed starts from (its authors and partners). `step` is told of each one.
 */
export async function seedDemoPeople(
  deps: AppDeps,
  password: string,
  step: () => void = () => undefined,
): Promise<{ agencies: Record<string, string>; viewers: Map<string, Viewer> }> {
  const agencies: Record<string, string> = {};
  for (const agency of demoAgencies) {
    const parentId = agency.parent ? agencies[agency.parent] : undefined;
    const created = await addAgency(deps, null, {
      name: agency.name,
      kind: agency.kind,
      jurisdiction: agency.fips,
      ...(parentId ? { parentId } : {}),
    });
    agencies[agency.key] = created.id;
    step();
  }
  const viewers = new Map<string, Viewer>();
  for (const user of demoUsers) {
    const agencyId = agencies[user.agency] as string;
    const created = await addUser(deps, null, {
      email: user.email,
      password,
      displayName: user.name,
      agencyId,
      roles: user.roles,
      attributes: user.attributes ?? [],
    });
    viewers.set(user.email, {
      userId: created.id,
      agencyId,
      agencyAncestorIds: await deps.agencies.ancestorsOf(agencyId),
      roles: created.roles,
      attributes: created.attributes,
    });
    step();
  }
  return { agencies, viewers };
}

/**
 * Seeds the Virginia demo through the same actions a user's requests take, so every
 * demo record is journaled. Does nothing on a database that already has agencies.
 */
export async function seedDemo(
  deps: AppDeps,
  password: string,
  onStep?: (done: number, total: number) => void,
): Promise<DemoSeedResult> {
  const existing = await deps.database.db.selectFrom('agencies').select('id').limit(1).execute();
  const listed = demoUsers.map((u) => ({ email: u.email, roles: u.roles, agency: u.agency }));
  if (existing.length > 0) return { seeded: false, agencies: {}, users: listed, bulletins: 0 };

  const total = demoAgencies.length + demoUsers.length + demoBulletins.length;
  let done = 0;
  const step = () => onStep?.(++done, total);
  const { agencies, viewers } = await seedDemoPeople(deps, password, step);
  for (const bulletin of demoBulletins) {
    const author = viewers.get(bulletin.author) as Viewer;
    const shareWith = (bulletin.shareWith ?? []).map((key) =>
      bulletin.tlp === 'RED' ? (viewers.get(key) as Viewer).userId : (agencies[key] as string),
    );
    await createBulletin(deps, author, {
      title: bulletin.title,
      body: bulletin.body,
      marking: {
        tlp: bulletin.tlp,
        ...(bulletin.caveats ? { caveats: bulletin.caveats } : {}),
        ...(shareWith.length ? { shareWith } : {}),
      },
    });
    step();
  }
  await seedRiskDemo(deps, viewers, agencies);
  await seedInfrastructure(deps, viewers, agencies);
  await seedBudgetDemo(deps, viewers, agencies);
  await seedIncidentDemo(deps, viewers, agencies);
  await seedInteropDemo(deps, viewers, agencies);
  return { seeded: true, agencies, users: listed, bulletins: demoBulletins.length };
}
