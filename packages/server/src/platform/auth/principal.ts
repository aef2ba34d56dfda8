import type { Role, UserAttribute, Viewer } from '@vigil/core';

/** The authenticated caller of one request. */
export type Principal = {
  viewer: Viewer;
  email: string;
  displayName: string;
  via: 'session' | 'token';
  sessionId: string | null;
  csrfToken: string | null;
};

export type UserRow = {
  id: string;
  agency_id: string;
  roles: string;
  attributes: string;
  email: string;
  display_name: string;
};

export function viewerFromUser(row: UserRow, agencyAncestorIds: string[]): Viewer {
  return {
    userId: row.id,
    agencyId: row.agency_id,
    agencyAncestorIds,
    roles: JSON.parse(row.roles) as Role[],
    attributes: JSON.parse(row.attributes) as UserAttribute[],
  };
}
