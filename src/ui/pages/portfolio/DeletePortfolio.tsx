// Deleting a portfolio with its records (tombstones that travel in bundles), and what the page shows once it is
// deleted: the undo, for as long as the page stays open.
import { Link } from 'react-router';
import { deletePortfolio } from '../../../storage';
import { DeleteWithConfirm, UndoDeletionNote, type UndoableDeletion } from '../../components/DeleteWithUndo';
import { routes } from '../../routes';

export function DeletePortfolioSection({
  portfolioId,
  candidateName,
  recordCount,
  deletions,
}: {
  portfolioId: string;
  candidateName: string;
  recordCount: number;
  deletions: UndoableDeletion;
}) {
  return (
    <section aria-labelledby="delete-portfolio-heading">
      <h2 id="delete-portfolio-heading">Delete this portfolio</h2>
      <DeleteWithConfirm
        action="Delete this portfolio"
        consequence={`Delete ${candidateName}’s portfolio and its ${recordCount} ${recordCount === 1 ? 'record' : 'records'} (evidence, media, forms, decisions and signatures)? It disappears from every list on this device, and other devices learn of it in bundles. You can undo it while this page is open.`}
        onConfirm={() => deletions.remove(() => deletePortfolio(portfolioId))}
      />
    </section>
  );
}

/** The page of a portfolio deleted here: what happened, the undo, and the way home. */
export function DeletedPortfolio({ deletions }: { deletions: UndoableDeletion }) {
  return (
    <article className="portfolio">
      <h1>Portfolio deleted</h1>
      <UndoDeletionNote state={deletions} />
      <p>
        <Link to={routes.home()}>Back to the portfolios</Link>
      </p>
    </article>
  );
}
