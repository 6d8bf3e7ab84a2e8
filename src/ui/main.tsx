import { lazy, StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Route, Routes, type RouteObject } from 'react-router';
import { Layout } from './Layout';
import { HomePage } from './pages/HomePage';
import { ROUTE_PATTERNS } from './routes';
import { afterFirstScreen, screenCodeLoaded, watchFirstScreen } from './firstScreen';
import './styles.css';
import { openDatabaseEarly } from '../storage';

import { screen } from './screen';
import { syncScreens } from './pages/syncing/screens';
import { qaScreens } from './pages/qa/screens';
import { eqaScreens } from './pages/eqa/screens';
import { verifierScreens } from './pages/verifier/screens';

/** Every screen but the home screen: each its own chunk, fetched when first opened (precached for offline use). */
const screens: RouteObject[] = [
  {
    path: ROUTE_PATTERNS.qualifications,
    lazy: screen(
      () => import('./pages/SpecListPage'),
      (m) => m.SpecListPage,
    ),
  },
  {
    path: ROUTE_PATTERNS.qualification,
    lazy: screen(
      () => import('./pages/SpecPage'),
      (m) => m.SpecPage,
    ),
  },
  {
    path: ROUTE_PATTERNS.people,
    lazy: screen(
      () => import('./pages/PeoplePage'),
      (m) => m.PeoplePage,
    ),
  },
  {
    path: ROUTE_PATTERNS.newPortfolio,
    lazy: screen(
      () => import('./pages/NewPortfolioPage'),
      (m) => m.NewPortfolioPage,
    ),
  },
  {
    path: ROUTE_PATTERNS.portfolio,
    lazy: screen(
      () => import('./pages/PortfolioPage'),
      (m) => m.PortfolioPage,
    ),
  },
  {
    path: ROUTE_PATTERNS.newEvidence,
    lazy: screen(
      () => import('./pages/EvidenceNewPage'),
      (m) => m.EvidenceNewPage,
    ),
  },
  {
    path: ROUTE_PATTERNS.evidence,
    lazy: screen(
      () => import('./pages/EvidencePage'),
      (m) => m.EvidencePage,
    ),
  },
  {
    path: ROUTE_PATTERNS.unit,
    lazy: screen(
      () => import('./pages/UnitPage'),
      (m) => m.UnitPage,
    ),
  },
  {
    path: ROUTE_PATTERNS.forms,
    lazy: screen(
      () => import('./forms/FormsPage'),
      (m) => m.FormsPage,
    ),
  },
  {
    path: ROUTE_PATTERNS.generatedForm,
    lazy: screen(
      () => import('./forms/GeneratedFormPage'),
      (m) => m.GeneratedFormPage,
    ),
  },
  {
    path: ROUTE_PATTERNS.form,
    lazy: screen(
      () => import('./forms/FormPage'),
      (m) => m.FormPage,
    ),
  },
  {
    path: ROUTE_PATTERNS.openBundle,
    lazy: screen(
      () => import('./pages/ImportPage'),
      (m) => m.ImportPage,
    ),
  },
  {
    path: ROUTE_PATTERNS.verifier,
    lazy: screen(
      () => import('./pages/VerifierPage'),
      (m) => m.VerifierPage,
    ),
  },
  {
    path: ROUTE_PATTERNS.trust,
    lazy: screen(
      () => import('./pages/TrustPage'),
      (m) => m.TrustPage,
    ),
  },
  ...syncScreens,
  ...qaScreens,
  ...eqaScreens,
  ...verifierScreens,
  {
    path: '*',
    lazy: screen(
      () => import('./pages/NotFoundPage'),
      (m) => m.NotFoundPage,
    ),
  },
];

/**
 * A screen's element, loaded when first rendered. The app uses react-router's declarative router (not the data
 * router, whose `lazy` routes these objects were written for): the first visit downloads ~17 KB gzipped less
 * (docs/performance.md). The layout's <Suspense> shows "Loading…" while a screen opened by a link or a reload loads.
 */
function screenElement(route: RouteObject): ReactNode {
  const load = route.lazy;
  if (typeof load !== 'function') return route.element;
  const Screen = lazy(async () => {
    const { Component } = await load();
    if (!Component) throw new Error(`The screen for ${route.path} has no component`);
    screenCodeLoaded();
    return { default: Component };
  });
  return <Screen />;
}

const screenRoutes = screens.map((route) => ({ path: route.path, element: screenElement(route) }));

// Reading and validating the bundled specs is the heaviest work of a start and no screen needs it to show (the demo
// loaders wait for it): it runs once the first screen is up, from a chunk of its own. Sync starts then too
// (startSync reads the settings, whose schema the first screen does not need).
watchFirstScreen();
openDatabaseEarly();
afterFirstScreen(() => {
  void import('./data/startup').then(({ startApp }) => startApp());
  void import('./syncing/startSync').then(({ startSync }) => startSync());
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <BrowserRouter>
      <Routes>
        <Route element={<Layout />}>
          <Route index element={<HomePage />} />
          {screenRoutes.map((route) => (
            <Route key={route.path} path={route.path} element={route.element} />
          ))}
        </Route>
      </Routes>
    </BrowserRouter>
  </StrictMode>,
);
