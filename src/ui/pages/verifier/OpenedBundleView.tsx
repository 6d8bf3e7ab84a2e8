// A portfolio opened read-only (the verifier's bundle, or one portfolio of an EQA's visit pack): the assessor's own
// pages (unit, evidence, forms), reading it through OpenedPortfolioContext instead of the database, linking within
// its read-only views, with no control that changes records.
import { useMemo, type ReactNode } from 'react';
import { Link } from 'react-router';
import type { VerifiedBundle } from '../../../bundle';
import { portfolioOfBundle } from '../../../bundle';
import { OpenedPortfolioContext, type PortfolioRoutes } from '../../data/openedPortfolio';
import { routes } from '../../routes';
import { useBundleSpec } from './hooks';
import { useOpenedBundle } from './openedBundle';

/** Links between the opened bundle's read-only views: the portfolio is the verifier view itself. */
export const VERIFY_ROUTES: PortfolioRoutes = {
  portfolio: () => routes.verifier(),
  evidence: (_portfolioId, evidenceId) => routes.verifyEvidence(evidenceId),
  unit: (_portfolioId, unitCode) => routes.verifyUnit(unitCode),
  forms: () => routes.verifyForms(),
  form: (_portfolioId, formId) => routes.verifyForm(formId),
  generatedForm: (_portfolioId, type) => routes.verifyGeneratedForm(type),
  newForm: () => routes.verifyForms(),
};

/** Links between the read-only views of a pack's portfolio: the portfolio is the opened pack, showing it. */
export const PACK_ROUTES: PortfolioRoutes = {
  portfolio: () => routes.verifyPack(),
  evidence: routes.verifyPackEvidence,
  unit: routes.verifyPackUnit,
  forms: routes.verifyPackForms,
  form: routes.verifyPackForm,
  generatedForm: routes.verifyPackGeneratedForm,
  newForm: (portfolioId) => routes.verifyPackForms(portfolioId),
};

/** A read-only view with nothing to show: the screen's title, what went wrong if anything, and where to open one. */
export function NothingOpen({
  title,
  problem,
  children,
}: {
  title: string;
  problem: string | null;
  children: ReactNode;
}) {
  return (
    <section>
      <h1>{title}</h1>
      {problem && (
        <p className="alert" role="alert">
          {problem}
        </p>
      )}
      <p>{children}</p>
    </section>
  );
}

/** No bundle open (or the kept one could not be reopened): where to open one. */
export function NoBundleOpen({ problem }: { problem: string | null }) {
  return (
    <NothingOpen title="Verifier view" problem={problem}>
      No bundle is open. <Link to={routes.openBundle()}>Open a bundle</Link> and choose “Open read-only”.
    </NothingOpen>
  );
}

/** Renders `children` (a portfolio page) over the opened bundle, reopening it after a reload. */
export function OpenedBundleView({ children }: { children: ReactNode }) {
  const { bundle, loading, problem } = useOpenedBundle();
  if (loading) return <p role="status">Opening the bundle you had open…</p>;
  if (!bundle) return <NoBundleOpen problem={problem} />;
  return (
    <ReadOnlyPortfolio
      bundle={bundle}
      links={VERIFY_ROUTES}
      from="the bundle you opened as a verifier"
      back={<Link to={routes.verifier()}>Back to your decisions</Link>}
    >
      {children}
    </ReadOnlyPortfolio>
  );
}

interface ReadOnlyPortfolioProps {
  bundle: VerifiedBundle;
  links: PortfolioRoutes;
  /** Where the portfolio comes from, in words after “Read-only:”. */
  from: string;
  back: ReactNode;
  children: ReactNode;
}

/** Renders `children` (a portfolio page) over one verified portfolio, linking within `links`. */
export function ReadOnlyPortfolio({ bundle, links, from, back, children }: ReadOnlyPortfolioProps) {
  const enrolment = bundle.records.enrolments[0]!;
  const spec = useBundleSpec(bundle, enrolment);
  const opened = useMemo(() => {
    const portfolio = portfolioOfBundle(bundle, spec);
    return portfolio && { portfolio, media: bundle.media, routes: links };
  }, [bundle, spec, links]);
  if (!opened) return <NoBundleOpen problem="The opened bundle holds no portfolio." />;
  return (
    <OpenedPortfolioContext value={opened}>
      <p className="notice" data-testid="read-only-view">
        Read-only: {from}. {back}
      </p>
      {children}
    </OpenedPortfolioContext>
  );
}
