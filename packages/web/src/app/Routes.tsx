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
import { navigate, useLocation } from './router.tsx';

function Redirect(props: { to: string }) {
  useEffect(() => navigate(props.to, { replace: true }), [props.to]);
  return null;
}

export function Routes() {
  const { pathname } = useLocation();
  const user = useSignedIn();
  if (pathname === '/' || pathname === '/index.html') return <Redirect to="/map" />;
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
  if (pathname === '/admin') {
    return user.roles.includes('admin') ? (
      <AdminPage />
    ) : (
      <Missing text="Administration is for administrators." />
    );
  }
  return <Missing text={`Nothing at ${pathname}.`} />;
}

function Missing(props: { text: string }) {
  return (
    <section className="page">
      <h1>Not found</h1>
      <p>{props.text}</p>
    </section>
  );
}
