import './noEval';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { Layout } from './Layout';
import { SpecListPage } from './pages/SpecListPage';
import { SpecPage } from './pages/SpecPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { HomePage } from './pages/HomePage';
import { PeoplePage } from './pages/PeoplePage';
import { NewPortfolioPage } from './pages/NewPortfolioPage';
import { PortfolioPage } from './pages/PortfolioPage';
import { EvidenceNewPage } from './pages/EvidenceNewPage';
import { EvidencePage } from './pages/EvidencePage';
import { UnitPage } from './pages/UnitPage';
import { FormsPage, FormPage, GeneratedFormPage } from './forms';
import { ImportPage } from './pages/ImportPage';
import { VerifierPage } from './pages/VerifierPage';
import { TrustPage } from './pages/TrustPage';
import { startApp } from './data/startup';
import { ROUTE_PATTERNS } from './routes';
import './styles.css';

const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { index: true, element: <HomePage /> },
      { path: ROUTE_PATTERNS.qualifications, element: <SpecListPage /> },
      { path: ROUTE_PATTERNS.qualification, element: <SpecPage /> },
      { path: ROUTE_PATTERNS.people, element: <PeoplePage /> },
      { path: ROUTE_PATTERNS.newPortfolio, element: <NewPortfolioPage /> },
      { path: ROUTE_PATTERNS.portfolio, element: <PortfolioPage /> },
      { path: ROUTE_PATTERNS.newEvidence, element: <EvidenceNewPage /> },
      { path: ROUTE_PATTERNS.evidence, element: <EvidencePage /> },
      { path: ROUTE_PATTERNS.unit, element: <UnitPage /> },
      { path: ROUTE_PATTERNS.forms, element: <FormsPage /> },
      { path: ROUTE_PATTERNS.generatedForm, element: <GeneratedFormPage /> },
      { path: ROUTE_PATTERNS.form, element: <FormPage /> },
      { path: ROUTE_PATTERNS.openBundle, element: <ImportPage /> },
      { path: ROUTE_PATTERNS.verifier, element: <VerifierPage /> },
      { path: ROUTE_PATTERNS.trust, element: <TrustPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

void startApp();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <RouterProvider router={router} />
  </StrictMode>,
);
