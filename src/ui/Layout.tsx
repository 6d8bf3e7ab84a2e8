import { Suspense } from 'react';
import { Link, Outlet, ScrollRestoration } from 'react-router';
import { UpdatePrompt } from './components/UpdatePrompt';
import { OnlineStatus } from './components/OnlineStatus';
import { ActingPerson } from './components/ActingPerson';
import { DatabaseOutdated } from './components/DatabaseOutdated';
import { NearQuotaWarning } from './components/StorageMeter';
import { RouteFocus } from './components/RouteFocus';
import { routes } from './routes';

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
          <Link to={routes.home()}>Portfolios</Link>
          <Link to={routes.people()}>People</Link>
          <Link to={routes.qualifications()}>Qualifications</Link>
          <Link to={routes.openBundle()}>Open a bundle</Link>
          <Link to={routes.trust()}>Trust</Link>
        </nav>
        <OnlineStatus />
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
