// The opened bundle's read-only views: the assessor's own pages (unit, evidence, forms), reading the bundle through
// OpenedPortfolioContext instead of the database, linking within /verify/…, with no control that changes records.
import { useMemo, type ReactNode } from 'react';
import { Link } from 'react-router';
import type { VerifiedBundle } from '../../../bundle';
import { portfolioOfBundle } from '../../../bundle';
import { OpenedPortfolioContext, type PortfolioRoutes } from '../../data/openedPortfolio';
import { routes } from '../../routes';
import { useBundleSpec } from './hooks';
import { useOpenedBundle } from './openedBundle';

/** Links between the read-only views: the portfolio is the verifier view itself. */
const VERIFY_ROUTES: PortfolioRoutes = {
  portfolio: () => routes.verifier(),
  evidence: (_portfolioId, evidenceId) => routes.verifyEvidence(evidenceId),
  unit: (_portfolioId, unitCode) => routes.verifyUnit(unitCode),
  forms: () => routes.verifyForms(),
  form: (_portfolioId, formId) => routes.verifyForm(formId),
  generatedForm: (_portfolioId, type) => routes.verifyGeneratedForm(type),
  newForm: () => routes.verifyForms(),
};

/** No bundle open (or the kept one could not be reopened): where to open one. */
export function NoBundleOpen({ problem }: { problem: string | null }) {
  return (
    <section>
      <h1>Verifier view</h1>
      {problem && (
        <p className="alert" role="alert">
          {problem}
        </p>
      )}
      <p>
        No bundle is open. <Link to={routes.openBundle()}>Open a bundle</Link> and choose “Open read-only”.
      </p>
    </section>
  );
}

/** Renders `children` (a portfolio page) over the opened bundle, reopening it after a reload. */
export function OpenedBundleView({ children }: { children: ReactNode }) {
  const { bundle, loading, problem } = useOpenedBundle();
  if (loading) return <p role="status">Opening the bundle you had open…</p>;
  if (!bundle) return <NoBundleOpen problem={problem} />;
  return <WithBundle bundle={bundle}>{children}</WithBundle>;
}

function WithBundle({ bundle, children }: { bundle: VerifiedBundle; children: ReactNode }) {
  const enrolment = bundle.records.enrolments[0]!;
  const spec = useBundleSpec(bundle, enrolment);
  const opened = useMemo(() => {
    const portfolio = portfolioOfBundle(bundle, spec);
    return portfolio && { portfolio, media: bundle.media, routes: VERIFY_ROUTES };
  }, [bundle, spec]);
  if (!opened) return <NoBundleOpen problem="The opened bundle holds no portfolio." />;
  return (
    <OpenedPortfolioContext value={opened}>
      <p className="notice" data-testid="read-only-view">
        Read-only: the bundle you opened as a verifier. <Link to={routes.verifier()}>Back to your decisions</Link>
      </p>
      {children}
    </OpenedPortfolioContext>
  );
}
