import type { Role } from './permissions.ts';

/**
 * Who is asking: resolved once per request from the session or API token.
 * `agencyAncestorIds` lists the agency's parents up to the root, so TLP:AMBER's
 * "organisation and its clients" needs no recursive query.
 */
export type Viewer = {
  userId: string;
  agencyId: string;
  agencyAncestorIds: string[];
  roles: Role[];
  attributes: string[];
};
