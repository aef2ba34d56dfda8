import { type QueryClient, useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useLiveEvents } from '../api/live-events.ts';
import { useSession, useSignedIn } from '../api/session.tsx';
import { vigilClient } from '../api/vigil-client.ts';
import './layout.css';
import { MarkingBanner, MarkingBannerProvider } from '../ui/marking-banner.tsx';
import { visibleModules } from './modules.ts';
import { Link, useLocation } from './router.tsx';

const liveText = {
  connecting: 'connecting',
  live: 'live',
  reconnecting: 'reconnecting…',
  off: 'offline',
} as const;

export function Layout(props: { children: ReactNode; queryClient: QueryClient }) {
  const user = useSignedIn();
  const { signOut } = useSession();
  const { pathname } = useLocation();
  const live = useLiveEvents(props.queryClient, true);
  const agencies = useQuery({ queryKey: ['agencies'], queryFn: () => vigilClient.listAgencies() });
  const agency = agencies.data?.items.find((a) => a.id === user.agencyId);
  // On a narrow screen the modules fold behind a Menu button (layout.css decides when). The menu is
  // open on the page it was opened on only, so following one of its links closes it.
  const [menuOpenOn, setMenuOpenOn] = useState<string | null>(null);
  const menuOpen = menuOpenOn === pathname;
  return (
    <MarkingBannerProvider>
      {(label) => (
        <div className="app">
          <a className="skip-link" href="#main">
            Skip to content
          </a>
          {label ? <MarkingBanner tlp={label} /> : null}
          <header className="topbar">
            <span className="brand">Vigil</span>
            <button
              type="button"
              className="menu-button"
              aria-expanded={menuOpen}
              aria-controls="modules-nav"
              onClick={() => setMenuOpenOn(menuOpen ? null : pathname)}
            >
              <span aria-hidden="true">☰ </span>Menu
            </button>
            <nav id="modules-nav" aria-label="Modules" className={menuOpen ? 'menu-open' : undefined}>
              <ul>
                {visibleModules(user.roles).map((m) => (
                  <li key={m.path}>
                    <Link
                      to={m.path}
                      aria-current={pathname.startsWith(m.path) ? 'page' : undefined}
                      onFollow={() => setMenuOpenOn(null)}
                    >
                      {m.label}
                    </Link>
                  </li>
                ))}
              </ul>
            </nav>
            <div className="who">
              <span
                className={`live live-${live}`}
                role="status"
                aria-label={`Live updates: ${liveText[live]}`}
              >
                <span aria-hidden="true">●</span> {liveText[live]}
              </span>
              <span className="who-name">{user.displayName}</span>
              <span className="who-agency">
                {agency?.name ?? '…'} · {user.roles.join(', ')}
              </span>
              <button type="button" className="link-button" onClick={() => void signOut()}>
                Sign out
              </button>
            </div>
          </header>
          <main id="main" tabIndex={-1}>
            {props.children}
          </main>
        </div>
      )}
    </MarkingBannerProvider>
  );
}
