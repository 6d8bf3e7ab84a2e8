import { Suspense } from 'react';
import { Link, Outlet } from 'react-router';
import { ScrollRestoration } from './components/ScrollRestoration';
import { UpdatePrompt } from './components/UpdatePrompt';
import { OnlineStatus } from './components/OnlineStatus';
import { DatabaseOutdated } from './components/DatabaseOutdated';
import { RouteFocus } from './components/RouteFocus';
import { routes } from './routes';
import { NAV_LINKS } from './navLinks';
import { afterFirstScreenPart } from './firstScreen';

// Parts of the frame the first screen does not wait for (firstScreen.tsx): each a chunk of its own, once it is up.
const SyncBadgeSlot = afterFirstScreenPart<object>(() => import('./syncing/SyncBadgeGate'));
const ActingPerson = afterFirstScreenPart<object>(() =>
  import('./components/ActingPerson').then((m) => ({ default: m.ActingPerson })),
);
const NearQuotaWarning = afterFirstScreenPart<object>(() =>
  import('./components/StorageMeter').then((m) => ({ default: m.NearQuotaWarning })),
);

export function Layout() {
  return (
    <>
      <ScrollRestoration />
      <RouteFocus />
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <Link to={routes.home()} className="brand">
          Fieldfolio
        </Link>
        <nav aria-label="Main">
          {NAV_LINKS.map((link) => (
            <Link key={link.to} to={link.to}>
              {link.label}
            </Link>
          ))}
        </nav>
        <OnlineStatus />
        <SyncBadgeSlot />
        <ActingPerson />
      </header>
      <UpdatePrompt />
      <DatabaseOutdated />
      <NearQuotaWarning />
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<p role="status">Loading…</p>}>
          <Outlet />
        </Suspense>
      </main>
    </>
  );
}
