// One portfolio of the EQA's opened visit pack, shown through the verifier's read-only views (unit, evidence,
// forms, media at full size): the same pages over the pack's verified portfolio, reopening the kept pack after a
// reload.
import { useEffect, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { routes } from '../../routes';
import { useEqaPack } from '../../state/eqaPack';
import { NothingOpen, PACK_ROUTES, ReadOnlyPortfolio } from '../verifier/OpenedBundleView';
import { useOpenedPack } from './openedPack';

/** No pack open, or the portfolio named is not in it: where to open one. */
function NoPackPortfolio({ problem }: { problem: string }) {
  return (
    <NothingOpen title="EQA visit pack" problem={problem}>
      <Link to={routes.verifyPack()}>Open an EQA pack</Link>
    </NothingOpen>
  );
}

/** Renders `children` (a portfolio page) over the pack's portfolio named in the path. */
export function PackPortfolioView({ children }: { children: ReactNode }) {
  const { portfolioId } = useParams();
  const { pack, loading, problem } = useOpenedPack();
  const portfolio = pack?.portfolios.find((p) => p.portfolioId === portfolioId);
  // Back at the pack, the portfolio being looked at is the one shown.
  useEffect(() => {
    if (portfolio) useEqaPack.getState().show(portfolio.portfolioId);
  }, [portfolio]);
  if (loading) return <p role="status">Opening the pack you had open…</p>;
  if (!pack) return <NoPackPortfolio problem={problem ?? 'No EQA visit pack is open on this device.'} />;
  if (!portfolio) return <NoPackPortfolio problem="The pack you have open does not hold this portfolio." />;
  return (
    <ReadOnlyPortfolio
      bundle={portfolio}
      links={PACK_ROUTES}
      from="a portfolio of the EQA visit pack you opened"
      back={<Link to={routes.verifyPack()}>Back to the pack</Link>}
    >
      {children}
    </ReadOnlyPortfolio>
  );
}
