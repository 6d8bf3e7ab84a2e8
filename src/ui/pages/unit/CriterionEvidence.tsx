import { formatDate } from '../../../domain';
import { Link } from 'react-router';
import type { CriterionProgress, Evidence } from '../../../domain';
import { usePortfolioRoutes } from '../../data/openedPortfolio';
import { ShowMore, useShownList } from '../../components/ShowMore';

interface CriterionEvidenceProps {
  criterion: CriterionProgress;
  portfolioId: string;
  evidenceById: Map<string, Evidence>;
  assessorName: (id: string) => string | undefined;
  /** Records the acting assessor's judgement; absent when no assessor is acting. */
  onJudge?: (outcome: 'met' | 'not-yet') => void;
}

/** A criterion with the assessor's judgement, the Met / Not yet buttons, and all the evidence mapped to it. */
export function CriterionEvidence({
  criterion: c,
  portfolioId,
  evidenceById,
  assessorName,
  onJudge,
}: CriterionEvidenceProps) {
  const list = useShownList(c.evidenceIds);
  const links = usePortfolioRoutes();
  return (
    <li data-criterion={c.ref.key}>
      <strong>{c.ref.label}</strong> {c.ref.text}
      <div className="judgement">
        {c.decision && (
          <span className={`tag ${c.decision.outcome}`} data-testid={`judgement-${c.ref.key}`}>
            {c.decision.outcome === 'met' ? '✓ Met' : 'Not yet'} · {formatDate(c.decision.date)} ·{' '}
            {assessorName(c.decision.assessorId)}
          </span>
        )}
        {onJudge && (
          <>
            {' '}
            <button type="button" className="secondary small" onClick={() => onJudge('met')}>
              Met<span className="visually-hidden"> {c.ref.label}</span>
            </button>{' '}
            <button type="button" className="secondary small" onClick={() => onJudge('not-yet')}>
              Not yet<span className="visually-hidden"> {c.ref.label}</span>
            </button>
          </>
        )}
      </div>
      {c.evidenceIds.length === 0 ? (
        <p className="meta">No evidence yet.</p>
      ) : (
        <ul>
          {list.visible.map((id) => (
            <li key={id}>
              <Link to={links.evidence(portfolioId, id)}>{evidenceById.get(id)?.title}</Link>{' '}
              <span className="tag">{evidenceById.get(id)?.type}</span>{' '}
              <span className="meta">{formatDate(evidenceById.get(id)?.date)}</span>
            </li>
          ))}
        </ul>
      )}
      <ShowMore list={list} />
    </li>
  );
}
