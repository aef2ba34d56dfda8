import { useEffect } from 'react';
import { useSignedIn } from '../api/session.tsx';
import { AdminPage } from '../features/admin/AdminPage.tsx';
import { budgetRoute } from '../features/budget/budget-routes.tsx';
import { BulletinDetailPage } from '../features/bulletins/BulletinDetailPage.tsx';
import { BulletinsPage } from '../features/bulletins/BulletinsPage.tsx';
import { ComposeBulletinPage } from '../features/bulletins/ComposeBulletinPage.tsx';
import { incidentRoute } from '../features/incident/incident-routes.tsx';
import { InfrastructurePage } from '../features/infrastructure/InfrastructurePage.tsx';
import { InteropPage } from '../features/interop/InteropPage.tsx';
import { MapPage } from '../features/map/MapPage.tsx';
import { riskRoute } from '../features/risk/risk-routes.tsx';
import { mayOpenModule, moduleAt } from './modules.ts';
import { navigate, useLocation } from './router.tsx';

function Redirect(props: { to: string }) {
  useEffect(() => navigate(props.to, { replace: true }), [props.to]);
  return null;
}

export function Routes() {
  const { pathname } = useLocation();
  const user = useSignedIn();
  if (pathname === '/' || pathname === '/index.html') return <Redirect to="/map" />;
  // A typed or bookmarked address the user's roles do not open says so, rather than asking the server for a 403.
  const entry = moduleAt(pathname);
  if (entry && !mayOpenModule(entry, user.roles)) {
    return (
      <Missing
        title={`${entry.label} is not available`}
        text={`Your roles (${user.roles.join(', ')}) do not open ${entry.label}.`}
      />
    );
  }
  if (pathname === '/map') return <MapPage />;
  if (pathname === '/infrastructure') return <InfrastructurePage />;
  if (pathname === '/interop') return <InteropPage />;
  if (pathname === '/bulletins') return <BulletinsPage />;
  if (pathname === '/bulletins/new') return <ComposeBulletinPage />;
  const bulletin = /^\/bulletins\/([^/]+)$/.exec(pathname);
  if (bulletin?.[1]) return <BulletinDetailPage id={decodeURIComponent(bulletin[1])} />;
  const budget = budgetRoute(pathname);
  if (budget) return budget;
  const operations = incidentRoute(pathname);
  if (operations) return operations;
  const risk = riskRoute(pathname);
  if (risk) return risk;
  if (pathname === '/admin') return <AdminPage />;
  return <Missing text={`Nothing at ${pathname}.`} />;
}

function Missing(props: { title?: string; text: string }) {
  return (
    <section className="page">
      <h1>{props.title ?? 'Not found'}</h1>
      <p>{props.text}</p>
    </section>
  );
}
