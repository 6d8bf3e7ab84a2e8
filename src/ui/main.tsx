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
import { startApp } from './data/startup';
import './styles.css';

const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'qualifications', element: <SpecListPage /> },
      { path: 'qualifications/:specId', element: <SpecPage /> },
      { path: 'people', element: <PeoplePage /> },
      { path: 'portfolios/new', element: <NewPortfolioPage /> },
      { path: 'portfolios/:portfolioId', element: <PortfolioPage /> },
      { path: 'portfolios/:portfolioId/evidence/new', element: <EvidenceNewPage /> },
      { path: 'portfolios/:portfolioId/evidence/:evidenceId', element: <EvidencePage /> },
      { path: 'portfolios/:portfolioId/units/:unitCode', element: <UnitPage /> },
      { path: 'portfolios/:portfolioId/forms', element: <FormsPage /> },
      { path: 'portfolios/:portfolioId/forms/generated/:formType', element: <GeneratedFormPage /> },
      { path: 'portfolios/:portfolioId/forms/:formId', element: <FormPage /> },
      { path: 'import', element: <ImportPage /> },
      { path: 'verify', element: <VerifierPage /> },
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
