import { Link, useLocation } from '../../app/router.tsx';

const pages = [
  { path: '/risk', label: 'Counties' },
  { path: '/risk/scenarios', label: 'Climate scenarios' },
  { path: '/risk/thira', label: 'THIRA/SPR' },
  { path: '/risk/threats', label: 'Threat register' },
  { path: '/map', label: 'Risk map' },
];

/** The risk module's own pages, under the module's one entry in the main navigation. */
export function RiskNav() {
  const { pathname } = useLocation();
  return (
    <nav className="risk-subnav" aria-label="Risk pages">
      {pages.map((page) => (
        <Link key={page.path} to={page.path} aria-current={pathname === page.path ? 'page' : undefined}>
          {page.label}
        </Link>
      ))}
    </nav>
  );
}
