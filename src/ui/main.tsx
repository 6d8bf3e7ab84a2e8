import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { Layout } from './Layout';
import { HomePage } from './pages/HomePage';
import { startApp } from './data/startup';
import { startSync } from './syncing/startSync';
import { ROUTE_PATTERNS } from './routes';
import './styles.css';

import { screen } from './screen';
import { syncScreens } from './pages/syncing/screens';
import { qaScreens } from './pages/qa/screens';
import { eqaScreens } from './pages/eqa/screens';
import { verifierScreens } from './pages/verifier/screens';

/** Shown in the layout while a screen opened by a direct link or a reload is still loading. */
function ScreenLoading() {
  return <p role="status">Loading…</p>;
}

const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { index: true, element: <HomePage /> },
      {
        // A pathless route so the fallback renders inside the layout, with the header and navigation.
        HydrateFallback: ScreenLoading,
        children: [
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
        ],
      },
    ],
  },
]);

void startApp();
startSync();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <RouterProvider router={router} />
  </StrictMode>,
);
