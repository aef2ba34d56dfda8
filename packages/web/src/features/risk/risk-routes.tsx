import type { ReactElement } from 'react';
import { RiskCountyPage } from './RiskCountyPage.tsx';
import { RiskPage } from './RiskPage.tsx';
import { ScenariosPage } from './ScenariosPage.tsx';
import { ThiraPage } from './ThiraPage.tsx';
import { ThreatsPage } from './ThreatsPage.tsx';

/** The risk module's pages by path; null when the path is not the module's. */
export function riskRoute(pathname: string): ReactElement | null {
  if (pathname === '/risk') return <RiskPage />;
  if (pathname === '/risk/scenarios') return <ScenariosPage />;
  if (pathname === '/risk/thira') return <ThiraPage />;
  if (pathname === '/risk/threats') return <ThreatsPage />;
  const county = /^\/risk\/counties\/(\d{5})$/.exec(pathname);
  if (county?.[1]) return <RiskCountyPage fips={county[1]} />;
  return null;
}
