import type { ReactElement } from 'react';
import { IncidentBoardPage } from './IncidentBoardPage.tsx';
import { IncidentPage } from './IncidentPage.tsx';
import { ResourcesPage } from './ResourcesPage.tsx';

/** The incident and resources pages by path; null when the path is not theirs. */
export function incidentRoute(pathname: string): ReactElement | null {
  if (pathname === '/incidents') return <IncidentBoardPage />;
  if (pathname === '/resources') return <ResourcesPage />;
  const incident = /^\/incidents\/([^/]+)$/.exec(pathname);
  if (incident?.[1]) return <IncidentPage id={decodeURIComponent(incident[1])} />;
  return null;
}
