/** The agency tree and helpers the access tests share (test support; not exported from the folder). */
import { canSee } from './can-see.ts';
import type { Marking } from './marking.ts';
import type { Viewer } from './viewer.ts';

/*
 * The agency tree used throughout:
 *
 *   owner ── owner-sub                    (the record's owning agency and its own client)
 *   partner ── partner-sub ── partner-subsub
 *   stranger                              (nobody shared anything with it)
 */
export const ancestors: Record<string, string[]> = {
  owner: [],
  'owner-sub': ['owner'],
  partner: [],
  'partner-sub': ['partner'],
  'partner-subsub': ['partner-sub', 'partner'],
  stranger: [],
};

export function viewer(agencyId: string, options: { userId?: string; attributes?: string[] } = {}): Viewer {
  return {
    userId: options.userId ?? `someone-at-${agencyId}`,
    agencyId,
    agencyAncestorIds: ancestors[agencyId] ?? [],
    roles: ['analyst'],
    attributes: options.attributes ?? [],
  };
}

export function marking(overrides: Partial<Marking> = {}): Marking {
  return {
    ownerAgencyId: 'owner',
    authorUserId: 'author',
    tlp: 'CLEAR',
    caveats: [],
    shareAgencyIds: [],
    shareUserIds: [],
    ...overrides,
  };
}

/** Which agencies of the tree see the marking, through an ordinary (non-author) member. */
export function seenBy(m: Marking): string[] {
  return Object.keys(ancestors).filter((agencyId) => canSee(viewer(agencyId), m));
}

export const everyAgency = Object.keys(ancestors);
